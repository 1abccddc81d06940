#include "common/registry.h"

#include "common/civil_id.h"
#include "common/reasons.h"

namespace muamala {

const Person* Registry::find_person(std::string_view civil_id) const {
    for (const Person& person : persons)
        if (person.civil_id == civil_id) return &person;
    return nullptr;
}

const Marriage* Registry::find_marriage(std::string_view wife, std::string_view husband) const {
    for (const Marriage& marriage : marriages)
        if (marriage.wife_civil_id == wife && marriage.husband_civil_id == husband) return &marriage;
    return nullptr;
}

const Parentage* Registry::find_parentage(std::string_view child) const {
    for (const Parentage& parentage : parentages)
        if (parentage.child_civil_id == child) return &parentage;
    return nullptr;
}

void check_person_record(const Person& person, const Date& today, std::vector<Problem>& out) {
    const std::string who = (person.name.en.empty() ? person.civil_id : person.name.en) + " (" + person.civil_id + ")";
    const Validation id = validate_civil_id(person.civil_id);
    if (!id.ok || id.normalized != person.civil_id) {
        out.push_back(reason("registry.invalid", {.name = "civil ID of " + who}));
        return;
    }
    if (civil_id_birth_date(person.civil_id) != person.birth_date)
        out.push_back(reason("registry.birth_date_mismatch", {.name = who}));
    if (person.birth_date > today) out.push_back(reason("registry.born_after_today", {.name = who}));
    if (person.residency && person.residency->expires < person.residency->issued)
        out.push_back(reason("registry.document_dates", {.name = who}));
}

}  // namespace muamala
