// The app's readers of the server's answers (client/app/api.h): what reads, what is refused as not
// what the API promises, and what is left out so that the rest still shows. The answers are written
// out as the server sends them (server/http/openapi.json describes them), not made with the same
// code that reads them.
#include <gtest/gtest.h>

#include "client/app/api.h"

namespace muamala::client {
namespace {

constexpr std::string_view kPayment =
    R"({"id":"P-1","transaction_id":"T-1","provider":"test-gateway","test_gateway":true,)"
    R"("label":{"en":"Test gateway","ar":"بوابة تجريبية"},"amount_fils":15000,"status":"pending",)"
    R"("created_at":"2026-02-10T06:00:00.000Z","updated_at":"2026-02-10T06:00:00.000Z"})";

std::string transaction_json(std::string_view kind = "renew_husband_residency", std::string_view payments = kPayment) {
    return R"({"id":"T-1","kind":")" + std::string(kind) +
           R"(","title":{"en":"Renew husband's residency","ar":"تجديد إقامة الزوج"},)"
           R"("beneficiary":{"civil_id":"275061502007","name":{"en":"Ahmed Hassan","ar":"أحمد حسن"}},)"
           R"("channel":"online","center_id":null,"status":"awaiting_payment","fee_fils":15000,)"
           R"("old_expiry":"2026-03-12","new_expiry":"2027-03-12","created_at":"2026-02-10T06:00:00.000Z",)"
           R"("updated_at":"2026-02-10T06:00:00.000Z","receipt_number":null,"payments":[)" + std::string(payments) +
           R"(],"decision":{"kind":"renew_husband_residency","eligible":true}})";
}

constexpr std::string_view kAppointment =
    R"({"id":"A-1","status":"checked_in","kind":"renew_child_residency","title":{"en":"t","ar":"ت"},)"
    R"("sponsor":{"civil_id":"280010101007","name":{"en":"Fatima","ar":"فاطمة"}},)"
    R"("beneficiary":{"civil_id":"301052003018","name":{"en":"Omar","ar":"عمر"}},)"
    R"("center":{"id":"al-salam-morning","name":{"en":"Al-Salam","ar":"السلام"},"shift":"morning","governorate":"hawalli"},)"
    R"("slot":{"id":7,"date":"2026-02-10","starts":"10:00","ends":"10:30"},)"
    R"("checked_in_at":"2026-02-10T07:01:00.000Z","created_at":"2026-02-09T06:00:00.000Z","updated_at":"2026-02-10T07:01:00.000Z"})";

TEST(ReadTransaction, ReadsTheRecordAndItsOpenPayment) {
    const std::optional<TransactionRecord> t = read_transaction(transaction_json());
    ASSERT_TRUE(t);
    EXPECT_EQ(t->kind, TransactionKind::renew_husband_residency);
    EXPECT_EQ(t->status, TransactionStatus::awaiting_payment);
    EXPECT_EQ(t->beneficiary.name.ar, "أحمد حسن");
    EXPECT_EQ(t->new_expiry, (Date{2027, 3, 12}));
    EXPECT_EQ(t->receipt_number, "");
    ASSERT_NE(t->pending_payment(), nullptr);
    EXPECT_EQ(t->pending_payment()->amount_fils, 15000);
    EXPECT_TRUE(t->pending_payment()->test_gateway);
}

TEST(ReadTransaction, RefusesWhatIsNotTheRecord) {
    EXPECT_FALSE(read_transaction("not json"));
    EXPECT_FALSE(read_transaction("[]"));
    std::string wrong = transaction_json();
    wrong.replace(wrong.find("\"fee_fils\":15000"), 16, "\"fee_fils\":\"15\"");
    EXPECT_FALSE(read_transaction(wrong)) << "a fee that is not a whole number of fils";
    std::string late = transaction_json();
    late.replace(late.find("\"status\":\"pending\""), 18, "\"status\":\"late\"");
    EXPECT_FALSE(read_transaction(late)) << "a payment status the app does not know";
}

TEST(ReadTransactions, LeavesOutWhatItCannotReadAndKeepsTheRest) {
    const std::string body = R"({"transactions":[)" + transaction_json() + "," + transaction_json("buy_a_house") + "]}";
    const auto list = read_transactions(body);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u) << "a transaction of a kind this app does not know (a newer server)";
    EXPECT_FALSE(read_transactions(R"({"transactions":{}})"));
}

