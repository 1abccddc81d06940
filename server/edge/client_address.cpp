#include "server/edge/client_address.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace muamala::server {
namespace {

// `text` as 16 bytes, an IPv4 address mapped into IPv6, so one comparison serves both families.
std::optional<std::array<std::uint8_t, 16>> to_bytes(std::string_view text) {
    if (text.empty() || text.size() > INET6_ADDRSTRLEN) return std::nullopt;
    const std::string address(text);
    std::array<std::uint8_t, 16> bytes{};
    in_addr v4{};
    if (inet_pton(AF_INET, address.c_str(), &v4) == 1) {
        bytes[10] = bytes[11] = 0xff;
        std::memcpy(bytes.data() + 12, &v4, 4);
        return bytes;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, address.c_str(), &v6) == 1) {
        std::memcpy(bytes.data(), &v6, 16);
        return bytes;
    }
    return std::nullopt;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<AddressRange> AddressRange::parse(std::string_view cidr) {
    const std::size_t slash = cidr.find('/');
    const std::string_view address = cidr.substr(0, slash);
    const std::optional<std::array<std::uint8_t, 16>> bytes = to_bytes(address);
    if (!bytes) return std::nullopt;
    const bool v4 = address.find(':') == std::string_view::npos;
    int bits = v4 ? 32 : 128;
    if (slash != std::string_view::npos) {
        const std::string_view digits = cidr.substr(slash + 1);
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || bits < 0 ||
            bits > (v4 ? 32 : 128))
            return std::nullopt;
    }
    AddressRange range;
    range.network_ = *bytes;
    range.prefix_bits_ = v4 ? bits + 96 : bits;
    return range;
}

bool AddressRange::contains(std::string_view address) const {
    const std::optional<std::array<std::uint8_t, 16>> bytes = to_bytes(address);
    if (!bytes) return false;
    int bits = prefix_bits_;
    for (std::size_t index = 0; index < 16 && bits > 0; ++index, bits -= 8) {
        const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
        if (((*bytes)[index] & mask) != (network_[index] & mask)) return false;
    }
    return true;
}

bool is_trusted(const std::string& address, const std::vector<AddressRange>& trusted_proxies) {
    for (const AddressRange& range : trusted_proxies)
        if (range.contains(address)) return true;
    return false;
}

std::string real_client_address(const std::string& peer, std::string_view forwarded_for,
                                const std::vector<AddressRange>& trusted_proxies) {
    if (forwarded_for.empty() || !is_trusted(peer, trusted_proxies)) return peer;
    std::vector<std::string> hops;
    for (std::size_t start = 0; start <= forwarded_for.size();) {
        const std::size_t comma = forwarded_for.find(',', start);
        const std::string_view hop = trimmed(forwarded_for.substr(start, comma - start));
        if (!to_bytes(hop)) return peer;  // a header that is not a list of addresses tells nothing
        hops.emplace_back(hop);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop)
        if (!is_trusted(*hop, trusted_proxies)) return *hop;
    return hops.front();
}

}  // namespace muamala::server
