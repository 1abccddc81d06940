// A deterministic synthetic registry for demos and benchmarks: Kuwaiti mothers married to
// non-Kuwaiti husbands, children of every age, and documents in every state a rule branch needs
// (valid, expiring, expired, short passports, fines, holds, time abroad, newborns). Everything is
// made up and labelled so; the same seed and date always give the same registry. On request it also
// adds staff sign-ins (operators, a supervisor, an admin) and a synthetic history of past
// transactions for the supervisor's figures (demo_history.h).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/roles.h"
#include "server/storage/database.h"

namespace muamala::server {

struct SeedOptions {
    int households = 200;
    int accounts = 20;          // sponsors of the first households who get a sign-in
    std::uint64_t seed = 2026;  // same seed + same today = same registry
    // true: passwords and TOTP secrets follow the seed too, so the sign-ins can be written down
    // (tests, the README's --seed example); false: drawn from the system's random source, so no one
    // can know a demo's sign-ins without reading its accounts file.
    bool sign_ins_from_seed = false;
    Date today;                 // documents are placed relative to this day
    // The command line asks for both; tests ask when they need them.
    int history_months = 0;       // months of SYNTHETIC past transactions for the KPIs (demo_history.h); 0: none
    bool staff_accounts = false;  // sign-ins for three operators, a supervisor and an admin
};

// A demo sign-in, written to the accounts file. The password and TOTP secret are synthetic.
struct DemoAccount {
    std::string civil_id;
    std::string password;
    std::string totp_secret_base32;
    Role role = Role::citizen;
    std::string name_en;
    std::string center_id;  // operators: the center they serve at; "" for others
};

struct SeedSummary {
    int households = 0;
    int persons = 0;
    std::vector<DemoAccount> accounts;
    int history_transactions = 0;  // SYNTHETIC past transactions written
};

// Fills an empty registry (refuses if persons already exist) in one transaction, after loading the
// center directory if the database has none, and marks the database as a demo (demo_mark.h).
SeedSummary seed_demo(Database& database, const SeedOptions& options);

}  // namespace muamala::server
