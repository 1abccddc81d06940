#include "common/evaluate.h"

#include "common/civil_id.h"
#include "common/counting.h"
#include "common/form_input.h"
#include "common/forms.h"
#include "common/reasons.h"

namespace muamala {
namespace {

// [SECTION] Shared state of one evaluation

struct Evaluation {
    const TransactionRequest& request;
    const TransactionRules& rules;
    const Person& sponsor;
    const Person& beneficiary;
    TransactionKind kind;
    Decision& decision;
    std::vector<Problem> notes;

    const Date& today() const { return request.today; }
    void fail(std::string_view code, const ReasonDetails& details = {}) { decision.reasons.push_back(reason(code, details)); }
    void note(std::string_view code, const ReasonDetails& details) { notes.push_back(reason(code, details)); }
    void charge(std::string code, Text label, int64_t fils, const Figure& figure, bool confirmed = true) {
        decision.fees.push_back({std::move(code), std::move(label), fils, figure.source, figure.confirmed && confirmed});
        decision.total_fils += fils;
    }
};

// [SECTION] Rules shared by several transactions

void check_relation(Evaluation& e, const Registry& registry) {
    const Marriage* marriage = registry.find_marriage(e.sponsor.civil_id, e.beneficiary.civil_id);
    const Parentage* parentage = registry.find_parentage(e.beneficiary.civil_id);
    const bool is_child = parentage && parentage->mother_civil_id == e.sponsor.civil_id;
    const auto check_marriage = [&] {
        if (marriage->status != MarriageStatus::married) e.fail("relation.marriage_ended");
    };
    switch (e.kind) {
        case TransactionKind::renew_husband_residency:
            if (!marriage) e.fail("relation.not_husband");
            else check_marriage();
            return;
        case TransactionKind::transfer_residency_passport:  // for the husband or a child
            if (is_child) return;
            if (marriage) check_marriage();
            else e.fail("relation.not_family");
            return;
        default:
            if (!is_child) e.fail("relation.not_child");
    }
}

void check_holds(Evaluation& e) {
    const Holds& holds = e.beneficiary.holds;
    if (holds.security_hold) e.fail("hold.security");
    if (e.rules.fines_block.value == 1) {
        if (holds.unpaid_traffic_fines_fils > 0) e.fail("fines.traffic", {.amount_fils = holds.unpaid_traffic_fines_fils});
        if (holds.unpaid_utility_dues_fils > 0) e.fail("dues.utility", {.amount_fils = holds.unpaid_utility_dues_fils});
    }
}

// An employed husband or child belongs on a work residency, which the employer applies for.
void check_employment(Evaluation& e) {
    if (e.rules.refused_if_employed.value != 1) return;
    switch (e.beneficiary.employment) {
        case Employment::none: return;
        case Employment::government: return e.fail("employment.government");
        case Employment::private_sector: return e.fail("employment.private_sector");
    }
}

// Being abroad blocks a renewal; staying abroad past the limit cancels the residency altogether,
// unless the rulebook exempts children of a mother who is Kuwaiti by birth.
void check_presence(Evaluation& e) {
    const auto& since = e.beneficiary.holds.outside_kuwait_since;
    if (!since) return;
    const bool lapses = e.rules.abroad_limit_days.present && e.beneficiary.residency;
    const bool exempt = e.rules.abroad_exempt_if_mother_kuwaiti_by_birth.value == 1 &&
                        e.sponsor.kuwaiti_by == KuwaitiBy::birth;
    if (lapses && !exempt && days_between(*since, e.today()) > e.rules.abroad_limit_days.value)
        e.fail("abroad.residency_lapsed", {.date = *since, .number = e.rules.abroad_limit_days.value});
    else
        e.fail("abroad.outside_kuwait", {.date = *since});
}

// The passport must be valid today and for the rulebook's margin; returns false if it is not usable.
bool check_passport(Evaluation& e) {
    const auto& passport = e.beneficiary.passport;
    if (!passport) return e.fail("passport.missing"), false;
    if (passport->expires < e.today()) return e.fail("passport.expired", {.date = passport->expires}), false;
    const int64_t months = e.rules.passport_min_months_left.value;
    const Date needed = add_months(e.today(), static_cast<int>(months));
    if (passport->expires < needed) return e.fail("passport.too_short", {.date = needed, .number = months}), false;
    return true;
}

bool check_health_insurance(Evaluation& e) {
    if (e.rules.needs_health_insurance.value != 1) return true;
    const auto& insurance = e.beneficiary.health_insurance_expires;
    if (!insurance) return e.fail("insurance.missing"), false;
    if (*insurance < e.today()) return e.fail("insurance.expired", {.date = *insurance}), false;
    return true;
}

// New residency expiry: `years` from `base`, never past the passport nor (when required) the health
// insurance. Returns nothing, with a reason, when no day can be gained.
std::optional<Date> residency_term(Evaluation& e, const Date& base, int64_t years) {
    Date expiry = add_years(base, static_cast<int>(years));
    if (e.beneficiary.passport->expires < expiry) {
        expiry = e.beneficiary.passport->expires;
        e.decision.limited_by = "passport";
    }
    if (e.rules.needs_health_insurance.value == 1 && *e.beneficiary.health_insurance_expires < expiry) {
        expiry = *e.beneficiary.health_insurance_expires;
        e.decision.limited_by = "health_insurance";
    }
    if (expiry <= base) {
        e.fail(e.decision.limited_by == "passport" ? "passport.limits_term" : "insurance.limits_term", {.date = expiry});
        e.decision.limited_by.clear();
        return std::nullopt;
    }
    if (!e.decision.limited_by.empty()) e.note("note.limited_by_" + e.decision.limited_by, {.date = expiry});
    return expiry;
}

// Years charged: every started year of the granted term.
int64_t years_started(const Date& base, const Date& expiry) {
    int64_t years = 0;
    while (add_years(base, static_cast<int>(years)) < expiry) ++years;
    return years;
}

bool is_child_kind(TransactionKind kind) {
    return kind == TransactionKind::renew_child_residency || kind == TransactionKind::issue_newborn_residency;
}

// The state health insurance for the granted term, where the version charges it with the residency;
// a waived one is still shown, at no cost, saying why.
void charge_health_insurance(Evaluation& e, int64_t years, const Text& term) {
    const TransactionRules& r = e.rules;
    if (!r.health_insurance_fee_per_year_fils.present) return;
    const Text label{"Health insurance, " + term.en, "التأمين الصحي، " + term.ar};
    if (is_child_kind(e.kind) && r.health_insurance_waived_if_mother_kuwaiti_by_birth.value == 1 &&
        e.sponsor.kuwaiti_by == KuwaitiBy::birth)
        return e.charge("health_insurance_fee",
                        {label.en + ": waived for a child of a Kuwaiti woman", label.ar + ": معفى لأبناء المواطنة الكويتية"}, 0,
                        r.health_insurance_waived_if_mother_kuwaiti_by_birth);
    const Figure& newborn = r.health_insurance_waived_under_age_months;
    if (newborn.present && e.today() < add_months(e.beneficiary.birth_date, static_cast<int>(newborn.value))) {
        const std::string n = std::to_string(newborn.value);
        return e.charge("health_insurance_fee",
                        {label.en + ": waived in a newborn's first " + n + " months",
                         label.ar + ": معفى في أول " + n + " أشهر من عمر المولود"},
                        0, newborn);
    }
    e.charge("health_insurance_fee", label, years * r.health_insurance_fee_per_year_fils.value, r.health_insurance_fee_per_year_fils);
}

void charge_residency(Evaluation& e, const Date& base, const Date& expiry) {
    const int64_t years = years_started(base, expiry);
    const Text term = count_of(years, CountedNoun::year);
    e.charge("residency_fee", {"Residency fee, " + term.en, "رسوم الإقامة، " + term.ar},
             years * e.rules.fee_per_year_fils.value, e.rules.fee_per_year_fils);
    charge_health_insurance(e, years, term);
}

// A daily late fine from `due` to today, at one rate or two (after the step), up to the cap. The
// line is confirmed only if every figure that made it is.
void charge_late_fine(Evaluation& e, const Date& due) {
    const int64_t late_days = days_between(due, e.today());
    const TransactionRules& r = e.rules;
    if (late_days <= 0 || !r.late_fine_per_day_fils.present || r.late_fine_per_day_fils.value == 0) return;
    int64_t fine;
    bool confirmed = r.late_fine_per_day_fils.confirmed;
    if (r.late_fine_step_after_days.present && late_days > r.late_fine_step_after_days.value) {
        const int64_t step = r.late_fine_step_after_days.value;
        fine = step * r.late_fine_per_day_fils.value + (late_days - step) * r.late_fine_per_day_after_step_fils.value;
        confirmed = confirmed && r.late_fine_step_after_days.confirmed && r.late_fine_per_day_after_step_fils.confirmed;
    } else {
        fine = late_days * r.late_fine_per_day_fils.value;
    }
    const bool capped = fine > r.late_fine_cap_fils.value;
    if (capped) fine = r.late_fine_cap_fils.value;
    const Text late = count_of(late_days, CountedNoun::day);
    e.charge("late_fine", {"Late fine, " + late.en, "غرامة تأخير، " + late.ar}, fine,
             capped ? r.late_fine_cap_fils : r.late_fine_per_day_fils, confirmed);
    e.note("note.late_fine", {.date = due, .number = late_days});
}

// [SECTION] One function per transaction

void renew_residency(Evaluation& e) {
    const Person& b = e.beneficiary;
    if (!b.residency) {
        e.fail("residency.missing");
    } else {
        e.decision.current_expiry = b.residency->expires;
        if (b.residency->sponsor_civil_id != e.sponsor.civil_id) e.fail("residency.other_sponsor");
        const int64_t window = e.rules.opens_days_before_expiry.value;
        const Date opens = add_days(b.residency->expires, -window);
        if (e.today() < opens) e.fail("residency.too_early", {.date = opens, .number = window});
    }
    check_presence(e);
    if (e.kind == TransactionKind::renew_child_residency && e.rules.son_max_age_years.present && b.sex == Sex::male &&
        age_on(b.birth_date, e.today()) >= e.rules.son_max_age_years.value)
        e.fail("child.son_over_age", {.number = e.rules.son_max_age_years.value});
    const bool passport_ok = check_passport(e);
    const bool insurance_ok = check_health_insurance(e);
    if (!b.residency || !passport_ok || !insurance_ok || !e.request.form.years) return;
    if (*e.request.form.years < 1 || *e.request.form.years > e.rules.max_years.value) return;

    const bool expired = b.residency->expires < e.today();
    const Date base = expired ? e.today() : b.residency->expires;
    const auto expiry = residency_term(e, base, *e.request.form.years);
    if (!expiry) return;
    e.decision.new_expiry = expiry;
    charge_residency(e, base, *expiry);
    if (expired) charge_late_fine(e, b.residency->expires);
    e.decision.new_record = NewRecord{"residency", b.civil_id, e.rules.residency_kind, e.sponsor.civil_id,
                                      b.passport->number, e.today(), *expiry};
}

void issue_newborn_residency(Evaluation& e) {
    const Person& b = e.beneficiary;
    if (b.residency) e.fail("newborn.has_residency");
    if (b.holds.outside_kuwait_since) e.fail("abroad.outside_kuwait", {.date = *b.holds.outside_kuwait_since});
    const bool passport_ok = check_passport(e);
    const bool insurance_ok = check_health_insurance(e);
    if (b.residency || !passport_ok || !insurance_ok || !e.request.form.years) return;
    if (*e.request.form.years < 1 || *e.request.form.years > e.rules.max_years.value) return;

    const auto expiry = residency_term(e, e.today(), *e.request.form.years);
    if (!expiry) return;
    e.decision.new_expiry = expiry;
    charge_residency(e, e.today(), *expiry);
    const TransactionRules& r = e.rules;
    charge_late_fine(e, r.registration_window_months.present
                            ? add_months(b.birth_date, static_cast<int>(r.registration_window_months.value))
                            : add_days(b.birth_date, static_cast<int>(r.registration_window_days.value)));
    e.decision.new_record = NewRecord{"residency", b.civil_id, e.rules.residency_kind, e.sponsor.civil_id,
                                      b.passport->number, e.today(), *expiry};
}

void renew_child_licence(Evaluation& e) {
    const Person& b = e.beneficiary;
    const TransactionRules& r = e.rules;
    if (!b.licence) {
        e.fail("licence.missing");
    } else {
        e.decision.current_expiry = b.licence->expires;
        const Date opens = add_months(b.licence->expires, -static_cast<int>(r.opens_months_before_expiry.value));
        if (e.today() < opens) e.fail("licence.too_early", {.date = opens, .number = r.opens_months_before_expiry.value});
    }
    if (age_on(b.birth_date, e.today()) < r.min_age_years.value) e.fail("licence.under_age", {.number = r.min_age_years.value});
    if (b.holds.outside_kuwait_since) e.fail("abroad.outside_kuwait", {.date = *b.holds.outside_kuwait_since});
    if (!b.residency) e.fail("residency.missing");
    else if (b.residency->expires < e.today()) e.fail("residency.expired", {.date = b.residency->expires});
    if (!b.licence || !b.residency || b.residency->expires < e.today()) return;

    const Date base = b.licence->expires < e.today() ? e.today() : b.licence->expires;
    Date expiry = add_years(base, static_cast<int>(r.term_years.value));
    if (b.residency->expires < expiry) {
        expiry = b.residency->expires;
        if (expiry <= base) return e.fail("residency.limits_licence", {.date = expiry});
        e.decision.limited_by = "residency";
        e.note("note.limited_by_residency", {.date = expiry});
    }
    e.decision.new_expiry = expiry;
    e.charge("licence_fee", {"Driving licence fee", "رسوم رخصة القيادة"}, r.fee_fils.value, r.fee_fils);
    e.decision.new_record = NewRecord{"driving_licence", b.civil_id, b.licence->licence_class, "", "", e.today(), expiry};
}

void transfer_residency_passport(Evaluation& e) {
    const Person& b = e.beneficiary;
    const TransactionForm& form = e.request.form;
    if (!b.residency) e.fail("residency.missing");
    else if (b.residency->expires < e.today()) e.fail("residency.expired", {.date = b.residency->expires});
    else e.decision.current_expiry = b.residency->expires;
    if (b.residency && b.residency->sponsor_civil_id != e.sponsor.civil_id) e.fail("residency.other_sponsor");

    const std::string& number = form.new_passport_number;
    if (b.passport && !number.empty() && number == b.passport->number)
        e.decision.reasons.push_back(reason("transfer.same_passport", {}, "new_passport_number"));
    const auto new_expiry = parse_iso_date(form.new_passport_expires);
    const int64_t months = e.rules.passport_min_months_left.value;
    const Date needed = add_months(e.today(), static_cast<int>(months));
    if (new_expiry && *new_expiry < needed)
        e.decision.reasons.push_back(
            reason("transfer.new_passport_too_short", {.date = needed, .number = months}, "new_passport_expires"));
    if (!e.decision.current_expiry || !new_expiry) return;

    Date expiry = b.residency->expires;
    if (*new_expiry < expiry) {
        expiry = *new_expiry;
        e.decision.limited_by = "passport";
        e.note("note.limited_by_passport", {.date = expiry});
    }
    e.decision.new_expiry = expiry;
    e.charge("transfer_fee", {"Residency transfer fee", "رسوم نقل الإقامة"}, e.rules.fee_fils.value, e.rules.fee_fils);
    // A residency left on an expired passport past the grace is fined until it is moved.
    if (e.rules.passport_update_grace_months.present && b.passport)
        charge_late_fine(e, add_months(b.passport->expires, static_cast<int>(e.rules.passport_update_grace_months.value)));
    e.decision.new_record = NewRecord{"residency", b.civil_id, b.residency->kind, e.sponsor.civil_id, number,
                                      e.today(), expiry};
}

}  // namespace

// [SECTION] evaluate

TransactionRules rules_for_sponsor(const TransactionRules& rules, TransactionKind kind, const Person& sponsor) {
    TransactionRules applying = rules;
    if (!is_child_kind(kind) || sponsor.kuwaiti_by != KuwaitiBy::naturalisation) return applying;
    if (rules.max_years_if_mother_naturalised.present) applying.max_years = rules.max_years_if_mother_naturalised;
    if (rules.fee_per_year_if_mother_naturalised_fils.present)
        applying.fee_per_year_fils = rules.fee_per_year_if_mother_naturalised_fils;
    return applying;
}

Decision evaluate(const Rulebook& rulebook, const Registry& registry, const TransactionRequest& as_sent) {
    TransactionRequest request = as_sent;
    request.form = normalize_form(std::move(request.form));  // as the app reads what she typed
    Decision decision;
    decision.kind = request.kind;
    decision.today = request.today;
    const auto stop = [&](Problem problem) {
        decision.reasons.push_back(std::move(problem));
        return decision;
    };

    const auto kind = parse_transaction_kind(request.kind);
    if (!kind) return stop(reason("request.unknown_kind"));
    const RulebookVersion* version = rulebook.version_on(request.today);
    if (!version) return stop(reason("rulebook.no_version", {.date = request.today}));
    decision.rulebook_id = version->id;
    if (!version->rules_for(*kind).offered) return stop(reason("rulebook.not_offered", {.date = request.today}));

    const Person* sponsor = registry.find_person(request.sponsor_civil_id);
    const Person* beneficiary = registry.find_person(request.beneficiary_civil_id);
    if (!sponsor) decision.reasons.push_back(reason("registry.sponsor_missing"));
    if (!beneficiary) decision.reasons.push_back(reason("registry.beneficiary_missing"));
    if (!sponsor || !beneficiary) return decision;

    check_person_record(*sponsor, request.today, decision.reasons);
    if (beneficiary != sponsor) check_person_record(*beneficiary, request.today, decision.reasons);
    const Parentage* parentage = registry.find_parentage(beneficiary->civil_id);
    if (parentage && parentage->mother_civil_id == sponsor->civil_id && sponsor->birth_date >= beneficiary->birth_date)
        decision.reasons.push_back(reason("registry.mother_younger_than_child"));
    if (!decision.reasons.empty()) return decision;

    const TransactionRules rules = rules_for_sponsor(version->rules_for(*kind), *kind, *sponsor);
    Evaluation e{request, rules, *sponsor, *beneficiary, *kind, decision, {}};
    if (request.actor_role == ActorRole::sponsor && request.actor_civil_id != sponsor->civil_id) e.fail("actor.not_sponsor");
    if (!sponsor->is_kuwaiti() || sponsor->sex != Sex::female) e.fail("sponsor.not_kuwaiti_woman");
    check_relation(e, registry);
    if (beneficiary->is_kuwaiti()) e.fail("beneficiary.kuwaiti");
    check_holds(e);
    check_employment(e);
    for (Problem& problem : validate_form(*kind, rules, request.form)) decision.reasons.push_back(std::move(problem));

    switch (*kind) {
        case TransactionKind::renew_husband_residency:
        case TransactionKind::renew_child_residency: renew_residency(e); break;
        case TransactionKind::issue_newborn_residency: issue_newborn_residency(e); break;
        case TransactionKind::renew_child_licence: renew_child_licence(e); break;
        case TransactionKind::transfer_residency_passport: transfer_residency_passport(e); break;
    }

    decision.eligible = decision.reasons.empty();
    if (!decision.eligible) decision.new_record.reset();
    decision.notes = std::move(e.notes);
    return decision;
}

}  // namespace muamala
