// Demo and production kept apart: seed-demo marks its database, the server takes the test gateway
// only for a marked one, a real deployment without a payment provider refuses fees instead of
// taking pretend money, and a demo's sign-ins are nobody's to guess unless a seed is given.
#include <gtest/gtest.h>

#include <set>

#include "server/demo/demo_mark.h"
#include "server/demo/demo_seed.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {
namespace {

using namespace std::chrono_literals;

const auto kMorning = std::chrono::sys_days{std::chrono::year{2026} / 2 / 10} + 6h;

TEST(DemoMark, OnlyASeededDatabaseIsMarkedAndTheFlagMustMatchIt) {
    TempDir dir;
    Database real(dir.path() / "real.db"), demo(dir.path() / "demo.db");
    seed_demo(demo, {.households = 2, .accounts = 1, .today = {2026, 3, 1}});
    auto real_connection = real.connect(), demo_connection = demo.connect();
    EXPECT_FALSE(is_marked_demo(*real_connection));
    EXPECT_TRUE(is_marked_demo(*demo_connection));

    EXPECT_NO_THROW(require_demo_flag_matches(*real_connection, false));
    EXPECT_NO_THROW(require_demo_flag_matches(*demo_connection, true));
    try {
        require_demo_flag_matches(*demo_connection, false);
        ADD_FAILURE() << "a demo database was served without --demo";
    } catch (const std::runtime_error& refusal) {
        EXPECT_NE(std::string(refusal.what()).find("--demo"), std::string::npos) << refusal.what();
    }
    EXPECT_THROW(require_demo_flag_matches(*real_connection, true), std::runtime_error);
}

TEST(DemoSeed, SignInsAreRandomUnlessASeedIsGivenAndTheRegistryIsTheSameEitherWay) {
    const auto seed_once = [](bool from_seed) {
        TempDir dir;
        Database database(dir.path() / "seed.db");
        return seed_demo(database, {.households = 5, .accounts = 3, .seed = 2026, .sign_ins_from_seed = from_seed,
                                    .today = {2026, 3, 1}, .staff_accounts = true})
            .accounts;
    };
    const std::vector<DemoAccount> random_a = seed_once(false), random_b = seed_once(false);
    const std::vector<DemoAccount> seeded_a = seed_once(true), seeded_b = seed_once(true);
    ASSERT_EQ(random_a.size(), 8u);  // three mothers, three operators, a supervisor, an admin
    std::set<std::string> secrets;
    for (std::size_t index = 0; index < random_a.size(); ++index) {
        SCOPED_TRACE(random_a[index].civil_id);
        // The same people: only what proves who you are changes.
        EXPECT_EQ(random_a[index].civil_id, random_b[index].civil_id);
        EXPECT_EQ(random_a[index].civil_id, seeded_a[index].civil_id);
        EXPECT_NE(random_a[index].password, random_b[index].password);
        EXPECT_NE(random_a[index].totp_secret_base32, random_b[index].totp_secret_base32);
        EXPECT_EQ(seeded_a[index].password, seeded_b[index].password);
        EXPECT_EQ(seeded_a[index].totp_secret_base32, seeded_b[index].totp_secret_base32);
        secrets.insert(random_a[index].totp_secret_base32);
    }
    EXPECT_EQ(secrets.size(), random_a.size()) << "each account has a secret of its own";
}

// A real deployment: no payment provider configured.
class WithoutPaymentProvider : public ::testing::Test {
protected:
    ManualClock clock{kMorning};
    NoPaymentProvider no_provider;
    RunningServer server{clock, no_provider};
    Database database{server.database_file()};
    std::string husband, daughter;
    SignedInSession session;

    void SetUp() override {
        seed_demo(database, {.households = 2, .accounts = 0, .seed = 7, .today = kuwait_today(clock)});
        husband = civil_id_named(database, "Ahmed Hassan");
        daughter = civil_id_named(database, "Maryam Ahmed");
        session = sign_in(server, create_test_account(server, civil_id_named(database, "Fatima Al-Mutairi")));
    }
    HttpReply submit(const Json& body, const std::string& key) {
        return post(server.port(), "/api/v1/transactions", dump(body), "application/json",
                    {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}, {"Idempotency-Key", key}});
    }
};

TEST_F(WithoutPaymentProvider, ATransactionWithAFeeIsRefusedInBothLanguagesAndNothingIsStored) {
    const HttpReply reply = submit({{"kind", "renew_husband_residency"}, {"beneficiary", husband},
                                    {"form", {{"years", 1}, {"phone", "+965 9900 0001"}}}},
                                   "husband-1");
    ASSERT_EQ(reply.status, 503) << reply.body;
    const Json error = reply.json()["error"];
    EXPECT_EQ(error["code"], "payments.unavailable");
    EXPECT_NE(error["message"]["en"].get<std::string>().find("not available"), std::string::npos);
    EXPECT_NE(error["message"]["ar"].get<std::string>().find("غير متاح"), std::string::npos);
    EXPECT_EQ(rows_in(database, "transactions"), 0);
    EXPECT_EQ(rows_in(database, "payments"), 0);
}

TEST_F(WithoutPaymentProvider, AFreeTransactionIsStillDone) {
    const HttpReply reply = submit({{"kind", "renew_child_residency"}, {"beneficiary", daughter},
                                    {"form", {{"years", 10}, {"phone", "99000001"}}}},
                                   "daughter-1");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json()["transaction"]["status"], "completed");
}

TEST_F(WithoutPaymentProvider, TheTestGatewaySettlesNothing) {
    // A payment left pending by a demo run (or made up) cannot be approved by its own citizen.
    const HttpReply reply = post(server.port(), "/api/v1/payments/P-ANY/test-gateway", dump(Json{{"outcome", "approve"}}),
                                 "application/json",
                                 {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}, {"Idempotency-Key", "p"}});
    EXPECT_EQ(reply.status, 503) << reply.body;
    EXPECT_EQ(reply.json()["error"]["code"], "payments.unavailable");
}

TEST_F(WithoutPaymentProvider, TheServiceSaysPaymentsAreUnavailableInBothLanguages) {
    const HttpReply reply = get(server.port(), "/api/v1/service");
    ASSERT_EQ(reply.status, 200);
    const Json service = reply.json();
    EXPECT_EQ(service["demo"], false);
    EXPECT_EQ(service["payments"]["available"], false);
    EXPECT_EQ(service["payments"]["test_gateway"], false);
    EXPECT_NE(service["payments"]["label"]["en"].get<std::string>().find("not available"), std::string::npos);
    EXPECT_NE(service["payments"]["label"]["ar"].get<std::string>().find("غير متاح"), std::string::npos);
}

TEST(Service, ATestGatewayIsSaidToBeOne) {
    const RunningServer server;
    const Json service = get(server.port(), "/api/v1/service").json();
    EXPECT_EQ(service["payments"]["available"], true);
    EXPECT_EQ(service["payments"]["test_gateway"], true);
}

}  // namespace
}  // namespace muamala::server::testing
