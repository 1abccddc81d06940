// The transaction service over real HTTP: a seeded household, a signed-in mother, and every path of
// Transactions over real HTTP: submit, pay (approve, decline, timeout), receipts, idempotency, and another
// citizen who must not see or touch any of it.
#include <gtest/gtest.h>

#include "common/civil_id.h"
#include "server/demo/demo_seed.h"
#include "server/messages/outbox.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {
namespace {

using namespace std::chrono_literals;

// 2026-02-10 09:00 Kuwait time: the rulebook of 23 Dec 2025 is in force (KD 15 a year for a husband
// and KD 100 a year of health insurance).
const auto kMorning = std::chrono::sys_days{std::chrono::year{2026} / 2 / 10} + 6h;

class TransactionsTest : public ::testing::Test {
protected:
    ManualClock clock{kMorning};
    RunningServer server{clock};
    Database database{server.database_file()};
    std::string mother, husband, son, daughter, baby;
    SignedInSession session;

    void SetUp() override {
        seed_demo(database, {.households = 3, .accounts = 0, .seed = 7, .today = kuwait_today(clock)});
        mother = civil_id_named(database, "Fatima Al-Mutairi");
        husband = civil_id_named(database, "Ahmed Hassan");
        son = civil_id_named(database, "Omar Ahmed");
        daughter = civil_id_named(database, "Maryam Ahmed");
        baby = civil_id_named(database, "Youssef Ahmed");
        session = sign_in(server, create_test_account(server, mother));
    }

    Headers writing(const std::string& key) const {
        return {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}, {"Idempotency-Key", key}};
    }
    HttpReply submit(const Json& body, const std::string& key) {
        return post(server.port(), "/api/v1/transactions", dump(body), "application/json", writing(key));
    }
    HttpReply pay(const std::string& payment, const std::string& outcome, const std::string& key) {
        return post(server.port(), "/api/v1/payments/" + payment + "/test-gateway", dump(Json{{"outcome", outcome}}),
                    "application/json", writing(key));
    }
    HttpReply read(const std::string& path) { return get(server.port(), path, {{"Cookie", session.cookie}}); }
    std::string residency_expiry(const std::string& holder) {
        auto connection = database.connect();
        Statement row = connection->prepare("SELECT expires FROM residencies WHERE holder = ?1");
        row.bind(1, holder);
        return row.step() ? row.column_text(0) : "";
    }
    std::int64_t count(const char* table) { return rows_in(database, table); }
    Json husband_renewal(int years = 1) const {
        return {{"kind", "renew_husband_residency"}, {"beneficiary", husband},
                {"form", {{"years", years}, {"phone", "+965 9900 0001"}}}};
    }
};

TEST_F(TransactionsTest, HouseholdListsMembersDocumentsAndOffers) {
    const HttpReply reply = read("/api/v1/household");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const Json household = reply.json();
    EXPECT_EQ(household["today"], "2026-02-10");
    EXPECT_EQ(household["rulebook"]["id"], "kw-2025-12");
    EXPECT_EQ(household["rulebook"]["title"]["en"].get<std::string>().substr(0, 34), "Ministerial Resolution 2249/2025 (");
    EXPECT_EQ(household["sponsor"]["home_area"]["governorate"]["id"], "hawalli");
    ASSERT_EQ(household["members"].size(), 4u);
    const Json& him = household["members"][0];
    EXPECT_EQ(him["relation"], "husband");
    EXPECT_EQ(him["documents"][0]["type"], "residency");
    EXPECT_EQ(him["documents"][0]["days_to_expiry"], 30);
    EXPECT_EQ(him["documents"][0]["state"], "expiring");
    EXPECT_EQ(him["transactions"][0]["kind"], "renew_husband_residency");
    EXPECT_EQ(him["transactions"][0]["decision"]["eligible"], true);
    EXPECT_EQ(him["transactions"][0]["decision"]["fees"]["total_fils"], 15000 + 100000) << "a year's fee and health insurance";
    EXPECT_EQ(him["transactions"][0]["form"][0]["max"], 5);
    EXPECT_TRUE(household["registry"]["persons"].is_array());
    // The son's residency has years left: renewing it is not on offer yet, and the reason says when.
    const Json& omar = household["members"][1];
    EXPECT_EQ(omar["relation"], "son");
    EXPECT_EQ(omar["transactions"][0]["decision"]["reasons"][0]["code"], "residency.too_early");
}

