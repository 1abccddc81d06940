// A transaction request and the decision the rules reach on it. "today" is part of the request:
// the core has no clock, so the same request gives the same decision on every build.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/problem.h"
#include "common/registry.h"
#include "common/transactions.h"

namespace muamala {

enum class ActorRole { sponsor, center_operator };

// What the person filled in. Only the fields of the transaction's form are read (see forms.h).
struct TransactionForm {
    std::optional<int64_t> years;        // residency term asked for
    std::string phone;                   // for the SMS that says the document is ready
    std::string new_passport_number;     // transfer_residency_passport
    std::string new_passport_country;
    std::string new_passport_expires;    // as typed; validated as an ISO date
};

struct TransactionRequest {
    std::string kind;                    // wire name; an unknown one is a reason, not a crash
    std::string sponsor_civil_id;        // the Kuwaiti mother or wife
    std::string beneficiary_civil_id;    // husband or child
    ActorRole actor_role = ActorRole::sponsor;
    std::string actor_civil_id;          // who asks: the sponsor herself, or a center operator
    Date today;
    bool today_valid = true;             // false when the wire request had no real date
    TransactionForm form;
};

struct FeeLine {
    std::string code;                    // "residency_fee", "late_fine", "licence_fee", ...
    Text label;
    int64_t amount_fils = 0;
    std::string source;                  // rulebook source id
    bool confirmed = false;
};

// The document as it will be recorded once the transaction completes.
struct NewRecord {
    std::string document;                // "residency" or "driving_licence"
    std::string holder_civil_id;
    std::string kind;                    // residency kind or licence class
    std::string sponsor_civil_id;        // residencies only
    std::string passport_number;         // residencies only
    Date issued;
    Date expires;
};

struct Decision {
    std::string kind;                    // as requested
    std::string rulebook_id;             // empty if no version covers the date
    std::optional<Date> today;           // empty when the request carried no valid date
    bool eligible = false;
    std::vector<Problem> reasons;        // every failed rule; field set when a form field is at fault
    std::vector<Problem> notes;          // explanations of the figures (a limited term, a late fine)
    std::vector<FeeLine> fees;
    int64_t total_fils = 0;
    std::optional<Date> current_expiry;
    std::optional<Date> new_expiry;
    std::string limited_by;              // "", "passport", "health_insurance" or "residency"
    std::optional<NewRecord> new_record; // set only when eligible
};

}  // namespace muamala
