// muamala-server: parses the command line, opens the database, serves until SIGINT or SIGTERM (or,
// with verify-audit, checks the audit chain and exits).
// Everything else lives in the library (http_app.h and its neighbours), where tests can reach it.
#include <chrono>
#include <exception>
#include <fstream>
#include <iterator>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/rulebook.h"
#include "server/assets/static_assets.h"
#include "server/demo/demo_seed.h"
#include "server/http/api_routes.h"
#include "server/http/http_app.h"
#include "server/messages/scheduler.h"
#include "server/ops/clock.h"
#include "server/ops/server_log.h"
#include "server/ops/stop_signals.h"
#include "server/options.h"
#include "server/security/audit.h"
#include "server/storage/center_store.h"
#include "server/storage/database.h"

namespace {

using namespace muamala;
using namespace muamala::server;

std::string url_of(bool tls, const std::string& address, int port) {
    const bool ipv6 = address.find(':') != std::string::npos;
    return (tls ? "https://" : "http://") + (ipv6 ? "[" + address + "]" : address) + ":" + std::to_string(port) + "/";
}

// The rulebook's text: --rulebook FILE, or the one built in.
std::string rulebook_text(const Options& options) {
    if (options.rulebook.empty()) return std::string(embedded_rulebook_json());
    std::ifstream in(options.rulebook, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the rulebook " + options.rulebook.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int serve(const Options& options) {
    ServerLog log(std::cout);
    const std::string rulebook_json = rulebook_text(options);
    const RulebookLoad rulebook = load_rulebook(rulebook_json);
    if (!rulebook.problems.empty()) {  // a decision on a broken rulebook would be wrong: refuse to start
        std::string problems;
        for (const std::string& problem : rulebook.problems) problems += "\n  " + problem;
        throw std::runtime_error("the rulebook " + (options.rulebook.empty() ? std::string("built in") : options.rulebook.string()) +
                                 " is not usable:" + problems);
    }
    Database database(options.database);
    const SystemClock clock;
    load_center_directory_if_empty(database, iso_timestamp(clock.now()));  // a new database gets the directory
    TestGateway payments;  // SIMULATED payments: see payments.h
    const ReceiptSigner receipts = ReceiptSigner::load_or_create(database, iso_timestamp(clock.now()));
    Services services{database, rulebook.rulebook, clock, payments, receipts};
    // A browser that reached the server over TLS must never send its session cookie in clear text.
    services.secure_cookies = options.secure_cookies || options.tls.has_value();
    services.serves_tls = options.tls.has_value();
    services.public_url = options.public_url;
    services.counter_policy = options.counter_policy;
    services.rulebook_json = rulebook_json;
    HttpApp app(api_routes(services), embedded_web_assets(), log,
                EdgeSettings{.tls = options.tls, .trusted_proxies = options.trusted_proxies});
    const int port = app.bind(options.bind_address, options.port);
    // Until here a signal simply ends the process, which loses nothing (SQLite survives that). From
    // here on it stops the server cleanly, and SIGHUP reads the TLS pair again. No other thread
    // exists yet, so all inherit the blocking.
    const auto reload_tls = [&app, &log, &clock] {
        const std::optional<std::string> problem = app.reload_tls();
        if (problem) log.error(clock.now(), "tls", "SIGHUP: kept the old certificate: " + *problem);
        std::cerr << "muamala-server: SIGHUP: " << (problem ? "kept the old certificate: " + *problem
                                                            : std::string("reloaded the TLS certificate and key"))
                  << std::endl;
    };
    StopOnSignal stop_on_signal(
        [&app] {
            app.wait_until_ready();  // a stop that came before listen() started would be ignored
            app.stop();
        },
        options.tls ? std::function<void()>(reload_tls) : std::function<void()>());
    // After the signal blocking above, which this thread must inherit: reminders for documents about
    // to expire, hourly, and their delivery (simulated: outbox.h).
    const ReminderScheduler reminders(database, clock, std::chrono::hours(1), [&log, &clock](const std::string& problem) {
        log.error(clock.now(), "reminders", problem);
    });
    std::cerr << "muamala-server " MUAMALA_VERSION " serving " << url_of(app.serves_tls(), options.bind_address, port)
              << " (database " << options.database.string() << ", counter policy " << name_of(options.counter_policy)
              << ", rulebook " << (options.rulebook.empty() ? std::string("built in") : options.rulebook.string()) << ")"
              << std::endl;
    app.listen();
    std::cerr << "muamala-server stopped" << std::endl;
    return 0;
}

int seed(const std::filesystem::path& file, const SeedDemoOptions& options) {
    SeedOptions seed{.households = options.households, .accounts = options.accounts, .seed = options.seed,
                     .today = kuwait_today(SystemClock()), .history_months = options.history_months,
                     .staff_accounts = true};
    if (options.today) {
        const auto today = parse_iso_date(*options.today);
        if (!today) throw std::runtime_error("--today takes a date as YYYY-MM-DD, not " + *options.today);
        seed.today = *today;
    }
    Database database(file);
    const auto started = std::chrono::steady_clock::now();
    const SeedSummary summary = seed_demo(database, seed);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cerr << "seeded " << summary.households << " SYNTHETIC households (" << summary.persons << " persons, "
              << summary.accounts.size() << " sign-ins, " << summary.history_transactions
              << " SYNTHETIC past transactions) for " << to_iso(seed.today) << " in " << took.count()
              << " s into " << file.string() << std::endl;
    if (!options.accounts_out.empty()) {
        Json accounts = Json::array();
        for (const DemoAccount& account : summary.accounts)
            accounts.push_back({{"civil_id", account.civil_id}, {"password", account.password},
                                {"totp_secret", account.totp_secret_base32}, {"role", name_of(account.role)},
                                {"name", account.name_en},
                                {"center_id", account.center_id.empty() ? Json(nullptr) : Json(account.center_id)}});
        if (options.accounts_out.has_parent_path()) std::filesystem::create_directories(options.accounts_out.parent_path());
        std::ofstream out(options.accounts_out);
        out << accounts.dump(2) << '\n';
        if (!out) throw std::runtime_error("cannot write " + options.accounts_out.string());
    }
    return 0;
}

// Reads the file as it is: no migration, and no new file where there was none.
int verify_audit(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw std::runtime_error("no database at " + file.string());
    Connection connection = Connection::open(file);
    const AuditCheck check = verify_audit_chain(connection);
    if (check.whole) {
        std::cout << "audit chain whole: " << check.entries << " entries" << std::endl;
        return 0;
    }
    std::cout << "audit chain broken at entry " << check.first_broken_seq << ": " << check.problem << " ("
              << check.entries << " entries read)" << std::endl;
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> arguments(argv + 1, argv + argc);
    const CommandLine command_line = parse_command_line(arguments);
    switch (command_line.action) {
    case CommandLine::Action::show_help:
        std::cout << usage_text();
        return 0;
    case CommandLine::Action::usage_error:
        std::cerr << "muamala-server: " << command_line.error << "\n\n" << usage_text();
        return 2;
    case CommandLine::Action::run:
    case CommandLine::Action::verify_audit:
    case CommandLine::Action::seed_demo:
        break;
    }
    try {
        if (command_line.action == CommandLine::Action::verify_audit) return verify_audit(command_line.options.database);
        if (command_line.action == CommandLine::Action::seed_demo)
            return seed(command_line.options.database, command_line.seed_demo);
        return serve(command_line.options);
    } catch (const std::exception& failure) {
        std::cerr << "muamala-server: " << failure.what() << std::endl;
        return 1;
    }
}
