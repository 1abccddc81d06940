// What the service-center tests share: a server on a Tuesday morning in Kuwait with a
// small synthetic registry, and signed-in callers for citizens and staff.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/centers.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {

// Tuesday 10 February 2026, 09:00 in Kuwait: the morning shift (07:30-14:00, Sunday to Thursday) is
// open and its slots up to 09:00 have begun.
inline const std::chrono::system_clock::time_point kTuesdayMorning =
    std::chrono::sys_days{std::chrono::year{2026} / 2 / 10} + std::chrono::hours(6);

// The n-th valid civil ID of someone born on 7 July 1940, older than anyone the demo seed makes:
// one for each member of staff a test signs in.
std::string staff_civil_id(int n);

// One signed-in person's calls. Writes send the CSRF token and the Idempotency-Key given.
struct Caller {
    int port = 0;
    SignedInSession session;
    HttpReply get(const std::string& path) const;
    HttpReply post(const std::string& path, const Json& body, const std::string& key) const;
    HttpReply put(const std::string& path, const Json& body, const std::string& key) const;
    HttpReply del(const std::string& path, const std::string& key) const;
};

Caller sign_in_caller(const RunningServer& server, const std::string& civil_id, Role role = Role::citizen,
                      const std::optional<std::string>& center_id = std::nullopt);

// A server with `households` seeded households (the first is the showcase family: Fatima Al-Mutairi
// of Al-Salam, her husband Ahmed, Omar, Maryam and baby Youssef).
class CenterServer {
public:
    explicit CenterServer(int households = 6, CounterPolicy policy = CounterPolicy::area, int history_months = 0);
    ManualClock clock{kTuesdayMorning};
    RunningServer server;
    Database database;

    std::string person(const std::string& name_en);  // civil ID by English name (the showcase family's are unique)
    // A seeded mother whose home area is not served by `center_id` (and not in `governorate`, when given).
    std::string mother_outside(const std::string& center_id, const std::string& governorate = "");
    std::int64_t count(const std::string& sql, const std::string& parameter = "");  // SELECT count(*)... with ?1
    std::string text(const std::string& sql, const std::string& parameter = "");    // the first column of the first row
};

}  // namespace muamala::server::testing