TEST_F(TransactionsTest, AnEmployedHusbandIsSentToHisEmployerAndCannotBeRenewedHere) {
    {
        auto connection = database.connect();
        connection->prepare("UPDATE persons SET employment = 'private' WHERE civil_id = ?1").bind(1, husband).step();
    }
    const Json him = read("/api/v1/household").json()["members"][0];
    const Json& decision = him["transactions"][0]["decision"];
    EXPECT_EQ(decision["eligible"], false);
    EXPECT_EQ(decision["reasons"][0]["code"], "employment.private_sector");
    EXPECT_NE(decision["reasons"][0]["message"]["en"].get<std::string>().find("Public Authority for Manpower"), std::string::npos);
    const HttpReply refused = submit(husband_renewal(), "employed-1");
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(count("transactions"), 0) << "nothing is recorded for a refusal";
}

TEST_F(TransactionsTest, TheRulebookIsServedAsTheServerLoadedIt) {
    const HttpReply reply = get(server.port(), "/api/v1/rulebook");  // public: the app needs it before sign-in
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type").substr(0, 16), "application/json");
    EXPECT_EQ(reply.body, embedded_rulebook_json());
    EXPECT_TRUE(load_rulebook(reply.body).problems.empty());
}

TEST_F(TransactionsTest, PaidRenewalIssuesTheDocumentAndASignedReceipt) {
    const std::string before = residency_expiry(husband);
    const HttpReply submitted = submit(husband_renewal(2), "renew-1");
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const Json opened = submitted.json();
    EXPECT_EQ(opened["transaction"]["status"], "awaiting_payment");
    EXPECT_EQ(opened["payment"]["amount_fils"], 230000);
    EXPECT_EQ(opened["payment"]["test_gateway"], true);
    EXPECT_EQ(residency_expiry(husband), before) << "nothing is issued before payment";

    const HttpReply paid = pay(opened["payment"]["id"], "approve", "pay-1");
    ASSERT_EQ(paid.status, 200) << paid.body;
    const Json done = paid.json();
    EXPECT_EQ(done["transaction"]["status"], "completed");
    EXPECT_EQ(done["payment"]["status"], "approved");
    const std::string after = residency_expiry(husband);
    EXPECT_EQ(after, to_iso(add_years(*parse_iso_date(before), 2)));
    EXPECT_EQ(done["receipt"]["old_expiry"], before);
    EXPECT_EQ(done["receipt"]["new_expiry"], after);
    EXPECT_EQ(done["receipt"]["fee_fils"], 230000);
    EXPECT_EQ(done["receipt"]["channel"], "online");

    // The public check confirms it, showing no more than the receipt.
    const std::string number = done["receipt"]["number"];
    const HttpReply verified = get(server.port(), "/api/v1/receipts/" + number + "/verify");
    ASSERT_EQ(verified.status, 200);
    EXPECT_EQ(verified.json()["valid"], true);
    EXPECT_EQ(verified.json()["receipt"], done["receipt"]);
    EXPECT_EQ(verified.body.find(husband), std::string::npos) << "the full civil ID is not on the receipt";

    // A phone camera that scans the QR code gets a page a person can read, in both languages.
    const HttpReply page = get(server.port(), "/api/v1/receipts/" + number + "/verify",
                               {{"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}});
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(page.header("Vary"), "Accept");
    for (const std::string& shown : {std::string("Genuine"), std::string("إيصال صحيح"), std::string("Ahmed Hassan"),
                                     std::string("KD 230.000"), before, after, number, husband.substr(8)})
        EXPECT_NE(page.body.find(shown), std::string::npos) << shown << "\n" << page.body;
    EXPECT_EQ(page.body.find(husband), std::string::npos) << "the full civil ID is not on the page";
    EXPECT_EQ(page.body.find("<script"), std::string::npos);

    // The owner gets the QR code of that address.
    const Json receipt = read("/api/v1/receipts/" + number).json();
    EXPECT_NE(receipt["verify_url"].get<std::string>().find("/api/v1/receipts/" + number + "/verify"), std::string::npos);
    EXPECT_GE(receipt["qr"]["modules"].size(), 21u);
    EXPECT_EQ(receipt["qr"]["modules"][0].get<std::string>().size(), receipt["qr"]["modules"].size());

    // The SMS is queued (simulated) and the history shows the transaction with its receipt.
    const Json messages = read("/api/v1/messages").json();
    EXPECT_EQ(messages["simulated"], true);
    EXPECT_EQ(messages["messages"][0]["kind"], "document_issued");
    const Json history = read("/api/v1/transactions").json();
    ASSERT_EQ(history["transactions"].size(), 1u);
    EXPECT_EQ(history["transactions"][0]["receipt_number"], number);
}

TEST_F(TransactionsTest, ATamperedReceiptNoLongerVerifies) {
    const Json opened = submit(husband_renewal(), "renew-1").json();
    const std::string number = pay(opened["payment"]["id"], "approve", "pay-1").json()["receipt"]["number"];
    {
        auto connection = database.connect();
        connection->prepare("UPDATE receipts SET payload = replace(payload, '\"fee_fils\":115000', '\"fee_fils\":1') "
                            "WHERE number = ?1")
            .bind(1, number)
            .step();
        ASSERT_EQ(connection->changes(), 1);
    }
    EXPECT_EQ(get(server.port(), "/api/v1/receipts/" + number + "/verify").json()["valid"], false);
    EXPECT_EQ(get(server.port(), "/api/v1/receipts/R-NOSUCHRECEIPT/verify").status, 404);
    const Headers browser{{"Accept", "text/html"}};
    const HttpReply page = get(server.port(), "/api/v1/receipts/" + number + "/verify", browser);
    EXPECT_NE(page.body.find("does not hold"), std::string::npos) << page.body;
    EXPECT_EQ(page.body.find("Genuine"), std::string::npos) << page.body;
    const HttpReply unknown = get(server.port(), "/api/v1/receipts/R-NOSUCHRECEIPT/verify", browser);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_NE(unknown.body.find("No receipt has this number"), std::string::npos) << unknown.body;
}

TEST_F(TransactionsTest, ThePublicUrlBuildsTheVerifyLinkWhateverHostTheRequestNamed) {
    server.services().public_url = "https://muamala.example";
    const Json opened = submit(husband_renewal(), "renew-1").json();
    const std::string number = pay(opened["payment"]["id"], "approve", "pay-1").json()["receipt"]["number"];
    const Json receipt =
        get(server.port(), "/api/v1/receipts/" + number, {{"Cookie", session.cookie}, {"Host", "attacker.example"}}).json();
    EXPECT_EQ(receipt["verify_url"], "https://muamala.example/api/v1/receipts/" + number + "/verify");
    EXPECT_EQ(receipt["qr"]["text"], receipt["verify_url"]);
}

TEST_F(TransactionsTest, TheSameKeyReturnsTheFirstAnswerAndAnotherBodyIsAConflict) {
    const HttpReply first = submit(husband_renewal(), "same-key");
    const HttpReply again = submit(husband_renewal(), "same-key");
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(count("transactions"), 1);
    EXPECT_EQ(count("payments"), 1);
    const HttpReply other = submit(husband_renewal(3), "same-key");
    EXPECT_EQ(other.status, 409);
    EXPECT_EQ(other.json()["error"]["code"], "idempotency.key_reused");
    EXPECT_EQ(count("transactions"), 1);
}

TEST_F(TransactionsTest, StateChangesNeedAKeyAndTheCsrfToken) {
    HttpReply reply = post(server.port(), "/api/v1/transactions", dump(husband_renewal()), "application/json",
                           {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}});
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.json()["error"]["code"], "idempotency.key_required");
    reply = post(server.port(), "/api/v1/transactions", dump(husband_renewal()), "application/json",
                 {{"Cookie", session.cookie}, {"Idempotency-Key", "k"}});
    EXPECT_EQ(reply.status, 403);
    reply = post(server.port(), "/api/v1/transactions", dump(husband_renewal()), "application/json",
                 {{"Idempotency-Key", "k"}});
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(count("transactions"), 0);
}

TEST_F(TransactionsTest, DeclinedAndTimedOutPaymentsLeaveTheTransactionOpenForANewPayment) {
    const Json opened = submit(husband_renewal(), "renew-1").json();
    const std::string transaction = opened["transaction"]["id"];
    Json answer = pay(opened["payment"]["id"], "decline", "pay-1").json();
    EXPECT_EQ(answer["payment"]["status"], "declined");
    EXPECT_EQ(answer["transaction"]["status"], "awaiting_payment");
    EXPECT_TRUE(answer["receipt"].is_null());
    EXPECT_EQ(pay(opened["payment"]["id"], "approve", "pay-2").status, 409) << "a declined payment stays declined";

    HttpReply next = post(server.port(), "/api/v1/transactions/" + transaction + "/payments", "{}", "application/json",
                          writing("again-1"));
    ASSERT_EQ(next.status, 201) << next.body;
    const std::string second = next.json()["payment"]["id"];
    answer = pay(second, "timeout", "pay-3").json();
    EXPECT_EQ(answer["payment"]["status"], "timed_out");
    EXPECT_EQ(answer["transaction"]["status"], "awaiting_payment");

    next = post(server.port(), "/api/v1/transactions/" + transaction + "/payments", "{}", "application/json",
                writing("again-2"));
    answer = pay(next.json()["payment"]["id"], "approve", "pay-4").json();
    EXPECT_EQ(answer["transaction"]["status"], "completed");
    EXPECT_EQ(answer["transaction"]["payments"].size(), 3u);
    EXPECT_EQ(count("receipts"), 1);
}

TEST_F(TransactionsTest, AFreeTransactionCompletesAtOnce) {
    const HttpReply reply = submit({{"kind", "renew_child_residency"}, {"beneficiary", daughter},
                                    {"form", {{"years", 10}, {"phone", "99000001"}}}},
                                   "daughter-1");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json()["transaction"]["status"], "completed");
    EXPECT_TRUE(reply.json()["payment"].is_null());
    EXPECT_EQ(reply.json()["receipt"]["fee_fils"], 0);
    EXPECT_EQ(count("payments"), 0);
}

