// The versioned rulebook: figures (terms, fees, windows, fines) by effective date, each citing its
// source and saying whether it is confirmed. The data is common/rulebook/rulebook.json, embedded in
// both builds (the server may load another file instead, and the app decides with the one the
// server serves); the rules that use the figures are in evaluate.cpp.
//
// A version states what its instrument changed: it starts from the figures and sources of the
// version before it, sets the figures it names, and drops those it sets to null.
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
    std::string url;  // where the text was read; empty for reported practice with no one page
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
    Figure registration_window_months;          // newborns: the window in months ...
    Figure registration_window_days;            // ... or in days (a version sets one of the two)
    Figure passport_min_months_left;
    Figure abroad_limit_days;                   // longer abroad cancels the residency
    Figure abroad_exempt_if_mother_kuwaiti_by_birth;  // 1 = exempt
    Figure son_max_age_years;                   // sons from this age need their own residency
    Figure min_age_years;                       // licences
    Figure fines_block;                         // 1 = unpaid traffic fines and utility dues block it
    Figure needs_health_insurance;              // 1 = a valid health insurance is required
    // Optional figures: a version that does not set one does not apply its rule.
    Figure refused_if_employed;                 // 1 = an employed beneficiary needs a work residency instead
    Figure max_years_if_mother_naturalised;     // children of a mother Kuwaiti by naturalisation: ...
    Figure fee_per_year_if_mother_naturalised_fils;  // ... the family provisions are for mothers Kuwaiti by birth
    Figure health_insurance_fee_per_year_fils;  // the state health insurance, paid with the residency
    Figure health_insurance_waived_if_mother_kuwaiti_by_birth;  // 1 = her children pay no health insurance
    Figure health_insurance_waived_under_age_months;            // newborns this young pay none
    Figure passport_update_grace_months;        // a residency left on a passport expired this long is fined
};

struct RulebookVersion {
    std::string id;
    Text title;                         // names the instrument and the day it took effect
    Date effective_from;
    bool effective_from_confirmed = false;
    std::string instrument_source;      // the Source (with a url) that reports the instrument itself
    std::vector<Source> sources;        // this version's own and every earlier version's
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

// Parses and checks rulebook JSON: unknown keys, figures without a known source, missing figures a
// transaction needs, versions out of date order are all problems, each naming where it is
// ("versions[1](kw-2025-01).transactions.renew_husband_residency.fee_per_year_fils: ...").
// Callers load once and keep the Rulebook.
RulebookLoad load_rulebook(std::string_view json_text);

// The rulebook embedded at build time from common/rulebook/rulebook.json.
RulebookLoad load_embedded_rulebook();
std::string_view embedded_rulebook_json();

}  // namespace muamala
