// The registry file of import-registry and export-registry: JSON Lines, one household a line, each
// line the registry object the core reads (common/wire_transactions.h: persons, marriages,
// parents), where a person may also carry "phone" (E.164) and "civil_id_serial" (the serial number
// on the civil ID card). A household is one sponsor, a Kuwaiti woman, with her husbands and her
// children; the README shows a line.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/registry.h"
#include "server/storage/registry_store.h"

namespace muamala::server {

inline constexpr std::size_t max_registry_line_bytes = 1 << 20;  // a household is a few KB; more is not a household

struct HouseholdRecord {
    std::string sponsor;                  // her civil ID
    Registry household;                   // persons as the line gives them, and their relations
    std::vector<PersonContact> contacts;  // one for each of household.persons, in the same order
};

// Reads one line and checks it whole, with the core's validators (civil IDs and their check
// digits, birth dates against them, phones, card serials) and for consistency: known countries and
// areas, relations that name persons of the line, no person twice, one sponsor whom every
// relation and residency names, and nobody who is neither her husband nor her child. Every field
// must be one the format has. Returns nullopt, with every problem found (each naming its path in
// the line), when the line cannot be imported. `today` is the import's day (no one born after it).
std::optional<HouseholdRecord> read_household_line(std::string_view line, const Date& today, std::vector<Problem>& problems);

// The line for a household, without its newline: what read_household_line reads back.
std::string household_line(const HouseholdRecord& record);

}  // namespace muamala::server
