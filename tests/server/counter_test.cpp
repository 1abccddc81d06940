// The counter over real HTTP: an operator at the Al-Salam center renews a
// husband's residency for a sponsor of her area through the same rules, recorded with channel
// center, her center and herself; a sponsor from elsewhere is refused under the default policy and
// served under --counter-policy any; appointments are checked in and walk-ins get tickets; and
// every role keeps to its own routes.
#include <gtest/gtest.h>

#include "tests/server/service_centers_fixture.h"

namespace muamala::server::testing {
namespace {

class CounterTest : public ::testing::Test {
protected:
    CenterServer centers;
    std::string fatima = centers.person("Fatima Al-Mutairi"), ahmed = centers.person("Ahmed Hassan");
    std::string operator_id = staff_civil_id(1);
    Caller at_al_salam = sign_in_caller(centers.server, operator_id, Role::center_operator, "al-salam-morning");

    Json renewal(const std::string& sponsor, const std::string& husband) const {
        return {{"sponsor", sponsor}, {"kind", "renew_husband_residency"}, {"beneficiary", husband},
                {"form", {{"years", 1}, {"phone", "+965 9900 0001"}}}};
    }
    std::vector<std::string> audit_of(const std::string& action) {
        auto connection = centers.database.connect();
        Statement rows = connection->prepare("SELECT actor, details FROM audit_log WHERE action = ?1 ORDER BY seq");
        rows.bind(1, action);
        std::vector<std::string> found;
        while (rows.step()) {
            const Json details = Json::parse(rows.column_text(1));
            found.push_back(rows.column_text(0) + " " + details.value("channel", "") + " " + details.value("center", "") +
                            " " + details.value("operator", ""));
        }
        return found;
    }
};

TEST_F(CounterTest, TheOperatorRenewsAResidencyForASponsorOfHerArea) {
    const HttpReply household = at_al_salam.get("/api/v1/counter/households/" + fatima);
    ASSERT_EQ(household.status, 200) << household.body;
    EXPECT_EQ(household.json()["members"][0]["civil_id"], ahmed);
    EXPECT_EQ(household.json()["sponsor"]["center"]["id"], "al-salam-morning");

    const HttpReply submitted = at_al_salam.post("/api/v1/counter/transactions", renewal(fatima, ahmed), "t-1");
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    EXPECT_EQ(submitted.json()["transaction"]["channel"], "center");
    EXPECT_EQ(submitted.json()["transaction"]["center_id"], "al-salam-morning");
    const std::string payment = submitted.json()["payment"]["id"];
    const HttpReply paid =
        at_al_salam.post("/api/v1/counter/payments/" + payment + "/test-gateway", {{"outcome", "approve"}}, "p-1");
    ASSERT_EQ(paid.status, 200) << paid.body;
    EXPECT_EQ(paid.json()["transaction"]["status"], "completed");
    EXPECT_EQ(paid.json()["receipt"]["channel"], "center");

    // Recorded with the channel, the center and the operator's account.
    const std::string transaction = submitted.json()["transaction"]["id"];
    EXPECT_EQ(centers.text("SELECT t.channel || ' ' || t.center_id || ' ' || a.civil_id FROM transactions AS t "
                           "JOIN accounts AS a ON a.id = t.operator_account WHERE t.id = ?1",
                           transaction),
              "center al-salam-morning " + operator_id);
    const std::string where = operator_id + " center al-salam-morning " + operator_id;
    EXPECT_EQ(audit_of("counter.household_viewed"), std::vector<std::string>{where});
    EXPECT_EQ(audit_of("counter.transaction_submitted"), std::vector<std::string>{where});
    EXPECT_EQ(audit_of("counter.payment_settled"), std::vector<std::string>{where});
    // And she sees it in her own history, done at the counter.
    const Caller citizen = sign_in_caller(centers.server, fatima);
    EXPECT_EQ(citizen.get("/api/v1/transactions").json()["transactions"][0]["channel"], "center");
}

TEST_F(CounterTest, TheSameRulesRefuseAtTheCounterAsOnline) {
    const HttpReply reply = at_al_salam.post(
        "/api/v1/counter/transactions",
        {{"sponsor", fatima}, {"kind", "renew_child_residency"}, {"beneficiary", centers.person("Omar Ahmed")},
         {"form", {{"years", 2}, {"phone", "99000001"}}}},
        "t-1");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.json()["error"]["code"], "validation_failed");
    EXPECT_EQ(reply.json()["decision"]["eligible"], false);
    EXPECT_EQ(centers.count("SELECT count(*) FROM transactions"), 0);
}

TEST_F(CounterTest, ASponsorFromAnotherAreaIsRefusedByDefault) {
    const std::string elsewhere = centers.mother_outside("al-salam-morning");
    const std::string her_husband = centers.text("SELECT husband FROM marriages WHERE wife = ?1", elsewhere);
    HttpReply reply = at_al_salam.get("/api/v1/counter/households/" + elsewhere);
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.json()["error"]["code"], "counter.outside_area");
    EXPECT_NE(reply.json()["error"]["message"]["en"].get<std::string>().find("Al-Salam Citizen Service Center serves"),
              std::string::npos);
    EXPECT_FALSE(reply.json()["error"]["message"]["ar"].get<std::string>().empty());
    reply = at_al_salam.post("/api/v1/counter/transactions", renewal(elsewhere, her_husband), "t-1");
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.json()["error"]["code"], "counter.outside_area");
    EXPECT_EQ(centers.count("SELECT count(*) FROM transactions"), 0);

    EXPECT_EQ(at_al_salam.get("/api/v1/counter/households/280010101234").json()["error"]["code"], "counter.sponsor_unknown");
    EXPECT_EQ(at_al_salam.get("/api/v1/counter/households/12345").status, 422);
}

