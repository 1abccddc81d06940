#include "common/registry.h"

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

}  // namespace muamala
