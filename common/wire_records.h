// The API's records, written once: a transaction with its payments, an appointment and a receipt,
// as the server writes them and the app reads them (server/http/openapi.json describes the same
// shapes, and tests/server/openapi_answers_test.cpp checks real answers against that description).
// Reading never throws: every missing or mistyped member becomes a Problem "record.invalid" naming
// its JSON path, and a record read with problems must not be used.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/problem.h"
#include "common/statuses.h"
#include "common/transactions.h"
#include "common/wire.h"

namespace muamala {

// A person as a record names them: {"civil_id","name":{"en","ar"}}.
struct PersonNamed {
    std::string civil_id;
    Text name;
    bool operator==(const PersonNamed&) const = default;
};

struct PaymentRecord {
    std::string id;              // "P-..."
    std::string transaction_id;  // "T-..."
    std::string provider;        // the PaymentProvider's name ("test-gateway")
    bool test_gateway = false;   // true: no real money moves, and every screen says so
    Text label;                  // the provider's own words ("Test payment gateway ...")
    int64_t amount_fils = 0;
    PaymentStatus status = PaymentStatus::pending;
    std::string created_at, updated_at;  // ISO-8601 UTC
    bool operator==(const PaymentRecord&) const = default;
};

struct TransactionRecord {
    std::string id;  // "T-..."
    TransactionKind kind{};  // its title is title_of(kind)
    PersonNamed beneficiary;
    Channel channel = Channel::online;
    std::string center_id;  // the center's id when done at a counter; "" online
    TransactionStatus status = TransactionStatus::awaiting_payment;
    int64_t fee_fils = 0;
    std::optional<Date> old_expiry, new_expiry;  // no old one for a newborn's first residency
    std::string created_at, updated_at;          // ISO-8601 UTC
    std::string receipt_number;                  // "" until completed
    std::vector<PaymentRecord> payments;         // oldest first
    Json decision;  // the core's decision as recorded (to_json(Decision), wire_transactions.h)

    const PaymentRecord* pending_payment() const;  // the one open payment; nullptr when none
    bool operator==(const TransactionRecord&) const = default;
};

struct AppointmentRecord {
    std::string id;  // "A-...": the reference given to the person
    AppointmentStatus status = AppointmentStatus::booked;
    TransactionKind kind{};  // what the visit is for; its title is title_of(kind)
    PersonNamed sponsor, beneficiary;
    struct CenterNamed {
        std::string id;
        Text name;
        std::string shift;        // "morning" or "evening"
        std::string governorate;  // common/areas.h id
        bool operator==(const CenterNamed&) const = default;
    } center;
    struct SlotTime {
        int64_t id = 0;
        Date date;
        std::string starts, ends;  // "07:30", Kuwait time
        bool operator==(const SlotTime&) const = default;
    } slot;
    std::string checked_in_at;  // ISO-8601 UTC; "" until checked in
    std::string created_at, updated_at;
    bool operator==(const AppointmentRecord&) const = default;
};

// What a receipt states. Its JSON (to_json below, in a fixed key order) is the payload the server
// signs, so a field added here changes what new receipts say, never what old ones did.
struct ReceiptRecord {
    std::string number;  // "R-..."
    std::string transaction_id;
    TransactionKind kind{};
    Text title;  // as it was when issued: part of what was signed
    Text holder_name;
    std::string holder_civil_id_last4;  // enough to tell family members apart; no more
    std::optional<Date> old_expiry;     // none for a newborn's first residency
    Date new_expiry;
    int64_t fee_fils = 0;
    std::string issued_at;  // ISO-8601 UTC
    Channel channel = Channel::online;
    std::string center_id;  // "" online
    bool operator==(const ReceiptRecord&) const = default;
};

Json to_json(const PersonNamed& person);
Json to_json(const PaymentRecord& payment);
Json to_json(const TransactionRecord& transaction);
Json to_json(const AppointmentRecord& appointment);
Json to_json(const ReceiptRecord& receipt);

PaymentRecord payment_from_json(const Json& json, std::vector<Problem>& problems);
TransactionRecord transaction_from_json(const Json& json, std::vector<Problem>& problems);
AppointmentRecord appointment_from_json(const Json& json, std::vector<Problem>& problems);
ReceiptRecord receipt_from_json(const Json& json, std::vector<Problem>& problems);

// {"code","message":{"en","ar"}} with an optional "field", as decisions and error bodies carry them.
std::optional<Problem> problem_from_json(const Json& json);

}  // namespace muamala
