// The versioned rulebook: figures (terms, fees, windows, fines) by effective date, each citing its
// source and saying whether it is confirmed. The data is common/rulebook/rulebook.json, embedded in
// both builds; the rules that use the figures are in evaluate.cpp.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/problem.h"
#include "common/transactions.h"

namespace muamala {

struct Figure {
    int64_t value = 0;
    std::string source;      // a Source id of the same version
    bool confirmed = false;  // false: reported or assumed, not found in a published text
    bool present = false;    // false: this version does not set the figure
};

struct Source {
    std::string id;
    std::string cite;
};

// Figures for one transaction in one version. A transaction uses only some of them; the loader
// checks that each transaction has the ones evaluate() needs (required_figures).
struct TransactionRules {
    bool offered = false;
    std::string residency_kind;                 // the residency the transaction issues
    Figure max_years;                           // longest residency term a request may ask for
    Figure term_years;                          // fixed term (licences)
    Figure fee_per_year_fils;
    Figure fee_fils;                            // fixed fee per transaction
    Figure opens_days_before_expiry;            // residency renewal window
    Figure opens_months_before_expiry;          // licence renewal window
    Figure late_fine_per_day_fils;
    Figure late_fine_step_after_days;           // after this many late days, the higher rate applies
    Figure late_fine_per_day_after_step_fils;
    Figure late_fine_cap_fils;
    Figure registration_window_months;          // newborns
    Figure passport_min_months_left;
    Figure abroad_limit_days;                   // longer abroad cancels the residency
    Figure abroad_exempt_if_mother_kuwaiti_by_birth;  // 1 = exempt
    Figure son_max_age_years;                   // sons from this age need their own residency
    Figure min_age_years;                       // licences
    Figure fines_block;                         // 1 = unpaid traffic fines and utility dues block it
    Figure needs_health_insurance;              // 1 = a valid health insurance is required
};

struct RulebookVersion {
    std::string id;
    Text title;
    Date effective_from;
    bool effective_from_confirmed = false;
    std::vector<Source> sources;
    std::array<TransactionRules, kTransactionKindCount> transactions;

    const TransactionRules& rules_for(TransactionKind kind) const { return transactions[static_cast<size_t>(kind)]; }
};

struct Rulebook {
    std::vector<RulebookVersion> versions;  // ascending effective_from

    const RulebookVersion* version_on(const Date& day) const;  // nullptr before the first version
};

struct RulebookLoad {
    Rulebook rulebook;
    std::vector<std::string> problems;  // empty when the data is whole and consistent
};

// Parses and checks rulebook JSON: unknown keys, figures without a known source, and missing figures
// a transaction needs are all problems. Callers load once and keep the Rulebook.
RulebookLoad load_rulebook(std::string_view json_text);

// The rulebook embedded at build time from common/rulebook/rulebook.json.
RulebookLoad load_embedded_rulebook();
std::string_view embedded_rulebook_json();

}  // namespace muamala
