// The registry in SQLite (schema migration 2) as the core's Registry: a sponsor's household is read
// in one go for each decision, and a completed transaction writes its new document back.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/decision.h"
#include "common/registry.h"
#include "server/storage/database.h"

namespace muamala::server {

// The sponsor, every husband recorded with her, and every child she is recorded as the mother of,
// with their documents, holds and the relations between them. Empty persons if she is unknown.
Registry load_household(Connection& connection, std::string_view sponsor_civil_id);
// Only her marriages and her children's parentages, without reading anyone's record.
Registry load_relations(Connection& connection, std::string_view sponsor_civil_id);

// Everyone the registry has as this sponsor's husband or child (the people she may act for).
bool is_household_member(const Registry& household, std::string_view sponsor, std::string_view civil_id);

std::string phone_of(Connection& connection, std::string_view civil_id);  // "" when none is recorded

// Writes the document a transaction issues: replaces the holder's residency (kind, dates, sponsor,
// passport number) or driving licence. Runs inside the caller's transaction.
void store_new_record(Connection& connection, const NewRecord& record);
void store_passport(Connection& connection, std::string_view holder, const Passport& passport);

// [SECTION] Writing registry rows (seeding and tests)
void insert_person(Connection& connection, const Person& person, std::string_view phone);
void insert_marriage(Connection& connection, const Marriage& marriage);
void insert_parentage(Connection& connection, const Parentage& parentage);

// [SECTION] The registry file (import-registry and export-registry)
// What the registry file carries for a person beside the core's Person.
struct PersonContact {
    std::string phone;            // E.164, for SMS; "" when none
    std::string civil_id_serial;  // the serial number on the civil ID card; "" when not known
    bool operator==(const PersonContact&) const = default;
};
std::optional<Person> find_person(Connection& connection, std::string_view civil_id);  // nullopt if unknown
PersonContact contact_of(Connection& connection, std::string_view civil_id);
// Inserts the person, or replaces the stored row with this one: every document and hold not in
// `person` is removed. Runs inside the caller's transaction.
void store_person(Connection& connection, const Person& person, const PersonContact& contact);
// The sponsor's marriages and children become exactly these (all with her as wife and mother).
// Persons are never removed: transactions and other households may name them.
void store_relations(Connection& connection, std::string_view sponsor, const std::vector<Marriage>& marriages,
                     const std::vector<Parentage>& parentages);

}  // namespace muamala::server
