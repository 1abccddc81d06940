#include "server/options.h"

#include <charconv>
#include <optional>

namespace muamala::server {
namespace {

std::optional<int> parse_port(std::string_view text) {
    int port = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (error != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535) return std::nullopt;
    return port;
}

// "https://host[:port][/path]": what a phone can open from a QR code. No query or fragment, since
// the verify path is appended; a trailing '/' is dropped for the same reason.
std::optional<std::string> parse_public_url(std::string_view text) {
    std::string_view rest = text;
    if (rest.starts_with("https://")) rest.remove_prefix(8);
    else if (rest.starts_with("http://")) rest.remove_prefix(7);
    else return std::nullopt;
    if (rest.empty() || rest.front() == '/' || rest.find_first_of("?# \t") != std::string_view::npos) return std::nullopt;
    while (text.ends_with('/')) text.remove_suffix(1);
    return std::string(text);
}

std::optional<CommandLine::Action> command_named(std::string_view name) {
    using Action = CommandLine::Action;
    if (name == "verify-audit") return Action::verify_audit;
    if (name == "seed-demo") return Action::seed_demo;
    if (name == "import-registry") return Action::import_registry;
    if (name == "export-registry") return Action::export_registry;
    if (name == "backup") return Action::backup;
    if (name == "restore") return Action::restore;
    return std::nullopt;
}

// The file each operator command must be given: what it reads (--from) or writes (--to).
std::string_view file_flag_of(CommandLine::Action action) {
    using Action = CommandLine::Action;
    switch (action) {
        case Action::import_registry:
        case Action::restore: return "--from";
        case Action::export_registry:
        case Action::backup: return "--to";
        default: return "";
    }
}

bool command_takes(CommandLine::Action action, std::string_view flag) {
    using Action = CommandLine::Action;
    if (flag == "--from" || flag == "--to") return file_flag_of(action) == flag;
    if (flag == "--dry-run" || flag == "--json") return action == Action::import_registry;
    return flag == "--force" && action == Action::restore;
}

CommandLine usage_error(std::string message) {
    CommandLine command_line;
    command_line.action = CommandLine::Action::usage_error;
    command_line.error = std::move(message);
    return command_line;
}

}  // namespace

CommandLine parse_command_line(std::span<const std::string_view> arguments) {
    using Action = CommandLine::Action;
    CommandLine command_line;
    std::size_t first_flag = 0;
    std::string_view command;  // "" when serving
    if (!arguments.empty() && !arguments.front().starts_with("-")) {
        const std::optional<Action> named = command_named(arguments.front());
        if (!named) return usage_error("unknown option " + std::string(arguments.front()));
        command_line.action = *named;
        command = arguments.front();
        first_flag = 1;
    }
    const Action action = command_line.action;
    bool database_named = false, file_named = false;
    for (std::size_t index = first_flag; index < arguments.size(); ++index) {
        const std::string_view argument = arguments[index];
        if (argument == "--help" || argument == "-h") {
            command_line.action = Action::show_help;
            return command_line;
        }
        if (argument == "--version" && command.empty()) {
            command_line.action = Action::show_version;
            return command_line;
        }

        const std::size_t equals = argument.find('=');
        const std::string_view flag = argument.substr(0, equals);
        const bool seed_flag = flag == "--households" || flag == "--accounts" || flag == "--accounts-out" ||
                               flag == "--seed" || flag == "--today" || flag == "--history-months";
        const bool serve_flag = flag == "--bind" || flag == "--port" || flag == "--secure-cookies" ||
                                flag == "--counter-policy" || flag == "--demo" || flag == "--rulebook" ||
                                flag == "--tls-cert" || flag == "--tls-key" || flag == "--public-url" ||
                                flag == "--trusted-proxy";
        const bool command_flag = flag == "--from" || flag == "--to" || flag == "--dry-run" || flag == "--json" ||
                                  flag == "--force";
        if (flag != "--db" && !seed_flag && !serve_flag && !command_flag)
            return usage_error("unknown option " + std::string(argument));
        if (seed_flag && action != Action::seed_demo) return usage_error(std::string(flag) + " belongs to seed-demo");
        if (action == Action::seed_demo && !seed_flag && flag != "--db")
            return usage_error("seed-demo takes --db and its own options, not " + std::string(flag));
        if (action == Action::verify_audit && flag != "--db")
            return usage_error("verify-audit takes only --db, not " + std::string(flag));
        if (serve_flag && action != Action::run)
            return usage_error(std::string(command) + " does not take " + std::string(flag));
        if (command_flag && !command_takes(action, flag)) {
            if (action == Action::run) return usage_error(std::string(flag) + " belongs to a command (see --help)");
            return usage_error(std::string(command) + " does not take " + std::string(flag));
        }
        const bool switch_flag = flag == "--secure-cookies" || flag == "--demo" || flag == "--dry-run" ||
                                 flag == "--json" || flag == "--force";
        if (switch_flag) {
            if (equals != std::string_view::npos) return usage_error(std::string(flag) + " takes no value");
            if (flag == "--secure-cookies") command_line.options.secure_cookies = true;
            else if (flag == "--demo") command_line.options.demo = true;
            else if (flag == "--dry-run") command_line.registry.dry_run = true;
            else if (flag == "--json") command_line.registry.json = true;
            else command_line.backup.force = true;
            continue;
        }
        std::string_view value;
        if (equals != std::string_view::npos) {
            value = argument.substr(equals + 1);
        } else if (index + 1 < arguments.size()) {
            value = arguments[++index];
        } else {
            return usage_error(std::string(flag) + " needs a value");
        }
        if (value.empty()) return usage_error(std::string(flag) + " needs a value");

        if (seed_flag) {
            SeedDemoOptions& seed = command_line.seed_demo;
            if (flag == "--accounts-out") {
                seed.accounts_out = value;
            } else if (flag == "--today") {
                seed.today = std::string(value);
            } else {
                std::uint64_t number = 0;
                const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
                const bool whole = error == std::errc() && end == value.data() + value.size();
                if (!whole || (flag != "--seed" && number > 10'000'000))
                    return usage_error(std::string(flag) + " takes a whole number, not " + std::string(value));
                if (flag == "--households") seed.households = static_cast<int>(number);
                else if (flag == "--accounts") seed.accounts = static_cast<int>(number);
                else if (flag == "--history-months") seed.history_months = static_cast<int>(number);
                else seed.seed = number;
            }
        } else if (flag == "--rulebook") {
            command_line.options.rulebook = value;
        } else if (flag == "--from" || flag == "--to") {
            file_named = true;
            if (action == Action::import_registry || action == Action::export_registry) command_line.registry.file = value;
            else command_line.backup.file = value;
        } else if (flag == "--bind") {
            command_line.options.bind_address = value;
        } else if (flag == "--counter-policy") {
            const std::optional<CounterPolicy> policy = parse_counter_policy(value);
            if (!policy) return usage_error("--counter-policy takes area or any, not " + std::string(value));
            command_line.options.counter_policy = *policy;
        } else if (flag == "--tls-cert" || flag == "--tls-key") {
            if (!command_line.options.tls) command_line.options.tls.emplace();
            (flag == "--tls-cert" ? command_line.options.tls->certificate : command_line.options.tls->private_key) = value;
        } else if (flag == "--public-url") {
            const std::optional<std::string> url = parse_public_url(value);
            if (!url)
                return usage_error("--public-url takes an address such as https://muamala.example, not " +
                                   std::string(value));
            command_line.options.public_url = *url;
        } else if (flag == "--trusted-proxy") {
            const std::optional<AddressRange> range = AddressRange::parse(value);
            if (!range)
                return usage_error("--trusted-proxy takes an address or network such as 10.0.0.0/8 or ::1, not " +
                                   std::string(value));
            command_line.options.trusted_proxies.push_back(*range);
        } else if (flag == "--port") {
            const std::optional<int> port = parse_port(value);
            if (!port) return usage_error("--port takes a number from 0 to 65535, not " + std::string(value));
            command_line.options.port = *port;
        } else {
            command_line.options.database = value;
            database_named = true;
        }
    }
    if (const auto& tls = command_line.options.tls; tls && (tls->certificate.empty() || tls->private_key.empty()))
        return usage_error("--tls-cert and --tls-key go together");
    if (const std::string_view file_flag = file_flag_of(action); !file_flag.empty()) {
        if (!database_named) return usage_error(std::string(command) + " needs --db FILE");
        if (!file_named) return usage_error(std::string(command) + " needs " + std::string(file_flag) + " FILE");
    }
    return command_line;
}

std::string version_text() { return "muamala-server " MUAMALA_VERSION "\n"; }

std::string usage_text() {
    return "Usage: muamala-server [--bind ADDRESS] [--port PORT] [--db FILE] [--secure-cookies]\n"
           "                     [--counter-policy area|any] [--rulebook FILE] [--tls-cert FILE --tls-key FILE]\n"
           "                     [--public-url URL] [--trusted-proxy CIDR]... [--demo]\n"
           "       muamala-server verify-audit [--db FILE]\n"
           "       muamala-server seed-demo [--db FILE] [--households N] [--accounts K] [--accounts-out FILE]\n"
           "                                [--seed S] [--today YYYY-MM-DD] [--history-months M]\n"
           "       muamala-server import-registry --db FILE --from FILE [--dry-run] [--json]\n"
           "       muamala-server export-registry --db FILE --to FILE\n"
           "       muamala-server backup --db FILE --to FILE\n"
           "       muamala-server restore --from FILE --db FILE [--force]\n"
           "       muamala-server --version\n"
           "\n"
           "Serves the Muamala web client and its API (/api/v1) from this one binary.\n"
           "\n"
           "  --bind ADDRESS  address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)\n"
           "  --port PORT     TCP port (default 8080; 0 picks a free one)\n"
           "  --db FILE       SQLite database (default data/muamala.db); the file and its folder\n"
           "                  are created with the current schema on first start\n"
           "  --secure-cookies\n"
           "                  mark the session cookie Secure, so browsers send it over HTTPS only:\n"
           "                  use it whenever clients reach the server through TLS (a reverse proxy)\n"
           "  --counter-policy area|any\n"
           "                  which sponsors a service center serves at its counter and in its\n"
           "                  appointment book: area (default) the sponsors of its own areas (an\n"
           "                  evening center, of its governorate); any, every sponsor\n"
           "  --rulebook FILE decide with the rulebook in FILE (the format of common/rulebook/rulebook.json)\n"
           "                  instead of the one built in: a change of fees is a new file, not a new\n"
           "                  release. The app in the browser decides with the same file (GET\n"
           "                  /api/v1/rulebook). A file that does not pass the loader's checks stops\n"
           "                  the start, naming each bad field\n"
           "  --tls-cert FILE --tls-key FILE\n"
           "                  serve HTTPS with this certificate (PEM, with its intermediates) and\n"
           "                  unencrypted key; SIGHUP reads both again, so a renewal needs no restart.\n"
           "                  Implies --secure-cookies, and sends Strict-Transport-Security\n"
           "  --public-url URL\n"
           "                  the address people reach the server at (https://muamala.example):\n"
           "                  receipts' verify links and QR codes start with it (default: the\n"
           "                  request's scheme and Host header)\n"
           "  --trusted-proxy CIDR\n"
           "                  a reverse proxy (10.0.0.5, 10.0.0.0/8, ::1), repeatable: only from these\n"
           "                  is X-Forwarded-For believed, and the client is its right-most address\n"
           "                  that is not a trusted proxy. Per-address limits (sign-in attempts,\n"
           "                  open connections) then count the client, not the proxy\n"
           "  --demo          serve a database made by seed-demo (and only such a database), with\n"
           "                  the test payment gateway; without it the server refuses a demo\n"
           "                  database, and payments are unavailable until a real provider exists\n"
           "  --help          show this text\n"
           "  --version       print the version and exit\n"
           "\n"
           "Logs one JSON line per request (and per internal error) to standard output;\n"
           "messages for people go to standard error. Stops cleanly on SIGINT (Ctrl-C) or SIGTERM.\n"
           "Exit status: 0 after a clean stop, 1 when the server cannot start, 2 for a usage error.\n"
           "Files it creates (database, backups, exports) are readable by their owner only, and it\n"
           "refuses to serve a database file that other users may read.\n"
           "\n"
           "verify-audit checks the hash chain of the audit log in FILE (which must exist) and prints\n"
           "\"audit chain whole: N entries\" (exit status 0) or the first broken entry and what is wrong\n"
           "with it (exit status 1; also when the file cannot be read).\n"
           "\n"
           "seed-demo fills an empty database with a SYNTHETIC registry: N households (default 200) of\n"
           "Kuwaiti mothers, non-Kuwaiti husbands and children, documents in every state the rules tell\n"
           "apart, placed relative to --today (default: today in Kuwait). The first K mothers (default 20)\n"
           "get demo sign-ins, written with their passwords and TOTP secrets to --accounts-out as JSON,\n"
           "with sign-ins for staff: three center operators, a supervisor and an admin. The other\n"
           "households get a SYNTHETIC history of M months (default 30) of completed transactions in\n"
           "which e-services halve the visits to the centers, for the supervisor's figures.\n"
           "The same --seed and --today always give the same registry. Without --seed the registry is\n"
           "that of seed 2026 and the passwords and TOTP secrets are random; with it they follow S too.\n"
           "The database is marked as a demo: the server serves it only with --demo.\n"
           "\n"
           "import-registry reads JSON Lines, one household a line (the README shows the format),\n"
           "checks each line whole and imports the good ones: a bad line is reported with its number\n"
           "and reasons and changes nothing. Importing the same file again changes nothing; a changed\n"
           "record is updated and audited. --dry-run checks and counts without changing anything;\n"
           "--json prints the report as JSON Lines. Exit status 0 when every line was imported, 1 when\n"
           "some were rejected (or the database failed), 2 for a usage error or an unreadable file.\n"
           "export-registry writes the registry in the same format (\"-\" for standard output).\n"
           "\n"
           "backup copies a database with SQLite's online backup: consistent while a server writes.\n"
           "restore checks a backup whole (SQLite's integrity check, the schema, the audit chain) before\n"
           "it replaces anything, refuses to replace a database that is open without --force, keeps\n"
           "the replaced one beside it (FILE.replaced-TIME), and replaces it in one rename.\n";
}

}  // namespace muamala::server
