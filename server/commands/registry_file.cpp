#include "server/commands/registry_file.h"

#include <algorithm>
#include <set>

#include "common/areas.h"
#include "common/civil_id.h"
#include "common/countries.h"
#include "common/phone.h"
#include "common/reasons.h"
#include "common/wire_transactions.h"

namespace muamala::server {
namespace {

// A value that says no more than leaving the field out.
bool says_nothing(const Json& value) {
    return value.is_null() || (value.is_boolean() && !value.get<bool>()) ||
           (value.is_number() && value == 0) || (value.is_string() && value.get_ref<const std::string&>().empty()) ||
           (value.is_structured() && value.empty());
}

// The core's reader skips what it does not know, so a misspelt field would vanish without a word.
// What the line says is compared with what the core understood of it (written back by the one JSON
// mapping): whatever is left over was not understood.
void report_not_understood(const Json& given, const Json& understood, const std::string& path,
                           std::vector<Problem>& problems) {
    if (given.is_object() && understood.is_object()) {
        for (const auto& [key, value] : given.items()) {
            const auto match = understood.find(key);
            if (match == understood.end()) {
                // A field the reader refused (a number for a civil ID) is left out too: it is named already.
                const std::string at = path + "." + key, named = "(" + at + ")";
                const bool already_named = std::any_of(problems.begin(), problems.end(), [&](const Problem& problem) {
                    return problem.message.en.find(named) != std::string::npos;
                });
                if (!says_nothing(value) && !already_named)
                    problems.push_back(reason("registry.unknown_field", {.name = at}));
            } else {
                report_not_understood(value, *match, path + "." + key, problems);
            }
        }
    } else if (given.is_array() && understood.is_array() && given.size() == understood.size()) {
        for (std::size_t index = 0; index < given.size(); ++index)
            report_not_understood(given[index], understood[index], path + "[" + std::to_string(index) + "]", problems);
    }
}

// A field's own validator, with the path in the line named in front of its message.
void check_field(const Validation& validation, const std::string& given, const std::string& path,
                 std::vector<Problem>& problems) {
    for (Problem problem : validation.errors) {
        problem.message.en = path + ": " + problem.message.en;
        problem.message.ar = path + ": " + problem.message.ar;
        problem.field = path;
        problems.push_back(std::move(problem));
    }
    // The file holds each value as stored: "+96599000001", not "9900 0001".
    if (validation.ok && validation.normalized != given)
        problems.push_back(reason("registry.invalid", {.name = path + " (write it as " + validation.normalized + ")"}));
}

// The person's own fields: what check_person_record does not look at.
void check_person_fields(const Person& person, const PersonContact& contact, const std::string& at,
                         std::vector<Problem>& problems) {
    if (!person.nationality.empty() && !is_known_country(person.nationality))
        problems.push_back(reason("registry.unknown_country", {.name = at + ".nationality"}));
    if (person.passport && !is_known_country(person.passport->country))
        problems.push_back(reason("registry.unknown_country", {.name = at + ".passport.country"}));
    if (!person.home_area.empty() && !find_area(person.home_area))
        problems.push_back(reason("registry.unknown_area", {.name = at + ".home_area"}));
    if (!contact.phone.empty()) check_field(validate_phone(contact.phone), contact.phone, at + ".phone", problems);
    if (!contact.civil_id_serial.empty())
        check_field(validate_civil_id_serial(contact.civil_id_serial), contact.civil_id_serial, at + ".civil_id_serial",
                    problems);
}

// One sponsor whom every relation names, and everyone else her husband or her child. Returns her
// civil ID, or "" after reporting why there is none.
std::string check_household_shape(const Registry& household, std::vector<Problem>& problems) {
    std::set<std::string> persons;
    for (std::size_t index = 0; index < household.persons.size(); ++index)
        if (!persons.insert(household.persons[index].civil_id).second)
            problems.push_back(reason("registry.duplicate_person",
                                      {.name = "registry.persons[" + std::to_string(index) + "] (" +
                                               household.persons[index].civil_id + ")"}));
    const auto must_exist = [&](const std::string& civil_id, const std::string& path) {
        if (!civil_id.empty() && !persons.contains(civil_id))
            problems.push_back(reason("registry.unknown_person", {.name = path + " (" + civil_id + ")"}));
    };
    std::set<std::string> sponsors, related;
    for (std::size_t index = 0; index < household.marriages.size(); ++index) {
        const Marriage& marriage = household.marriages[index];
        const std::string at = "registry.marriages[" + std::to_string(index) + "]";
        must_exist(marriage.wife_civil_id, at + ".wife");
        must_exist(marriage.husband_civil_id, at + ".husband");
        sponsors.insert(marriage.wife_civil_id);
        related.insert(marriage.husband_civil_id);
    }
    for (std::size_t index = 0; index < household.parentages.size(); ++index) {
        const Parentage& parentage = household.parentages[index];
        const std::string at = "registry.parents[" + std::to_string(index) + "]";
        must_exist(parentage.child_civil_id, at + ".child");
        must_exist(parentage.mother_civil_id, at + ".mother");
        must_exist(parentage.father_civil_id, at + ".father");
        sponsors.insert(parentage.mother_civil_id);
        related.insert(parentage.child_civil_id);
    }
    if (sponsors.empty() && household.persons.size() == 1) sponsors.insert(household.persons.front().civil_id);
    if (sponsors.empty()) {
        problems.push_back(reason("registry.no_sponsor"));
        return "";
    }
    if (sponsors.size() > 1) {
        std::string names;
        for (const std::string& sponsor : sponsors) names += (names.empty() ? "" : ", ") + sponsor;
        problems.push_back(reason("registry.several_sponsors", {.name = names}));
        return "";
    }
    const std::string sponsor = *sponsors.begin();
    for (std::size_t index = 0; index < household.persons.size(); ++index) {
        const Person& person = household.persons[index];
        const std::string at = "registry.persons[" + std::to_string(index) + "] (" + person.civil_id + ")";
        if (person.civil_id == sponsor) {
            if (!person.is_kuwaiti() || person.sex != Sex::female)
                problems.push_back(reason("registry.sponsor_not_kuwaiti_woman", {.name = at}));
            if (person.home_area.empty()) problems.push_back(reason("registry.invalid", {.name = at + ".home_area"}));
        } else if (!related.contains(person.civil_id)) {
            problems.push_back(reason("registry.not_related", {.name = at}));
        }
        if (person.residency && person.residency->sponsor_civil_id != sponsor)
            problems.push_back(reason("registry.residency_sponsor", {.name = at}));
    }
    return sponsor;
}

}  // namespace

std::optional<HouseholdRecord> read_household_line(std::string_view line, const Date& today, std::vector<Problem>& problems) {
    const std::size_t found_before = problems.size();
    const Json given = Json::parse(line, nullptr, false);
    if (given.is_discarded() || !given.is_object()) {
        problems.push_back(reason("registry.line_not_json", {.name = given.is_discarded() ? "it does not parse" : "not an object"}));
        return std::nullopt;
    }
    HouseholdRecord record;
    record.household = registry_from_json(given, problems);

    // The two fields the file adds to the core's person.
    Json understood = to_json(record.household);
    const Json* persons = given.contains("persons") && given["persons"].is_array() ? &given["persons"] : nullptr;
    for (std::size_t index = 0; index < record.household.persons.size(); ++index) {
        PersonContact contact;
        const Json& person = (*persons)[index];
        const std::string at = "registry.persons[" + std::to_string(index) + "]";
        const std::pair<const char*, std::string*> extra_fields[] = {{"phone", &contact.phone},
                                                                     {"civil_id_serial", &contact.civil_id_serial}};
        for (const auto& [key, target] : extra_fields) {
            const auto value = person.find(key);
            if (value == person.end() || value->is_null()) continue;
            if (!value->is_string()) problems.push_back(reason("registry.invalid", {.name = at + "." + key}));
            else *target = value->get<std::string>();
            understood["persons"][index][key] = *value;
        }
        record.contacts.push_back(std::move(contact));
    }
    report_not_understood(given, understood, "registry", problems);
    if (problems.size() > found_before) return std::nullopt;  // the rest would only repeat what is missing

    for (std::size_t index = 0; index < record.household.persons.size(); ++index) {
        const Person& person = record.household.persons[index];
        check_person_record(person, today, problems);
        check_person_fields(person, record.contacts[index], "registry.persons[" + std::to_string(index) + "]", problems);
    }
    record.sponsor = check_household_shape(record.household, problems);
    for (const Parentage& parentage : record.household.parentages) {
        const Person* mother = record.household.find_person(parentage.mother_civil_id);
        const Person* child = record.household.find_person(parentage.child_civil_id);
        if (mother && child && mother->birth_date >= child->birth_date)
            problems.push_back(reason("registry.mother_younger_than_child"));
    }
    if (problems.size() > found_before) return std::nullopt;
    return record;
}

std::string household_line(const HouseholdRecord& record) {
    Json line = to_json(record.household);
    for (std::size_t index = 0; index < record.contacts.size(); ++index) {
        const PersonContact& contact = record.contacts[index];
        if (!contact.phone.empty()) line["persons"][index]["phone"] = contact.phone;
        if (!contact.civil_id_serial.empty()) line["persons"][index]["civil_id_serial"] = contact.civil_id_serial;
    }
    return dump(line);
}

}  // namespace muamala::server
