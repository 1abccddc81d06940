// The center directory in SQLite (migration 5): loaded from the embedded data file into a database
// that has none, read whole where it is needed (52 rows and their areas), and saved back one
// center at a time after an admin's edit.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "server/centers/centers.h"
#include "server/storage/database.h"

namespace muamala::server {

// Loads embedded_center_directory_json() when the centers table is empty, in one transaction, and
// returns how many centers it loaded (0: the database already has its directory, which is kept as
// an admin left it). Called at start by the server and by seed-demo. Not audited: it is the
// binary's own data arriving with the schema, not anyone's act. Throws when the data is broken.
int load_center_directory_if_empty(Database& database, std::string_view now_iso);

std::vector<Center> read_centers(Connection& connection);  // in the directory's order

// The home area the registry records for a person: "" when none is recorded or the person is unknown.
std::string home_area_of(Connection& connection, std::string_view civil_id);

// Writes `center`'s fields and its areas, taking each area from whichever center had it. Inside
// the caller's Transaction, after check_directory() approved the directory it leaves.
void save_center(Connection& connection, const Center& center, std::string_view now_iso);

}  // namespace muamala::server