TEST(ReadOutcome, ThePaymentDueOrNoneAndTheReceiptOnceDone) {
    const auto due = read_outcome(R"({"transaction":)" + transaction_json() + R"(,"payment":)" + std::string(kPayment) +
                                  R"(,"receipt":null})");
    ASSERT_TRUE(due);
    ASSERT_TRUE(due->payment);
    EXPECT_EQ(due->payment->status, PaymentStatus::pending);
    EXPECT_EQ(due->receipt_number, "");
    const auto free = read_outcome(R"({"transaction":)" + transaction_json("renew_husband_residency", "") +
                                   R"(,"payment":null,"receipt":{"number":"R-9"}})");
    ASSERT_TRUE(free);
    EXPECT_FALSE(free->payment);
    EXPECT_EQ(free->receipt_number, "R-9");
    EXPECT_FALSE(read_outcome(R"({"transaction":)" + transaction_json() + R"(,"payment":{"id":"P-1"}})"))
        << "a payment that does not read";
}

TEST(ReadAppointments, OneRecordForTheCitizensListAndTheCountersQueue) {
    const auto list = read_appointments(R"({"appointments":[)" + std::string(kAppointment) + "]}");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    const AppointmentRecord& a = list->front();
    EXPECT_EQ(a.status, AppointmentStatus::checked_in);
    EXPECT_EQ(a.slot.date, (Date{2026, 2, 10}));
    EXPECT_EQ(a.center.name.en, "Al-Salam");
    const auto queue = read_counter_queue(
        R"({"center":{"id":"al-salam-morning","name":{"en":"Al-Salam","ar":"السلام"},"governorate":"hawalli","shift":"morning",)"
        R"("serves":"areas","areas":["al_salam"],"hours":{"days":["sunday"],"opens":"07:30","closes":"14:00"},)"
        R"("slots":{"minutes":30,"capacity":4},"model_center":false,"illustrative":true},)"
        R"("date":"2026-02-10","tickets":[{"id":1,"number":1,"center_id":"al-salam-morning","date":"2026-02-10","source":"walk_in",)"
        R"("appointment_id":null,"issued_at":"2026-02-10T06:00:00.000Z"}],"appointments":[)" + std::string(kAppointment) + "]}");
    ASSERT_TRUE(queue);
    ASSERT_EQ(queue->appointments.size(), 1u);
    EXPECT_EQ(queue->appointments.front(), a);
    ASSERT_EQ(queue->tickets.size(), 1u);
    EXPECT_EQ(queue->tickets.front().source, "walk_in");
}

TEST(ReadBooked, TheAppointmentAndWhetherItCouldBeDoneOnline) {
    const auto booked = read_booked(R"({"appointment":)" + std::string(kAppointment) + R"(,"online_possible":true,"decision":{}})");
    ASSERT_TRUE(booked);
    EXPECT_TRUE(booked->online_possible);
    EXPECT_EQ(booked->appointment.id, "A-1");
    EXPECT_FALSE(read_booked(R"({"online_possible":true})"));
}

constexpr std::string_view kReceipt =
    R"({"number":"R-1","transaction_id":"T-1","kind":"renew_husband_residency","title":{"en":"t","ar":"ت"},)"
    R"("holder":{"name":{"en":"Ahmed","ar":"أحمد"},"civil_id_last4":"2007"},"old_expiry":null,"new_expiry":"2027-03-12",)"
    R"("fee_fils":15000,"issued_at":"2026-02-10T06:00:00.000Z","channel":"center","center_id":"al-salam-morning"})";