TEST(CounterPolicyAny, ServesEverySponsor) {
    CenterServer centers(6, CounterPolicy::any);
    const Caller at_jahra = sign_in_caller(centers.server, staff_civil_id(1), Role::center_operator, "jahra-morning");
    const std::string fatima = centers.person("Fatima Al-Mutairi");  // of Al-Salam, in Hawalli
    EXPECT_EQ(at_jahra.get("/api/v1/counter/households/" + fatima).status, 200);
    const HttpReply reply = at_jahra.post("/api/v1/counter/transactions",
                                          {{"sponsor", fatima}, {"kind", "renew_husband_residency"},
                                           {"beneficiary", centers.person("Ahmed Hassan")},
                                           {"form", {{"years", 1}, {"phone", "99000001"}}}},
                                          "t-1");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json()["transaction"]["center_id"], "jahra-morning");
}

TEST_F(CounterTest, AnEveningCenterServesItsWholeGovernorate) {
    const Caller at_hawally_evening = sign_in_caller(centers.server, staff_civil_id(2), Role::center_operator, "hawally-evening");
    EXPECT_EQ(at_hawally_evening.get("/api/v1/counter/households/" + fatima).status, 200);
    const std::string outside_hawalli = centers.mother_outside("hawally-evening", "hawalli");
    EXPECT_EQ(at_hawally_evening.get("/api/v1/counter/households/" + outside_hawalli).status, 403);
}

TEST_F(CounterTest, PaymentsOfAnotherCentersTransactionsAreNotHers) {
    const Json submitted = at_al_salam.post("/api/v1/counter/transactions", renewal(fatima, ahmed), "t-1").json();
    const Caller at_salmiya = sign_in_caller(centers.server, staff_civil_id(2), Role::center_operator, "salmiya-morning");
    const std::string payment = submitted["payment"]["id"], transaction = submitted["transaction"]["id"];
    EXPECT_EQ(at_salmiya.post("/api/v1/counter/payments/" + payment + "/test-gateway", {{"outcome", "approve"}}, "p-1").status,
              404);
    EXPECT_EQ(at_salmiya.post("/api/v1/counter/transactions/" + transaction + "/payments", Json::object(), "p-2").status, 404);
    // A declined payment at her own counter can be tried again there.
    at_al_salam.post("/api/v1/counter/payments/" + payment + "/test-gateway", {{"outcome", "decline"}}, "p-3");
    const HttpReply reopened =
        at_al_salam.post("/api/v1/counter/transactions/" + transaction + "/payments", Json::object(), "p-4");
    ASSERT_EQ(reopened.status, 201) << reopened.body;
    EXPECT_EQ(audit_of("counter.payment_opened").size(), 1u);
}

// [SECTION] Check-in and the queue

TEST_F(CounterTest, AppointmentsAreCheckedInAtTheirCenterOnTheirDay) {
    const Caller citizen = sign_in_caller(centers.server, fatima);
    const Json today = get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=2026-02-10").json();
    const Json tomorrow = get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=2026-02-11").json();
    const auto book = [&](const Json& day, const std::string& kind, const std::string& who, const std::string& key) {
        return citizen.post("/api/v1/appointments",
                            {{"center", "al-salam-morning"}, {"slot", day["slots"][6]["id"]}, {"kind", kind}, {"beneficiary", who}},
                            key)
            .json()["appointment"]["id"]
            .get<std::string>();
    };
    const std::string now = book(today, "renew_husband_residency", ahmed, "b-1");
    const std::string later = book(tomorrow, "renew_child_licence", centers.person("Omar Ahmed"), "b-2");

    const Caller at_salmiya = sign_in_caller(centers.server, staff_civil_id(2), Role::center_operator, "salmiya-morning");
    HttpReply reply = at_salmiya.post("/api/v1/counter/appointments/" + now + "/check-in", Json::object(), "c-1");
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.json()["error"]["code"], "counter.other_center");
    reply = at_al_salam.post("/api/v1/counter/appointments/" + later + "/check-in", Json::object(), "c-2");
    EXPECT_EQ(reply.json()["error"]["code"], "appointment.not_today");

    reply = at_al_salam.post("/api/v1/counter/appointments/" + now + "/check-in", Json::object(), "c-3");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()["appointment"]["status"], "checked_in");
    EXPECT_EQ(reply.json()["ticket"]["number"], 1);
    EXPECT_EQ(reply.json()["ticket"]["source"], "appointment");
    reply = at_al_salam.post("/api/v1/counter/appointments/" + now + "/check-in", Json::object(), "c-4");
    EXPECT_EQ(reply.json()["error"]["code"], "appointment.not_booked");
    EXPECT_EQ(at_al_salam.post("/api/v1/counter/appointments/A-NOSUCHTHING/check-in", Json::object(), "c-5").status, 404);
    const std::string where = operator_id + " center al-salam-morning " + operator_id;
    EXPECT_EQ(audit_of("appointment.checked_in"), std::vector<std::string>{where});
}