TEST_F(TransactionsTest, TheDocumentIssuedSmsGoesToTheNumberSheTyped) {
    // Another number than the registry's, typed in Arabic-Indic digits.
    const HttpReply reply = submit({{"kind", "renew_child_residency"}, {"beneficiary", daughter},
                                    {"form", {{"years", 10}, {"phone", "٩٩١٢ ٣٤٥٦"}}}},
                                   "daughter-sms");
    ASSERT_EQ(reply.status, 201) << reply.body;
    const std::string transaction = reply.json()["transaction"]["id"];
    auto connection = database.connect();
    Statement sms = connection->prepare("SELECT recipient, kind FROM outbox WHERE dedupe_key = ?1");
    sms.bind(1, "issued:" + transaction);
    ASSERT_TRUE(sms.step());
    EXPECT_EQ(sms.column_text(0), "+96599123456");
    EXPECT_EQ(sms.column_text(1), "document_issued");

    // Her receipt says where it went; the public check does not.
    const std::string number = reply.json()["receipt"]["number"];
    EXPECT_EQ(read("/api/v1/receipts/" + number).json()["sms_to"], "+96599123456");
    const HttpReply verified = get(server.port(), "/api/v1/receipts/" + number + "/verify");
    EXPECT_EQ(verified.body.find("99123456"), std::string::npos) << verified.body;
}

