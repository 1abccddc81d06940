// seed-demo: a SYNTHETIC registry with demo sign-ins in an empty database (demo_seed.h).
#include <chrono>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "common/roles.h"
#include "common/wire.h"
#include "server/commands/commands.h"
#include "server/demo/demo_seed.h"
#include "server/ops/clock.h"
#include "server/storage/private_files.h"

namespace muamala::server {

int run_seed_demo(const std::filesystem::path& file, const SeedDemoOptions& options) {
    SeedOptions seed{.households = options.households, .accounts = options.accounts,
                     .seed = options.seed.value_or(2026), .sign_ins_from_seed = options.seed.has_value(),
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
              << " s into " << file.string() << " (a demo database: serve it with --demo)" << std::endl;
    if (!options.accounts_out.empty()) {
        Json accounts = Json::array();
        for (const DemoAccount& account : summary.accounts)
            accounts.push_back({{"civil_id", account.civil_id}, {"password", account.password},
                                {"totp_secret", account.totp_secret_base32}, {"role", name_of(account.role)},
                                {"name", account.name_en},
                                {"center_id", account.center_id.empty() ? Json(nullptr) : Json(account.center_id)}});
        if (options.accounts_out.has_parent_path()) std::filesystem::create_directories(options.accounts_out.parent_path());
        // The sign-ins are secrets of this demo: private, and whole or not at all.
        FileBeside written(options.accounts_out);
        std::ofstream out(written.path());
        out << accounts.dump(2) << '\n';
        out.close();
        if (!out) throw std::runtime_error("cannot write " + options.accounts_out.string());
        written.commit();
    }
    return 0;
}

}  // namespace muamala::server