TEST_F(CounterTest, WalkInsGetTicketsNumberedPerCenterPerDay) {
    const Caller at_salmiya = sign_in_caller(centers.server, staff_civil_id(2), Role::center_operator, "salmiya-morning");
    std::vector<std::int64_t> numbers;
    for (const char* key : {"w-1", "w-2", "w-3"})
        numbers.push_back(at_al_salam.post("/api/v1/counter/tickets", Json::object(), key).json()["ticket"]["number"]);
    numbers.push_back(at_salmiya.post("/api/v1/counter/tickets", Json::object(), "w-1").json()["ticket"]["number"]);
    EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 2, 3, 1}));
    EXPECT_EQ(at_al_salam.post("/api/v1/counter/tickets", Json::object(), "w-3").json()["ticket"]["number"], 3)
        << "a retry with the same key is the same ticket";

    centers.clock.advance(std::chrono::minutes(10));
    const Json queue = at_al_salam.get("/api/v1/counter/queue").json();
    EXPECT_EQ(queue["center"]["id"], "al-salam-morning");
    EXPECT_EQ(queue["date"], "2026-02-10");
    ASSERT_EQ(queue["tickets"].size(), 3u);
    EXPECT_EQ(queue["tickets"][2]["source"], "walk_in");
    EXPECT_EQ(audit_of("queue.ticket_issued").size(), 4u);

    // The next day starts again at 1 (a new sign-in: the session ends overnight).
    centers.clock.advance(std::chrono::hours(24));
    const Caller next_day = sign_in_caller(centers.server, staff_civil_id(3), Role::center_operator, "al-salam-morning");
    EXPECT_EQ(next_day.post("/api/v1/counter/tickets", Json::object(), "w-1").json()["ticket"]["number"], 1);
}

// [SECTION] Roles

TEST_F(CounterTest, EachRoleKeepsToItsOwnRoutes) {
    const Caller citizen = sign_in_caller(centers.server, fatima);
    const auto code = [](const HttpReply& reply) {
        EXPECT_EQ(reply.status, 403) << reply.body;
        return reply.json()["error"]["code"].get<std::string>();
    };
    EXPECT_EQ(code(citizen.get("/api/v1/counter/households/" + fatima)), "role.operator_only");
    EXPECT_EQ(code(citizen.post("/api/v1/counter/transactions", renewal(fatima, ahmed), "k-1")), "role.operator_only");
    EXPECT_EQ(code(citizen.post("/api/v1/counter/tickets", Json::object(), "k-2")), "role.operator_only");
    EXPECT_EQ(code(citizen.get("/api/v1/counter/queue")), "role.operator_only");
    EXPECT_EQ(code(citizen.get("/api/v1/supervisor/kpis")), "role.supervisor_only");
    EXPECT_EQ(code(citizen.put("/api/v1/admin/centers/al-salam-morning", Json::object(), "k-3")), "role.admin_only");
    // And staff are not citizens: an operator cannot book for herself through the citizen routes.
    EXPECT_EQ(code(at_al_salam.get("/api/v1/appointments")), "role.citizen_only");
    EXPECT_EQ(code(at_al_salam.get("/api/v1/supervisor/kpis")), "role.supervisor_only");
    // An operator whose account names no center cannot work a counter.
    const Caller unassigned = sign_in_caller(centers.server, staff_civil_id(4), Role::center_operator);
    EXPECT_EQ(code(unassigned.get("/api/v1/counter/queue")), "counter.no_center");
    EXPECT_EQ(get(centers.server.port(), "/api/v1/counter/queue").status, 401);
    EXPECT_EQ(centers.count("SELECT count(*) FROM transactions"), 0);
}

}  // namespace
}  // namespace muamala::server::testing