TEST_F(TransactionsTest, ADateTypedInArabicDigitsIsAccepted) {
    const HttpReply submitted = submit({{"kind", "transfer_residency_passport"}, {"beneficiary", husband},
                                        {"form", {{"new_passport_number", "n 765-4321"}, {"new_passport_country", "egy"},
                                                  {"new_passport_expires", "٢٠٣٢-٠٥-٢٠"}, {"phone", "+965 9900 0001"}}}},
                                       "transfer-arabic-date");
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const Json opened = submitted.json();
    if (!opened["payment"].is_null()) {
        ASSERT_EQ(pay(opened["payment"]["id"], "approve", "transfer-arabic-date-pay").status, 200);
    }
    auto connection = database.connect();
    Statement passport = connection->prepare("SELECT number, country, expires FROM passports WHERE holder = ?1");
    passport.bind(1, husband);
    ASSERT_TRUE(passport.step());
    EXPECT_EQ(passport.column_text(0), "N7654321");
    EXPECT_EQ(passport.column_text(1), "EGY");
    EXPECT_EQ(passport.column_text(2), "2032-05-20");
}

TEST_F(TransactionsTest, AnIneligibleRequestIsRefusedWithEveryReason) {
    const HttpReply reply = submit({{"kind", "renew_child_residency"}, {"beneficiary", son},
                                    {"form", {{"years", 11}, {"phone", "12"}}}},
                                   "son-1");
    ASSERT_EQ(reply.status, 422) << reply.body;
    const Json body = reply.json();
    EXPECT_EQ(body["error"]["code"], "validation_failed");
    std::vector<std::string> fields;
    for (const Json& field : body["error"]["fields"]) fields.push_back(field["field"].get<std::string>() + " " +
                                                                        field["code"].get<std::string>());
    EXPECT_EQ(fields, (std::vector<std::string>{"form.years form.years_range", "form.phone phone.length",
                                                "transaction residency.too_early"}));
    EXPECT_EQ(body["decision"]["eligible"], false);
    EXPECT_EQ(count("transactions"), 0);
}