TEST(ReadReceipt, ItsLinesAndASquareQrCode) {
    const auto receipt = read_receipt(R"({"receipt":)" + std::string(kReceipt) +
                                      R"(,"signature":"s","verify_url":"http://x/v","qr":{"text":"http://x/v","modules":["10","01"]}})");
    ASSERT_TRUE(receipt);
    EXPECT_EQ(receipt->channel, Channel::center);
    EXPECT_EQ(receipt->holder_civil_id_last4, "2007");
    EXPECT_FALSE(receipt->old_expiry);
    EXPECT_EQ(receipt->qr_modules, (std::vector<std::string>{"10", "01"}));
    EXPECT_EQ(receipt->verify_url, "http://x/v");
    EXPECT_FALSE(read_receipt(R"({"receipt":)" + std::string(kReceipt) + R"(,"qr":{"modules":["10","0"]}})"))
        << "a damaged code must not be drawn for a phone to misread";
}

TEST(ReadVerifiedReceipt, OnlyWhenTheSignatureHolds) {
    EXPECT_TRUE(read_verified_receipt(R"({"valid":true,"receipt":)" + std::string(kReceipt) + "}"));
    EXPECT_FALSE(read_verified_receipt(R"({"valid":false,"receipt":)" + std::string(kReceipt) + "}"));
}

TEST(ReadSignedIn, TheRoleIsOneTheAppKnows) {
    const auto signed_in = read_signed_in(R"({"csrf_token":"c","account":{"civil_id":"1","role":"operator","center_id":"x"}})");
    ASSERT_TRUE(signed_in);
    EXPECT_EQ(signed_in->role, Role::center_operator);
    EXPECT_FALSE(read_signed_in(R"({"csrf_token":"c","account":{"civil_id":"1","role":"superuser"}})"));
    EXPECT_FALSE(read_signed_in(R"({"account":{"civil_id":"1","role":"citizen"}})"));
}

TEST(FailureOf, SaysWhatKindOfFailureItWas) {
    EXPECT_EQ(failure_of({0, true, ""}).kind, CallFailure::Kind::TimedOut);
    EXPECT_EQ(failure_of({0, false, ""}).kind, CallFailure::Kind::Unreachable);
    EXPECT_EQ(failure_of({401, false, R"({"error":{"code":"session.expired"}})"}).kind, CallFailure::Kind::SessionEnded);
    EXPECT_EQ(failure_of({503, false, "busy"}).kind, CallFailure::Kind::ServerError);
    EXPECT_EQ(failure_of({404, false, "<html>"}).kind, CallFailure::Kind::Unexpected);
    const CallFailure refused = failure_of(
        {422, false,
         R"({"error":{"code":"validation_failed","message":{"en":"There is a problem","ar":"هناك مشكلة"},)"
         R"("fields":[{"field":"form.years","code":"form.years_range","message":{"en":"e","ar":"ع"}},{"field":"x"}]}})"});
    EXPECT_EQ(refused.kind, CallFailure::Kind::Refused);
    EXPECT_EQ(refused.code, "validation_failed");
    EXPECT_EQ(refused.message.ar, "هناك مشكلة");
    ASSERT_EQ(refused.fields.size(), 1u) << "a field without its code and message is left out";
    EXPECT_EQ(refused.fields.front().field, "form.years");
}

TEST(RequestBodies, AreTheJsonTheServerReads) {
    TransactionForm form;
    form.years = 2;
    form.phone = "+96599000001";
    EXPECT_EQ(submission_body(TransactionKind::renew_child_residency, "301052003018", form),
              R"({"kind":"renew_child_residency","beneficiary":"301052003018","form":{"years":2,"phone":"+96599000001"}})");
    EXPECT_EQ(counter_submission_body("280010101007", TransactionKind::renew_child_residency, "301052003018", {}),
              R"({"sponsor":"280010101007","kind":"renew_child_residency","beneficiary":"301052003018","form":{}})");
    EXPECT_EQ(booking_body("al-salam-morning", 7, TransactionKind::renew_child_licence, "301052003018"),
              R"({"center":"al-salam-morning","slot":7,"kind":"renew_child_licence","beneficiary":"301052003018"})");
    EXPECT_EQ(reschedule_body(9), R"({"slot":9})");
    EXPECT_EQ(gateway_body("decline"), R"({"outcome":"decline"})");
    EXPECT_EQ(sign_in_body("1", "p\"w"), R"({"civil_id":"1","password":"p\"w"})");
}

TEST(Addresses, AreRelativeToThePage) {
    EXPECT_EQ(api::transaction_url("T-1"), "api/v1/transactions/T-1");
    EXPECT_EQ(api::slots_url("al-salam-morning", {2026, 2, 9}), "api/v1/centers/al-salam-morning/slots?date=2026-02-09");
    EXPECT_EQ(api::check_in_url("A-1"), "api/v1/counter/appointments/A-1/check-in");
    EXPECT_EQ(api::receipt_verify_url("R-1"), "api/v1/receipts/R-1/verify");
}

}  // namespace
}  // namespace muamala::client
