// The supervisor's figures and /metrics, checked against counts the test makes
// itself with its own SQL over the seeded SYNTHETIC history, not through the code under test; and
// the seed's staff sign-ins and history.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "server/demo/demo_seed.h"
#include "tests/server/service_centers_fixture.h"

namespace muamala::server::testing {
namespace {

// Completed transactions per Kuwait month: (in person, online), counted here.
struct MonthCount {
    std::int64_t in_person = 0, online = 0;
};

std::map<std::string, MonthCount> count_by_month(Database& database) {
    auto connection = database.connect();
    Statement rows = connection->prepare(
        "SELECT substr(datetime(created_at, '+3 hours'), 1, 7), sum(channel = 'center'), sum(channel = 'online') "
        "FROM transactions WHERE status = 'completed' GROUP BY 1");
    std::map<std::string, MonthCount> months;
    while (rows.step()) months[rows.column_text(0)] = {rows.column_int64(1), rows.column_int64(2)};
    return months;
}

class KpisTest : public ::testing::Test {
protected:
    static constexpr int kMonths = 30;
    CenterServer centers{40, CounterPolicy::area, kMonths};
    Caller supervisor = sign_in_caller(centers.server, staff_civil_id(0), Role::supervisor);
    Json kpis = supervisor.get("/api/v1/supervisor/kpis").json();
    std::map<std::string, MonthCount> counted = count_by_month(centers.database);
};

TEST_F(KpisTest, EveryMonthMatchesAnIndependentCount) {
    ASSERT_TRUE(kpis.contains("by_month")) << kpis;
    // 30 months of history, 2023-08 to 2026-01, and this month so far.
    ASSERT_EQ(kpis["by_month"].size(), static_cast<std::size_t>(kMonths + 1));
    EXPECT_EQ(kpis["by_month"][0]["month"], "2023-08");
    EXPECT_EQ(kpis["by_month"][kMonths]["month"], "2026-02");
    EXPECT_EQ(kpis["by_month"][kMonths]["complete"], false);
    ASSERT_EQ(counted.size(), static_cast<std::size_t>(kMonths));
    std::int64_t in_person = 0, online = 0;
    for (const Json& month : kpis["by_month"]) {
        const MonthCount expected = counted[month["month"].get<std::string>()];
        EXPECT_EQ(month["in_person"], expected.in_person) << month["month"];
        EXPECT_EQ(month["online"], expected.online) << month["month"];
        in_person += expected.in_person;
        online += expected.online;
    }
    EXPECT_EQ(kpis["totals"]["in_person"], in_person);
    EXPECT_EQ(kpis["totals"]["online"], online);
    EXPECT_EQ(kpis["synthetic_transactions"], in_person + online);
    EXPECT_NE(kpis["note"]["en"].get<std::string>().find("SYNTHETIC"), std::string::npos);
}

TEST_F(KpisTest, TheBaselineTodayAndTheTrendTowardZero) {
    // Before e-services: the months before the first online transaction.
    std::vector<std::string> months;
    for (const auto& [month, count] : counted) months.push_back(month);
    std::size_t baseline = 0;
    double baseline_visits = 0;
    while (counted[months[baseline]].online == 0) baseline_visits += static_cast<double>(counted[months[baseline++]].in_person);
    baseline_visits /= static_cast<double>(baseline);
    ASSERT_EQ(baseline, 6u);
    EXPECT_EQ(kpis["baseline"]["from"], "2023-08");
    EXPECT_EQ(kpis["baseline"]["to"], "2024-01");
    EXPECT_DOUBLE_EQ(kpis["baseline"]["in_person_per_month"].get<double>(), baseline_visits);
    EXPECT_EQ(kpis["baseline"]["in_person_share"], 1.0);

    // Today: the last complete month. E-services have halved the visits, as the source article says.
    const MonthCount last = counted["2026-01"];
    EXPECT_EQ(kpis["current"]["month"], "2026-01");
    EXPECT_DOUBLE_EQ(kpis["current"]["in_person_share"].get<double>(),
                     static_cast<double>(last.in_person) / static_cast<double>(last.in_person + last.online));
    const double change = kpis["current"]["visits_change_from_baseline"];
    EXPECT_DOUBLE_EQ(change, static_cast<double>(last.in_person) / baseline_visits - 1.0);
    EXPECT_NEAR(change, -0.5, 0.1);

    // The trend: least squares through each month's in-person share since e-services began.
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = baseline; i < months.size(); ++i) {
        const double x = static_cast<double>(i - baseline);
        const double y = static_cast<double>(counted[months[i]].in_person) /
                         static_cast<double>(counted[months[i]].in_person + counted[months[i]].online);
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx), intercept = (sy - slope * sx) / n;
    EXPECT_NEAR(kpis["trend"]["slope_per_month"].get<double>(), slope, 1e-12);
    EXPECT_NEAR(slope, -0.5 / 24, 0.003) << "the share falls by half over the 24 months since e-services";
    EXPECT_EQ(kpis["trend"]["from"], "2024-02");
    EXPECT_EQ(kpis["trend"]["to"], "2026-01");
    const int zero = 2024 * 12 + 1 + static_cast<int>(std::ceil(-intercept / slope));  // 2024-02 is month index 1 of 2024
    char expected[16];
    std::snprintf(expected, sizeof expected, "%04d-%02d", zero / 12, zero % 12 + 1);
    EXPECT_EQ(kpis["trend"]["projected_zero_month"], expected);
    EXPECT_FALSE(kpis["trend"]["method"]["ar"].get<std::string>().empty());
}

TEST_F(KpisTest, ByKindAndByCenterMatchIndependentCounts) {
    auto connection = centers.database.connect();
    for (const Json& kind : kpis["by_kind"]) {
        Statement row = connection->prepare("SELECT count(*) FROM transactions WHERE status = 'completed' AND "
                                            "kind = ?1 AND channel = 'center'");
        row.bind(1, kind["kind"].get<std::string>()).step();
        EXPECT_EQ(kind["in_person"], row.column_int64(0)) << kind["kind"];
    }
    EXPECT_EQ(kpis["by_kind"].size(), 5u);

    // Al-Salam's model center: its own visits, and the online work of the people of its areas.
    Json al_salam;
    for (const Json& center : kpis["by_center"])
        if (center["center"]["id"] == "al-salam-morning") al_salam = center;
    ASSERT_TRUE(al_salam.is_object());
    EXPECT_EQ(al_salam["in_person"], centers.count("SELECT count(*) FROM transactions WHERE status = 'completed' AND "
                                                      "center_id = 'al-salam-morning'"));
    EXPECT_EQ(al_salam["online_in_its_areas"],
              centers.count("SELECT count(*) FROM transactions AS t JOIN persons AS p ON p.civil_id = t.sponsor "
                            "JOIN center_areas AS a ON a.area = p.home_area WHERE t.status = 'completed' "
                            "AND t.channel = 'online' AND a.center_id = 'al-salam-morning'"));
    EXPECT_EQ(kpis["by_center"].size(), 52u);
    std::int64_t visits = 0;
    for (const Json& center : kpis["by_center"]) visits += center["in_person"].get<std::int64_t>();
    EXPECT_EQ(visits, kpis["totals"]["in_person"]) << "every visit is at one center";
}

TEST_F(KpisTest, ACounterRenewalTodayCountsInPersonThisMonth) {
    const Caller at_al_salam = sign_in_caller(centers.server, staff_civil_id(1), Role::center_operator, "al-salam-morning");
    const HttpReply reply = at_al_salam.post("/api/v1/counter/transactions",
                                             {{"sponsor", centers.person("Fatima Al-Mutairi")},
                                              {"kind", "renew_child_residency"}, {"beneficiary", centers.person("Maryam Ahmed")},
                                              {"form", {{"years", 10}, {"phone", "99000001"}}}},
                                             "t-1");
    ASSERT_EQ(reply.status, 201) << reply.body;
    ASSERT_EQ(reply.json()["transaction"]["status"], "completed") << "a child's residency is free";
    const Json now = supervisor.get("/api/v1/supervisor/kpis").json();
    EXPECT_EQ(now["by_month"][kMonths]["in_person"], 1);
    EXPECT_EQ(now["by_month"][kMonths]["online"], 0);
    EXPECT_EQ(now["synthetic_transactions"], kpis["synthetic_transactions"]);
}

TEST(Kpis, AnEmptyRecordHasNoBaselineAndNoTrend) {
    CenterServer centers(2);
    const Json kpis = sign_in_caller(centers.server, staff_civil_id(0), Role::supervisor).get("/api/v1/supervisor/kpis").json();
    EXPECT_TRUE(kpis["by_month"].empty());
    EXPECT_TRUE(kpis["baseline"].is_null());
    EXPECT_TRUE(kpis["current"].is_null());
    EXPECT_TRUE(kpis["trend"].is_null());
    EXPECT_EQ(kpis["totals"]["total"], 0);
    EXPECT_TRUE(kpis["totals"]["in_person_share"].is_null());
}

// [SECTION] /metrics

TEST_F(KpisTest, MetricsAreInThePrometheusTextFormatWithTheCounts) {
    const HttpReply reply = get(centers.server.port(), "/metrics");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");

    // Every line is a HELP or TYPE comment or a sample; every sample's family was declared before it.
    const std::regex help(R"(# HELP ([a-z_]+) \S.*)"), type(R"(# TYPE ([a-z_]+) (counter|gauge))"),
        sample(R"(([a-z_]+)(\{([a-z_]+="[a-z_]+")(,[a-z_]+="[a-z_]+")*\})? ([0-9]+))");
    std::set<std::string> helped, typed;
    std::map<std::string, std::int64_t> samples;
    std::istringstream lines(reply.body);
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (std::regex_match(line, match, help)) helped.insert(match[1]);
        else if (std::regex_match(line, match, type)) typed.insert(match[1]);
        else if (std::regex_match(line, match, sample)) {
            EXPECT_TRUE(helped.contains(match[1]) && typed.contains(match[1])) << line;
            samples[line.substr(0, line.rfind(' '))] = std::stoll(match[5]);
        } else ADD_FAILURE() << "not Prometheus text: " << line;
    }
    EXPECT_EQ(reply.body.back(), '\n');

