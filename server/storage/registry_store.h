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

}  // namespace muamala::server