TEST_F(TransactionsTest, RulesAreCheckedAgainBeforeMoneyMoves) {
    const Json opened = submit(husband_renewal(), "renew-1").json();
    const std::string before = residency_expiry(husband);
    {
        auto connection = database.connect();
        connection->prepare("INSERT INTO holds (holder, security_hold) VALUES (?1, 1)").bind(1, husband).step();
    }
    const HttpReply reply = pay(opened["payment"]["id"], "approve", "pay-1");
    EXPECT_EQ(reply.status, 409);
    EXPECT_EQ(reply.json()["error"]["code"], "transaction.no_longer_eligible");
    EXPECT_EQ(reply.json()["decision"]["reasons"][0]["code"], "hold.security");
    EXPECT_EQ(residency_expiry(husband), before);
    EXPECT_EQ(count("receipts"), 0);
    const Json transaction = read("/api/v1/transactions/" + opened["transaction"]["id"].get<std::string>()).json();
    EXPECT_EQ(transaction["status"], "failed");
    EXPECT_EQ(transaction["payments"][0]["status"], "declined");
}

TEST_F(TransactionsTest, AnotherCitizenSeesNothingOfThisHousehold) {
    const Json opened = submit(husband_renewal(), "renew-1").json();
    const std::string transaction = opened["transaction"]["id"], payment = opened["payment"]["id"];
    const std::string number = pay(payment, "approve", "pay-1").json()["receipt"]["number"];

    // The second seeded household's mother.
    auto connection = database.connect();
    Statement row = connection->prepare(
        "SELECT wife FROM marriages WHERE wife <> ?1 ORDER BY wife LIMIT 1");
    row.bind(1, mother);
    ASSERT_TRUE(row.step());
    const SignedInSession other = sign_in(server, create_test_account(server, row.column_text(0)));
    const Headers theirs{{"Cookie", other.cookie}, {"X-CSRF-Token", other.csrf_token}, {"Idempotency-Key", "x-1"}};

    EXPECT_EQ(get(server.port(), "/api/v1/transactions/" + transaction, theirs).status, 404);
    EXPECT_EQ(get(server.port(), "/api/v1/receipts/" + number, theirs).status, 404);
    EXPECT_EQ(post(server.port(), "/api/v1/payments/" + payment + "/test-gateway", R"({"outcome":"approve"})",
                   "application/json", theirs).status, 404);
    EXPECT_EQ(post(server.port(), "/api/v1/transactions/" + transaction + "/payments", "{}", "application/json",
                   {{"Cookie", other.cookie}, {"X-CSRF-Token", other.csrf_token}, {"Idempotency-Key", "x-2"}}).status,
              404);
    const HttpReply acting_for_him = post(server.port(), "/api/v1/transactions", dump(husband_renewal()),
                                          "application/json",
                                          {{"Cookie", other.cookie}, {"X-CSRF-Token", other.csrf_token},
                                           {"Idempotency-Key", "x-3"}});
    EXPECT_EQ(acting_for_him.status, 404);
    EXPECT_EQ(get(server.port(), "/api/v1/transactions", theirs).json()["transactions"].size(), 0u);
}

