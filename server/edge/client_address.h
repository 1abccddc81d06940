// Who is really on the other end of a request. Behind a reverse proxy every connection comes from
// the proxy, and the client's address is in X-Forwarded-For, which anyone can also write: it is
// believed only when the connection comes from a proxy named with --trusted-proxy.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muamala::server {

// An IPv4 or IPv6 network: "10.0.0.0/8", "::1/128", or one address ("127.0.0.1", a whole /32 or /128).
class AddressRange {
public:
    static std::optional<AddressRange> parse(std::string_view cidr);  // nullopt when it is not one
    bool contains(std::string_view address) const;  // false for text that is not an address

private:
    std::array<std::uint8_t, 16> network_{};  // IPv4 as an IPv4-mapped IPv6 address (::ffff:a.b.c.d)
    int prefix_bits_ = 0;                      // of the 128
};

// The client's address: `peer` itself, unless `peer` is in `trusted_proxies`; then the right-most
// address in `forwarded_for` (X-Forwarded-For, "client, proxy1, proxy2") that is not a trusted
// proxy, since each proxy appends the address it saw and only the trusted ones' additions are true.
// Falls back to the left-most one when all are trusted, and to `peer` when the header is missing
// or holds something that is not an address.
std::string real_client_address(const std::string& peer, std::string_view forwarded_for,
                                const std::vector<AddressRange>& trusted_proxies);

bool is_trusted(const std::string& address, const std::vector<AddressRange>& trusted_proxies);

}  // namespace muamala::server
