// The server's API as the app sees it: where each call goes, what it sends, and the answers read
// into plain structs. Nothing here draws or keeps state; screens call these and keep the results.
// The records a transaction, a payment, an appointment and a receipt are read with are the ones the
// server writes with (common/wire_records.h). Reading never throws (the wasm build has no
// exceptions): an answer that does not read as the API promises (server/http/openapi.json) is
// reported as CallFailure::Kind::Unexpected.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/platform/http.h"
#include "common/centers.h"
#include "common/date.h"
#include "common/decision.h"
#include "common/problem.h"
#include "common/registry.h"
#include "common/rulebook.h"
#include "common/roles.h"
#include "common/transactions.h"
#include "common/wire_records.h"

namespace muamala::client {

// [SECTION] Addresses
// Relative to the page, like every URL the app fetches: the app keeps working behind a proxy that
// serves it under a path prefix.
namespace api {
inline constexpr std::string_view kService = "api/v1/service";
inline constexpr std::string_view kSession = "api/v1/session";
inline constexpr std::string_view kSessionVerify = "api/v1/session/verify";
inline constexpr std::string_view kHousehold = "api/v1/household";
inline constexpr std::string_view kRulebook = "api/v1/rulebook";
inline constexpr std::string_view kTransactions = "api/v1/transactions";
std::string transaction_url(std::string_view id);           // api/v1/transactions/{id}
std::string new_payment_url(std::string_view transaction);  // api/v1/transactions/{id}/payments
std::string test_gateway_url(std::string_view payment);     // api/v1/payments/{id}/test-gateway
std::string receipt_url(std::string_view number);           // api/v1/receipts/{number}
// Service centers and appointments.
inline constexpr std::string_view kCenters = "api/v1/centers";
inline constexpr std::string_view kAppointments = "api/v1/appointments";
std::string slots_url(std::string_view center, const Date& date);  // api/v1/centers/{id}/slots?date=YYYY-MM-DD
std::string appointment_url(std::string_view id);                  // api/v1/appointments/{id}
std::string reschedule_url(std::string_view id);                   // api/v1/appointments/{id}/reschedule

// The staff's calls: an operator at her counter, a supervisor's figures.
inline constexpr std::string_view kCounterTransactions = "api/v1/counter/transactions";
inline constexpr std::string_view kCounterTickets = "api/v1/counter/tickets";
inline constexpr std::string_view kCounterQueue = "api/v1/counter/queue";
inline constexpr std::string_view kSupervisorKpis = "api/v1/supervisor/kpis";
std::string counter_household_url(std::string_view civil_id);      // api/v1/counter/households/{civil_id}
std::string counter_new_payment_url(std::string_view transaction);  // api/v1/counter/transactions/{id}/payments
std::string counter_test_gateway_url(std::string_view payment);     // api/v1/counter/payments/{id}/test-gateway
std::string check_in_url(std::string_view appointment);             // api/v1/counter/appointments/{id}/check-in
std::string receipt_verify_url(std::string_view number);            // api/v1/receipts/{number}/verify (public)
}  // namespace api

// [SECTION] What went wrong with a call
struct CallFailure {
    enum class Kind {
        Unreachable,   // no answer at all: offline, server down, connection refused
        TimedOut,      // the connection hung past the request's time limit
        ServerError,   // 5xx: the server failed; the same request may work later
        SessionEnded,  // 401: signed out (expired, or signed out elsewhere)
        Refused,       // 4xx with the standard error body: `code`, `message`, `fields` say why
        Unexpected,    // an answer that does not read as the API promises
    };
    Kind kind = Kind::Unexpected;
    int http_status = 0;
    std::string code;             // error.code, when the body had one
    Text message;                 // error.message, when the body had one
    std::vector<Problem> fields;  // error.fields; Problem::field is the request's name ("form.years")
};
CallFailure failure_of(const HttpResponse& response);  // for any answer the caller did not expect

// [SECTION] Sign-in
std::string sign_in_body(std::string_view civil_id, std::string_view password);
std::string verify_body(std::string_view code);
struct SignedIn {
    std::string csrf_token;
    std::string civil_id;
    Role role = Role::citizen;  // which screens are theirs (router.h)
};
std::optional<SignedIn> read_signed_in(std::string_view body);  // answer of verify and GET session

// [SECTION] The service: a demonstration or real, and whether it can take payments
struct ServiceInfo {
    bool demo = false;               // made-up people and the test gateway: the phase banner says so
    bool payments_available = true;  // false: no payment provider yet; a fee cannot be paid online
    Text payments_label;             // the server's words for the payment provider, or for its absence
};
std::optional<ServiceInfo> read_service_info(std::string_view body);  // answer of GET service

// [SECTION] Household
struct Document {
    std::string type;  // "residency", "driving_licence", "passport", "health_insurance"
    Date expires;
    int64_t days_to_expiry = 0;  // negative once expired
    std::string state;           // "valid", "expiring" (within the reminder window) or "expired"
};
struct Offer {  // a transaction the dashboard offers for a member, with the server's probe decision
    TransactionKind kind{};
    bool eligible = false;
    std::vector<Problem> reasons;  // why not, each saying what to do
};
struct Member {
    std::string civil_id;
    Text name;
    int age = 0;
    std::string relation;  // "husband", "son" or "daughter"
    std::vector<Document> documents;
    std::vector<Offer> offers;
};
struct Household {
    Date today;  // Kuwait's date on the server: every local decision uses it, never the browser's clock
    std::string sponsor_civil_id;
    Text sponsor_name;
    std::string sponsor_phone;  // E.164; the SMS number the forms start from
    Text home_area;             // "" when the registry has none
    std::string home_area_id;   // "" when the registry has none
    std::optional<Center> center;         // the morning center of her area (none without an area)
    std::vector<Center> evening_centers;  // the evening centers of her governorate
    Text rulebook_title;        // the rulebook version in force on `today`; "" when none is
    std::vector<Member> members;
    Registry registry;          // the core's model of the household, for evaluate() in the wizard
};
std::optional<Household> read_household(std::string_view body);

// The rulebook as the server serves it, through the core's own loader and its checks: a text the
// loader finds any problem with is not an answer the app can decide with.
std::optional<Rulebook> read_rulebook(std::string_view body);

// [SECTION] Transactions and payments
std::optional<TransactionRecord> read_transaction(std::string_view body);             // GET /transactions/{id}
std::optional<std::vector<TransactionRecord>> read_transactions(std::string_view body);  // GET /transactions

// The body of POST /transactions: the form exactly as it will be judged.
std::string submission_body(TransactionKind kind, std::string_view beneficiary, const TransactionForm& form);

// The answer to a submission (201) or to a payment (200): the transaction as it now stands, the
// payment due or just settled (none when free), and the receipt number once completed.
struct Outcome {
    TransactionRecord transaction;
    std::optional<PaymentRecord> payment;
    std::string receipt_number;
};
std::optional<Outcome> read_outcome(std::string_view body);
std::optional<PaymentRecord> read_payment_opened(std::string_view body);  // POST /transactions/{id}/payments
std::string gateway_body(std::string_view outcome);                       // "approve", "decline" or "timeout"

// [SECTION] Receipts
// What the receipt states, and for its owner the QR code of its public verify address.
struct Receipt : ReceiptRecord {
    std::string verify_url;
    std::vector<std::string> qr_modules;  // rows of '1' (dark) and '0', without the quiet zone
    std::string sms_to;  // the mobile number the SMS went to (the owner's copy only); "" when none
};
std::optional<Receipt> read_receipt(std::string_view body);
// The public check of a receipt (GET /receipts/{number}/verify), which staff may read: the same
// lines without the QR code. nullopt when the signature does not hold: such a receipt is not shown.
std::optional<Receipt> read_verified_receipt(std::string_view body);

// [SECTION] The counter (operators)
struct QueueTicket {
    std::string id;
    int64_t number = 0;
    std::string source;          // "walk_in" or "appointment"
    std::string appointment_id;  // "" for a walk-in
    std::string issued_at;       // ISO-8601 UTC
};
struct CounterQueue {  // GET /counter/queue: her center and today's queue there
    Center center;
    Date date;
    std::vector<QueueTicket> tickets;  // by number
    std::vector<AppointmentRecord> appointments;  // in slot order
};
std::optional<CounterQueue> read_counter_queue(std::string_view body);
std::optional<QueueTicket> read_ticket_issued(std::string_view body);  // POST /counter/tickets, and check-in's "ticket"
// The body of POST /counter/transactions: a citizen's submission plus whom it is for.
std::string counter_submission_body(std::string_view sponsor, TransactionKind kind, std::string_view beneficiary,
                                    const TransactionForm& form);

// [SECTION] The supervisor's figures
// Shares are fractions (0.5 = 50 %); nullopt where nothing was done (server/figures/kpis.h).
struct KpiMonth {
    std::string month;  // "2025-01"
    bool complete = true;  // false for the month under way
    int64_t online = 0, in_person = 0, total = 0;
    std::optional<double> in_person_share;
};
struct KpiKind {
    Text title;
    int64_t online = 0, in_person = 0, total = 0;
    std::optional<double> in_person_share;
};
struct KpiCenter {
    Text name;
    std::string shift;
    int64_t in_person = 0, online_in_its_areas = 0;
    std::optional<double> in_person_share;
};
struct Kpis {
    Date today;
    Text definition;  // what is counted
    int64_t synthetic_transactions = 0;
    std::optional<Text> note;  // the server's words about the synthetic history
    std::vector<KpiMonth> by_month;
    std::vector<KpiKind> by_kind;
    std::vector<KpiCenter> by_center;
    struct Baseline { std::string from, to; double in_person_per_month = 0; std::optional<double> in_person_share; };
    std::optional<Baseline> baseline;
    struct Current {
        std::string month;
        int64_t online = 0, in_person = 0, total = 0;
        std::optional<double> in_person_share;
        std::optional<double> visits_change_from_baseline;  // -0.5: half the visits of the baseline
    };
    std::optional<Current> current;
    struct Trend {
        std::string from, to;  // the months the line is fitted to
        double slope_per_month = 0, intercept = 0;  // share = intercept + slope * (months since `from`)
        std::string projected_zero_month;  // "" when the line never reaches zero
    };
    std::optional<Trend> trend;
};
std::optional<Kpis> read_kpis(std::string_view body);

// [SECTION] Centers and appointments
struct CenterDirectory {
    std::vector<Center> centers;  // in the directory's order
    Text note;                    // why the directory is illustrative; "" when it is official
};
std::optional<CenterDirectory> read_centers(std::string_view body);  // GET /centers

struct Slot {
    int64_t id = 0;
    std::string starts, ends;  // "07:30", Kuwait time
    int64_t available = 0;     // places left
    bool bookable = false;     // places left and not yet begun
};
struct DaySlots {
    Date date;
    bool open = false;  // the center opens that day
    std::vector<Slot> slots;
};
std::optional<DaySlots> read_slots(std::string_view body);  // GET /centers/{id}/slots

std::optional<std::vector<AppointmentRecord>> read_appointments(std::string_view body);  // GET /appointments
std::optional<AppointmentRecord> read_appointment_answer(std::string_view body);          // {"appointment"} answers

// The answer to a booking (201): the appointment, and whether the same transaction could be done
// online now (the server's probe decision, as the dashboard's offers).
struct Booked {
    AppointmentRecord appointment;
    bool online_possible = false;
};
std::optional<Booked> read_booked(std::string_view body);

std::string booking_body(std::string_view center, int64_t slot, TransactionKind kind, std::string_view beneficiary);
std::string reschedule_body(int64_t slot);

}  // namespace muamala::client
