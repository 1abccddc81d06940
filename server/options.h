// The command line of muamala-server.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/centers.h"
#include "server/http/client_address.h"
#include "server/http/tls_certificates.h"

namespace muamala::server {

struct Options {
    std::string bind_address = "127.0.0.1";              // --bind: only this machine, unless told otherwise
    int port = 8080;                                     // --port: 0 lets the system pick a free one
    std::filesystem::path database = "data/muamala.db";  // --db: relative to the working directory
    bool secure_cookies = false;                         // --secure-cookies: behind TLS, cookies go over TLS only
    CounterPolicy counter_policy = CounterPolicy::area;  // --counter-policy area|any: whom a center serves
    std::filesystem::path rulebook;                      // --rulebook FILE: figures to decide with; empty: the embedded ones
    // The network edge: TLS, the public address, and the proxies whose X-Forwarded-For is believed.
    std::optional<TlsFiles> tls;                // --tls-cert FILE --tls-key FILE (both or neither)
    std::string public_url;                     // --public-url URL, without a trailing '/'
    std::vector<AddressRange> trusted_proxies;  // --trusted-proxy CIDR, repeatable
};

// seed-demo: a synthetic registry for demos and benchmarks (demo_seed.h).
struct SeedDemoOptions {
    int households = 200;
    int accounts = 20;
    std::uint64_t seed = 2026;
    int history_months = 30;              // --history-months N: SYNTHETIC past transactions; 0 for none
    std::optional<std::string> today;     // --today YYYY-MM-DD; default: today in Kuwait
    std::filesystem::path accounts_out;   // --accounts-out FILE: the demo sign-ins as JSON; empty: none
};

struct CommandLine {
    enum class Action { run, verify_audit, seed_demo, show_help, usage_error };
    Action action = Action::run;
    Options options;    // valid when action == run, verify_audit or seed_demo (the last two read only `database`)
    SeedDemoOptions seed_demo;  // valid when action == seed_demo
    std::string error;  // what was wrong, when action == usage_error
};

// Reads the arguments after the program name. Takes "--flag value" and "--flag=value". A first
// argument "verify-audit" asks for the audit chain check instead of serving; it takes only --db.
// "seed-demo" fills an empty database with a synthetic registry; it takes --db, --households,
// --accounts, --accounts-out, --seed, --today and --history-months.
CommandLine parse_command_line(std::span<const std::string_view> arguments);

std::string usage_text();  // for --help, and after a usage error

}  // namespace muamala::server