    EXPECT_EQ(samples[R"(muamala_transactions_completed_total{channel="center",kind="renew_husband_residency",origin="synthetic_history"})"],
              centers.count("SELECT count(*) FROM transactions WHERE channel = 'center' AND "
                            "kind = 'renew_husband_residency' AND origin = 'synthetic_history'"));
    EXPECT_EQ(samples[R"(muamala_transactions_completed_total{channel="online",kind="renew_child_residency",origin="synthetic_history"})"],
              centers.count("SELECT count(*) FROM transactions WHERE channel = 'online' AND "
                            "kind = 'renew_child_residency' AND origin = 'synthetic_history'"));
    EXPECT_TRUE(samples.contains(R"(muamala_transactions_completed_total{channel="online",kind="renew_child_licence",origin="live"})"))
        << "a series exists before its first event";
    EXPECT_EQ(samples[R"(muamala_centers{shift="morning"})"], 42);
    EXPECT_EQ(samples[R"(muamala_centers{shift="evening"})"], 10);
    EXPECT_EQ(samples[R"(muamala_appointments{status="booked"})"], 0);
}

// [SECTION] The seed

TEST(DemoSeedForCenters, SignsInStaffAndKeepsTheHistoryAwayFromDemoSponsors) {
    const auto seeded = [](TempDir& dir) {
        Database database(dir.path() / "seed.db");
        SeedSummary summary = seed_demo(database, {.households = 12, .accounts = 2, .seed = 5, .today = {2026, 2, 10},
                                                   .history_months = 12, .staff_accounts = true});
        auto connection = database.connect();
        Statement rows = connection->prepare(
            "SELECT group_concat(id || channel || coalesce(center_id, '') || created_at, ';') FROM "
            "(SELECT * FROM transactions ORDER BY id)");
        rows.step();
        return std::pair{summary, rows.column_text(0)};
    };
    TempDir first_dir, second_dir;
    const auto [summary, history] = seeded(first_dir);
    EXPECT_EQ(history, seeded(second_dir).second) << "the same seed and day give the same history";
    EXPECT_GE(summary.history_transactions, 12 * 18) << "about 20 a month for a dozen months";

    std::map<std::string, std::string> roles;
    for (const DemoAccount& account : summary.accounts) roles[std::string(name_of(account.role)) + " " + account.center_id] = account.civil_id;
    EXPECT_TRUE(roles.contains("operator al-salam-morning"));
    EXPECT_TRUE(roles.contains("operator hawally-evening"));
    EXPECT_TRUE(roles.contains("supervisor "));
    EXPECT_TRUE(roles.contains("admin "));
    EXPECT_EQ(summary.accounts.size(), 2u + 5u);

    Database database(first_dir.path() / "seed.db");
    auto connection = database.connect();
    Statement mixed = connection->prepare("SELECT count(*) FROM transactions AS t JOIN accounts AS a ON a.civil_id = t.sponsor");
    mixed.step();
    EXPECT_EQ(mixed.column_int64(0), 0) << "a demo sign-in sees only what she does";
    Statement operators = connection->prepare("SELECT center_id FROM accounts WHERE role = 'operator' ORDER BY id");
    ASSERT_TRUE(operators.step());
    EXPECT_EQ(operators.column_text(0), "al-salam-morning");
}

}  // namespace
}  // namespace muamala::server::testing
