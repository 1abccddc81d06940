#include "tests/server/service_centers_fixture.h"

#include <stdexcept>

#include "common/centers.h"
#include "common/civil_id.h"
#include "server/demo/demo_seed.h"
#include "server/storage/center_store.h"

namespace muamala::server::testing {

std::string staff_civil_id(int n) {
    for (int serial = 0;; ++serial) {  // the n-th serial a check digit completes (some have none)
        const std::string first_eleven = "2400707" + std::to_string(10000 + serial).substr(1);
        const int check = civil_id_check_digit(first_eleven);
        if (check >= 0 && n-- == 0) return first_eleven + static_cast<char>('0' + check);
    }
}

HttpReply Caller::get(const std::string& path) const {
    return testing::get(port, path, {{"Cookie", session.cookie}});
}

HttpReply Caller::post(const std::string& path, const Json& body, const std::string& key) const {
    return testing::post(port, path, dump(body), "application/json",
                         {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}, {"Idempotency-Key", key}});
}

HttpReply Caller::put(const std::string& path, const Json& body, const std::string& key) const {
    return testing::put(port, path, dump(body), "application/json",
                        {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}, {"Idempotency-Key", key}});
}

HttpReply Caller::del(const std::string& path, const std::string& key) const {
    return testing::del(port, path,
                        {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}, {"Idempotency-Key", key}});
}

Caller sign_in_caller(const RunningServer& server, const std::string& civil_id, Role role,
                      const std::optional<std::string>& center_id) {
    return {server.port(), sign_in(server, create_test_account(server, civil_id, role, center_id))};
}

CenterServer::CenterServer(int households, CounterPolicy policy, int history_months)
    : server(clock, policy), database(server.database_file()) {
    seed_demo(database, {.households = households, .accounts = 0, .seed = 7, .today = kuwait_today(clock),
                         .history_months = history_months});
}

std::string CenterServer::person(const std::string& name_en) {
    const std::string id = text("SELECT civil_id FROM persons WHERE name_en = ?1", name_en);
    if (id.empty()) throw std::runtime_error("no one named " + name_en);
    return id;
}

std::string CenterServer::mother_outside(const std::string& center_id, const std::string& governorate) {
    auto connection = database.connect();
    const std::vector<Center> centers = read_centers(*connection);
    const Center& center = *find_center(centers, center_id);
    Statement mothers = connection->prepare("SELECT DISTINCT m.wife, p.home_area FROM marriages AS m "
                                            "JOIN persons AS p ON p.civil_id = m.wife ORDER BY m.wife");
    while (mothers.step()) {
        const Area* area = find_area(mothers.column_text(1));
        if (area && !serves_area(center, area->id) && governorate_info(area->governorate).id != governorate)
            return mothers.column_text(0);
    }
    throw std::runtime_error("every seeded mother is served by " + center_id);
}

std::int64_t CenterServer::count(const std::string& sql, const std::string& parameter) {
    auto connection = database.connect();
    Statement row = connection->prepare(sql);
    if (!parameter.empty()) row.bind(1, parameter);
    row.step();
    return row.column_int64(0);
}

std::string CenterServer::text(const std::string& sql, const std::string& parameter) {
    auto connection = database.connect();
    Statement row = connection->prepare(sql);
    if (!parameter.empty()) row.bind(1, parameter);
    return row.step() ? row.column_text(0) : std::string();
}

}  // namespace muamala::server::testing