TEST_F(TransactionsTest, ExpiryRemindersAreQueuedOncePerDocument) {
    const int first = queue_expiry_reminders(database, kuwait_today(clock), iso_timestamp(clock.now()));
    EXPECT_GE(first, 3) << "the showcase husband, son's licence and daughter all expire within 90 days";
    EXPECT_EQ(queue_expiry_reminders(database, kuwait_today(clock), iso_timestamp(clock.now())), 0);
    EXPECT_EQ(deliver_queued(database, iso_timestamp(clock.now())), first);
    const Json messages = read("/api/v1/messages").json();
    EXPECT_EQ(messages["messages"][0]["status"], "delivered_simulated");
}

TEST(Outbox, RemindersSpanningSeveralWriteBatchesAreQueuedAndDeliveredOnce) {
    TempDir dir;
    Database database(dir.path() / "reminders.db");
    seed_demo(database, {.households = 700, .accounts = 0, .seed = 3, .today = {2026, 3, 1}});
    const int queued = queue_expiry_reminders(database, {2026, 3, 1}, "2026-03-01T06:00:00.000Z");
    auto connection = database.connect();
    Statement rows = connection->prepare("SELECT count(*), count(DISTINCT dedupe_key) FROM outbox");
    rows.step();
    EXPECT_GT(queued, 500) << "enough to need more than one write batch";
    EXPECT_EQ(rows.column_int64(0), queued);
    EXPECT_EQ(rows.column_int64(1), queued);
    EXPECT_EQ(queue_expiry_reminders(database, {2026, 3, 1}, "2026-03-01T07:00:00.000Z"), 0);
    EXPECT_EQ(deliver_queued(database, "2026-03-01T07:00:00.000Z"), queued);
    EXPECT_EQ(deliver_queued(database, "2026-03-01T08:00:00.000Z"), 0);
}

TEST(DemoSeed, IsDeterministicAndEveryCivilIdIsValid) {
    const auto ids_of = [](std::uint64_t seed) {
        TempDir dir;
        Database database(dir.path() / "seed.db");
        const SeedSummary summary = seed_demo(database, {.households = 300, .accounts = 2, .seed = seed,
                                                         .today = {2026, 3, 1}});
        EXPECT_EQ(summary.households, 300);
        EXPECT_EQ(summary.accounts.size(), 2u);
        std::vector<std::string> ids;
        auto connection = database.connect();
        Statement rows = connection->prepare("SELECT civil_id, birth_date FROM persons ORDER BY rowid");
        while (rows.step()) {
            const std::string id = rows.column_text(0);
            EXPECT_TRUE(validate_civil_id(id).ok) << id;
            EXPECT_EQ(to_iso(*civil_id_birth_date(id)), rows.column_text(1)) << id;
            ids.push_back(id);
        }
        return ids;
    };
    const auto first = ids_of(11);
    EXPECT_EQ(first, ids_of(11));
    EXPECT_NE(first, ids_of(12));
}

}  // namespace
}  // namespace muamala::server::testing
