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
#include "server/edge/client_address.h"
#include "server/edge/tls_certificates.h"

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
    bool demo = false;  // --demo: serve a database made by seed-demo, with the test payment gateway
};

// seed-demo: a synthetic registry for demos and benchmarks (demo_seed.h).
struct SeedDemoOptions {
    int households = 200;
    int accounts = 20;
    std::optional<std::uint64_t> seed;    // --seed S: the registry and the sign-ins follow S; default: registry 2026, random sign-ins
    int history_months = 30;              // --history-months N: SYNTHETIC past transactions; 0 for none
    std::optional<std::string> today;     // --today YYYY-MM-DD; default: today in Kuwait
    std::filesystem::path accounts_out;   // --accounts-out FILE: the demo sign-ins as JSON; empty: none
};

// import-registry, export-registry, backup and restore: the operator's commands (server/commands/).
struct RegistryFileOptions {
    std::filesystem::path file;  // import-registry --from, export-registry --to
    bool dry_run = false;        // import-registry --dry-run: check and count, change nothing
    bool json = false;           // import-registry --json: the report as JSON Lines
};
struct BackupFileOptions {
    std::filesystem::path file;  // backup --to, restore --from
    bool force = false;          // restore --force: replace a database even while it is open
};

struct CommandLine {
    enum class Action {
        run, verify_audit, seed_demo, import_registry, export_registry, backup, restore,
        show_help, show_version, usage_error
    };
    Action action = Action::run;
    Options options;    // valid for every command but help, version and usage errors; most read only `database`
    SeedDemoOptions seed_demo;         // valid when action == seed_demo
    RegistryFileOptions registry;      // valid when action == import_registry or export_registry
    BackupFileOptions backup;          // valid when action == backup or restore
    std::string error;  // what was wrong, when action == usage_error
};

// Reads the arguments after the program name. Takes "--flag value" and "--flag=value". A first
// argument names a command instead of serving: "verify-audit" (the audit chain check; only --db),
// "seed-demo" (a synthetic registry; --db, --households, --accounts, --accounts-out, --seed,
// --today and --history-months), "import-registry" (--db, --from, --dry-run, --json),
// "export-registry" (--db, --to), "backup" (--db, --to) and "restore" (--db, --from, --force).
// The last four need --db and their file named: they change or copy a real deployment's data.
CommandLine parse_command_line(std::span<const std::string_view> arguments);

std::string usage_text();  // for --help, and after a usage error
std::string version_text();  // for --version: "muamala-server VERSION"

}  // namespace muamala::server
