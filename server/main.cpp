// muamala-server: parses the command line, opens the database, serves until SIGINT or SIGTERM (or
// runs one of the operator's commands, server/commands/, and exits).
// Everything else lives in the library (http_app.h and its neighbours), where tests can reach it.
#include <sys/stat.h>

#include <chrono>
#include <exception>
#include <fstream>
#include <iterator>
#include <filesystem>
#include <functional>
#include <optional>
#include <memory>
#include <stdexcept>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/rulebook.h"
#include "server/assets/static_assets.h"
#include "server/commands/commands.h"
#include "server/demo/demo_mark.h"
#include "server/http/api_routes.h"
#include "server/http/http_app.h"
#include "server/messages/scheduler.h"
#include "server/ops/clock.h"
#include "server/ops/server_log.h"
#include "server/ops/stop_signals.h"
#include "server/options.h"
#include "server/storage/center_store.h"
#include "server/storage/database.h"
#include "server/storage/private_files.h"

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
    if (const auto problem = database_files_not_private(options.database)) throw std::runtime_error(*problem);
    Database database(options.database);
    require_demo_flag_matches(*database.connect(), options.demo);
    const SystemClock clock;
    load_center_directory_if_empty(database, iso_timestamp(clock.now()));  // a new database gets the directory
    // SIMULATED payments in a demo only; a real deployment takes none until a KNET provider exists.
    const std::unique_ptr<PaymentProvider> payments =
        options.demo ? std::unique_ptr<PaymentProvider>(new TestGateway) : std::make_unique<NoPaymentProvider>();
    const ReceiptSigner receipts = ReceiptSigner::load_or_create(database, iso_timestamp(clock.now()));
    Services services{database, rulebook.rulebook, clock, *payments, receipts};
    // A browser that reached the server over TLS must never send its session cookie in clear text.
    services.secure_cookies = options.secure_cookies || options.tls.has_value();
    services.serves_tls = options.tls.has_value();
    services.public_url = options.public_url;
    services.counter_policy = options.counter_policy;
    services.rulebook_json = rulebook_json;
    services.demo = options.demo;
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
              << ", rulebook " << (options.rulebook.empty() ? std::string("built in") : options.rulebook.string())
              << (options.demo ? ", DEMO: made-up people, test payment gateway" : ", payments unavailable") << ")"
              << std::endl;
    app.listen();
    std::cerr << "muamala-server stopped" << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Everything this process creates is its owner's alone: the database and its WAL and shared
    // memory, backups, exports and the demo's sign-ins hold personal data and secrets.
    ::umask(077);
    const std::vector<std::string_view> arguments(argv + 1, argv + argc);
    const CommandLine command_line = parse_command_line(arguments);
    const Options& options = command_line.options;
    using Action = CommandLine::Action;
    try {
        switch (command_line.action) {
            case Action::show_help: std::cout << usage_text(); return 0;
            case Action::show_version: std::cout << version_text(); return 0;
            case Action::usage_error:
                std::cerr << "muamala-server: " << command_line.error << "\n\n" << usage_text();
                return 2;
            case Action::verify_audit: return run_verify_audit(options.database);
            case Action::seed_demo: return run_seed_demo(options.database, command_line.seed_demo);
            case Action::import_registry: return run_import_registry(options.database, command_line.registry);
            case Action::export_registry: return run_export_registry(options.database, command_line.registry);
            case Action::backup: return run_backup(options.database, command_line.backup);
            case Action::restore: return run_restore(options.database, command_line.backup);
            case Action::run: return serve(options);
        }
    } catch (const std::exception& failure) {
        std::cerr << "muamala-server: " << failure.what() << std::endl;
    }
    return 1;
}
