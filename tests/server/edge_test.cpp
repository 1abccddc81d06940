// The HTTP edge against hostile clients (server/edge/connection_guard.h, client_address.h): slow
// clients, crowds from one address, endless lines, forwarded addresses, and the command line that
// sets them up. Nothing here measures speed: it checks that ordinary requests are still answered.
//
// [SECTION] Client addresses behind a proxy
// [SECTION] Raw sockets from chosen loopback addresses
// [SECTION] Slow clients and crowds
// [SECTION] Command line
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "server/options.h"
#include "test_support.h"

namespace muamala::server::testing {
namespace {

using namespace std::chrono_literals;

// [SECTION] Client addresses behind a proxy

std::vector<AddressRange> ranges(std::initializer_list<const char*> cidrs) {
    std::vector<AddressRange> all;
    for (const char* cidr : cidrs) all.push_back(*AddressRange::parse(cidr));
    return all;
}

TEST(AddressRanges, MatchIPv4AndIPv6NetworksAndNothingElse) {
    const AddressRange ten = *AddressRange::parse("10.0.0.0/8");
    EXPECT_TRUE(ten.contains("10.200.3.4"));
    EXPECT_TRUE(ten.contains("::ffff:10.1.2.3")) << "an IPv4 client on an IPv6 socket";
    EXPECT_FALSE(ten.contains("11.0.0.1"));
    EXPECT_FALSE(ten.contains("not an address"));
    EXPECT_TRUE(AddressRange::parse("127.0.0.1")->contains("127.0.0.1"));
    EXPECT_FALSE(AddressRange::parse("127.0.0.1")->contains("127.0.0.2")) << "one address is a /32";
    const AddressRange v6 = *AddressRange::parse("2001:db8::/32");
    EXPECT_TRUE(v6.contains("2001:db8:1::5"));
    EXPECT_FALSE(v6.contains("2001:db9::5"));
    EXPECT_TRUE(AddressRange::parse("::1")->contains("::1"));
    for (const char* bad : {"", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8x", "example.com", "10.0.0.256"})
        EXPECT_FALSE(AddressRange::parse(bad)) << bad;
}

TEST(ClientAddresses, TheForwardedAddressIsBelievedOnlyFromATrustedProxyAndOnlyItsRightMostUntrustedHop) {
    const std::vector<AddressRange> proxies = ranges({"10.0.0.0/8", "::1"});
    EXPECT_EQ(real_client_address("203.0.113.9", "198.51.100.1", proxies), "203.0.113.9") << "not from a proxy";
    EXPECT_EQ(real_client_address("10.0.0.5", "198.51.100.1", proxies), "198.51.100.1");
    EXPECT_EQ(real_client_address("10.0.0.5", "6.6.6.6, 198.51.100.1, 10.0.0.7", proxies), "198.51.100.1")
        << "what the client wrote itself (6.6.6.6) is left of what the proxies saw";
    EXPECT_EQ(real_client_address("::1", " 2001:db8::7 ", proxies), "2001:db8::7");
    EXPECT_EQ(real_client_address("10.0.0.5", "10.0.0.9, 10.0.0.8", proxies), "10.0.0.9") << "all trusted: the first";
    EXPECT_EQ(real_client_address("10.0.0.5", "", proxies), "10.0.0.5");
    EXPECT_EQ(real_client_address("10.0.0.5", "unknown, 198.51.100.1", proxies), "10.0.0.5") << "not addresses";
    EXPECT_EQ(real_client_address("10.0.0.5", "198.51.100.1", {}), "10.0.0.5") << "no proxy trusted";
}

// [SECTION] Raw sockets from chosen loopback addresses

// A TCP connection to the server from `source` (any 127.0.0.0/8 address is this machine's).
class RawConnection {
public:
    RawConnection(int port, const std::string& source) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in from{};
        from.sin_family = AF_INET;
        inet_pton(AF_INET, source.c_str(), &from.sin_addr);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<uint16_t>(port));
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::bind(socket_, reinterpret_cast<const sockaddr*>(&from), sizeof from) == 0 &&
                     ::connect(socket_, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0;
    }
    ~RawConnection() { ::close(socket_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }
    bool send(std::string_view bytes) {
        return ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
    }
    // What the server sends until it closes the connection or `wait` passes without a byte.
    std::string receive_until_closed(std::chrono::milliseconds wait, bool* closed = nullptr) {
        const timeval timeout{static_cast<time_t>(wait.count() / 1000), static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
        setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        std::string received;
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::recv(socket_, buffer, sizeof buffer, 0);
            if (got > 0) {
                received.append(buffer, static_cast<std::size_t>(got));
                continue;
            }
            if (closed != nullptr) *closed = got == 0 || (got < 0 && errno == ECONNRESET);
            return received;
        }
    }

private:
    int socket_;
    bool connected_ = false;
};

// [SECTION] Slow clients and crowds

// Short deadlines, so the test sees them pass; the defaults are longer.
EdgeSettings quick_deadlines() {
    return EdgeSettings{.connection_limits = {.per_address = 20, .request_read = 2s, .response_write = 5s,
                                              .keep_alive_idle = 1s}};
}

TEST(SlowClients, SixtyConnectionsTricklingHeadersNeitherKeepOthersWaitingNorOutlastTheirDeadline) {
    const SystemClock clock;
    RunningServer server(clock, quick_deadlines());
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int index = 0; index < 60; ++index) {  // 3 from each of 20 addresses: under the per-address cap
        slow.push_back(std::make_unique<RawConnection>(server.port(), "127.0.1." + std::to_string(1 + index % 20)));
        ASSERT_TRUE(slow.back()->connected());
        ASSERT_TRUE(slow.back()->send("GET /api/v1/health HTTP/1.1\r\nHost: slow\r\nX-Slow: "));
    }
    std::atomic<bool> trickling = true;
    std::thread trickle([&] {
        while (trickling) {
            for (auto& connection : slow) connection->send("a");
            std::this_thread::sleep_for(200ms);
        }
    });
    for (int check = 0; check < 10; ++check) {
        const auto started = std::chrono::steady_clock::now();
        const HttpReply health = get(server.port(), "/api/v1/health");
        EXPECT_EQ(health.status, 200) << "check " << check;
        // A generous bound on a loaded machine: the point is that it is answered, not how fast.
        EXPECT_LT(std::chrono::steady_clock::now() - started, 5s) << "check " << check;
        std::this_thread::sleep_for(300ms);
    }
    trickling = false;
    trickle.join();
    // Past the 2 s deadline for a whole request, the server has hung up on every one of them.
    for (auto& connection : slow) {
        bool closed = false;
        connection->receive_until_closed(3s, &closed);
        EXPECT_TRUE(closed);
    }
}

TEST(SlowClients, OneAddressMayHoldOnlySoManyConnectionsAndIsToldWhyInBothLanguages) {
    const SystemClock clock;
    RunningServer server(clock, EdgeSettings{});  // deadlines long enough not to free any held connection
    std::vector<std::unique_ptr<RawConnection>> held;
    for (std::size_t index = 0; index < ConnectionLimits{}.per_address; ++index) {
        held.push_back(std::make_unique<RawConnection>(server.port(), "127.0.2.1"));
        ASSERT_TRUE(held.back()->connected());
        ASSERT_TRUE(held.back()->send("GET /api/v1/health HTTP/1.1\r\n"));  // never finished
    }
    // The server counts a connection once a worker takes it: give it time to take them all.
    std::this_thread::sleep_for(1000ms);
    RawConnection one_more(server.port(), "127.0.2.1");
    ASSERT_TRUE(one_more.connected());
    bool closed = false;
    const std::string refusal = one_more.receive_until_closed(2s, &closed);
    ASSERT_TRUE(refusal.starts_with("HTTP/1.1 429")) << refusal;
    const Json body = Json::parse(refusal.substr(refusal.find("\r\n\r\n") + 4), nullptr, false);
    ASSERT_TRUE(body.is_object()) << refusal;
    EXPECT_EQ(body["error"]["code"], "connection.too_many");
    EXPECT_FALSE(body["error"]["message"]["ar"].get<std::string>().empty());
    EXPECT_TRUE(closed);
    EXPECT_EQ(get(server.port(), "/api/v1/health").status, 200) << "other addresses are still served";
}

TEST(SlowClients, AnEndlessRequestLineIsCutOffLongBeforeItIsWhole) {
    RunningServer server;
    RawConnection endless(server.port(), "127.0.0.1");
    ASSERT_TRUE(endless.send("GET /"));
    const std::string megabyte(1 << 20, 'a');
    std::size_t sent = 0;
    for (int block = 0; block < 64 && endless.send(megabyte); ++block) sent += megabyte.size();
    // The server gives up on a line at 32 KB and hangs up; the kernel's buffers take a few MB more
    // before the sender learns it.
    EXPECT_LT(sent, 16u << 20) << "the server read on without bound";
    EXPECT_EQ(get(server.port(), "/api/v1/health").status, 200);
}

// [SECTION] Command line

CommandLine parse(std::initializer_list<std::string_view> arguments) {
    const std::vector<std::string_view> all(arguments);
    return parse_command_line(all);
}

TEST(EdgeCommandLine, TakesTlsFilesTogetherAPublicUrlAndRepeatedTrustedProxies) {
    const CommandLine command_line = parse({"--tls-cert", "c.pem", "--tls-key=k.pem", "--public-url",
                                            "https://muamala.example/", "--trusted-proxy", "10.0.0.0/8",
                                            "--trusted-proxy", "::1"});
    ASSERT_EQ(command_line.action, CommandLine::Action::run) << command_line.error;
    ASSERT_TRUE(command_line.options.tls);
    EXPECT_EQ(command_line.options.tls->certificate, "c.pem");
    EXPECT_EQ(command_line.options.tls->private_key, "k.pem");
    EXPECT_EQ(command_line.options.public_url, "https://muamala.example") << "no trailing slash";
    ASSERT_EQ(command_line.options.trusted_proxies.size(), 2u);
    EXPECT_TRUE(command_line.options.trusted_proxies[1].contains("::1"));

    EXPECT_EQ(parse({"--tls-cert", "c.pem"}).error, "--tls-cert and --tls-key go together");
    EXPECT_NE(parse({"--public-url", "muamala.example"}).error.find("--public-url takes"), std::string::npos);
    EXPECT_NE(parse({"--public-url", "https://x.example/?a=1"}).error.find("--public-url takes"), std::string::npos);
    EXPECT_NE(parse({"--trusted-proxy", "10.0.0.0/40"}).error.find("--trusted-proxy takes"), std::string::npos);
    for (const char* flag : {"--tls-cert", "--public-url", "--trusted-proxy"})
        EXPECT_NE(usage_text().find(flag), std::string::npos) << flag;
}

}  // namespace
}  // namespace muamala::server::testing
