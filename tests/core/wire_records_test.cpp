// The API's records (common/wire_records.h) and the wire names of roles and statuses: what the
// server writes reads back the same, and a record with a member missing or of the wrong kind is
// refused with the member's path.
#include <gtest/gtest.h>

#include "common/roles.h"
#include "common/statuses.h"
#include "common/wire_records.h"

namespace muamala {
namespace {

TEST(WireNames, EveryValueReadsBackAndNoOtherNameReads) {
    for (Role role : kAllRoles) EXPECT_EQ(parse_role(name_of(role)), role);
    EXPECT_EQ(name_of(Role::center_operator), "operator");
    EXPECT_FALSE(parse_role("superuser"));
    EXPECT_FALSE(parse_role("Citizen")) << "names are exact";
    for (PaymentStatus status : kAllPaymentStatuses)
        EXPECT_EQ(parse_payment_status(name_of(status)), status);
    for (TransactionStatus status : kAllTransactionStatuses)
        EXPECT_EQ(parse_transaction_status(name_of(status)), status);
    for (AppointmentStatus status : kAllAppointmentStatuses)
        EXPECT_EQ(parse_appointment_status(name_of(status)), status);
    for (Channel channel : kAllChannels) EXPECT_EQ(parse_channel(name_of(channel)), channel);
    EXPECT_FALSE(parse_payment_status(""));
}

TransactionRecord transaction() {
    TransactionRecord t;
    t.id = "T-1";
    t.kind = TransactionKind::renew_child_licence;
    t.beneficiary = {"301052003018", {"Omar", "عمر"}};
    t.channel = Channel::center;
    t.center_id = "al-salam-morning";
    t.status = TransactionStatus::completed;
    t.fee_fils = 10000;
    t.new_expiry = Date{2029, 9, 2};
    t.created_at = t.updated_at = "2026-02-10T06:00:00.000Z";
    t.receipt_number = "R-1";
    t.payments.push_back({"P-1", "T-1", "test-gateway", true, {"Test", "تجريبي"}, 10000, PaymentStatus::approved,
                          "2026-02-10T06:00:00.000Z", "2026-02-10T06:01:00.000Z"});
    t.decision = Json{{"kind", "renew_child_licence"}, {"eligible", true}};
    return t;
}

TEST(WireRecords, ReadBackWhatTheyWrite) {
    std::vector<Problem> problems;
    const TransactionRecord t = transaction();
    EXPECT_EQ(transaction_from_json(to_json(t), problems), t);

    AppointmentRecord a;
    a.id = "A-1";
    a.status = AppointmentStatus::cancelled;
    a.kind = TransactionKind::renew_husband_residency;
    a.sponsor = {"280010101007", {"Fatima", "فاطمة"}};
    a.beneficiary = {"275061502007", {"Ahmed", "أحمد"}};
    a.center = {"al-salam-morning", {"Al-Salam", "السلام"}, "morning", "hawalli"};
    a.slot = {7, {2026, 2, 11}, "10:00", "10:30"};
    a.created_at = a.updated_at = "2026-02-10T06:00:00.000Z";
    EXPECT_EQ(appointment_from_json(to_json(a), problems), a);

    ReceiptRecord r{"R-1", "T-1", TransactionKind::issue_newborn_residency, title_of(TransactionKind::issue_newborn_residency),
                    {"Youssef", "يوسف"}, "4007", std::nullopt, {2027, 2, 10}, 0, "2026-02-10T06:00:00.000Z", Channel::online, ""};
    EXPECT_EQ(receipt_from_json(to_json(r), problems), r);
    EXPECT_TRUE(problems.empty());
}

TEST(WireRecords, TheReceiptsKeysKeepTheirSignedOrder) {
    const ReceiptRecord r{"R-1", "T-1", TransactionKind::renew_child_residency, {"t", "ت"}, {"O", "ع"}, "3018",
                          Date{2026, 3, 1}, {2036, 3, 1}, 0, "2026-02-10T06:00:00.000Z", Channel::center, "jahra-morning"};
    EXPECT_EQ(dump(to_json(r)),
              R"({"number":"R-1","transaction_id":"T-1","kind":"renew_child_residency","title":{"en":"t","ar":"ت"},)"
              R"("holder":{"name":{"en":"O","ar":"ع"},"civil_id_last4":"3018"},"old_expiry":"2026-03-01","new_expiry":"2036-03-01",)"
              R"("fee_fils":0,"issued_at":"2026-02-10T06:00:00.000Z","channel":"center","center_id":"jahra-morning"})");
}

TEST(WireRecords, NameEachMemberMissingOrOfTheWrongKind) {
    Json json = to_json(transaction());
    json.erase("created_at");
    json["payments"][0]["status"] = "late";
    json["beneficiary"]["name"] = "Omar";
    std::vector<Problem> problems;
    transaction_from_json(json, problems);
    std::vector<std::string> paths;
    for (const Problem& problem : problems) {
        EXPECT_EQ(problem.code, "record.invalid");
        EXPECT_FALSE(problem.message.ar.empty());
        paths.push_back(problem.message.en);
    }
    ASSERT_EQ(paths.size(), 3u);
    EXPECT_NE(paths[0].find("transaction.beneficiary.name"), std::string::npos) << paths[0];
    EXPECT_NE(paths[1].find("transaction.created_at"), std::string::npos) << paths[1];
    EXPECT_NE(paths[2].find("transaction.payments[0].status"), std::string::npos) << paths[2];
    problems.clear();
    appointment_from_json(Json::array(), problems);
    EXPECT_EQ(problems.size(), 1u);
}

TEST(ProblemFromJson, NeedsACodeAndBothLanguages) {
    const auto problem = problem_from_json(Json{{"code", "x"}, {"message", {{"en", "e"}, {"ar", "ع"}}}, {"field", "years"}});
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->field, "years");
    EXPECT_FALSE(problem_from_json(Json{{"code", "x"}, {"message", {{"en", "e"}}}}));
    EXPECT_FALSE(problem_from_json("x"));
}

}  // namespace
}  // namespace muamala
