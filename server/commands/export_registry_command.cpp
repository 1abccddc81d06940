// export-registry: the registry in the database as the registry file (registry_file.h), one
// household a line, read in one snapshot and written a household at a time.
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "server/commands/commands.h"
#include "server/commands/registry_file.h"
#include "server/storage/database.h"
#include "server/storage/private_files.h"
#include "server/storage/registry_store.h"

namespace muamala::server {
namespace {

// Each household once, by its sponsor: every wife and mother, and a Kuwaiti woman who is in no
// household at all (a sponsor with no family recorded yet). A woman who is her mother's child
// and has no husband or child of her own is written in her mother's household only.
constexpr const char* kSponsors =
    "SELECT civil_id FROM persons WHERE civil_id IN (SELECT wife FROM marriages UNION SELECT mother FROM parentages) "
    "OR (nationality = 'KWT' AND sex = 'female' AND civil_id NOT IN (SELECT husband FROM marriages UNION SELECT child "
    "FROM parentages)) ORDER BY civil_id";

// Persons no household line holds (a husband whose marriage was removed, say): they cannot be
// written as a household of their own, so the operator is told how many there are.
constexpr const char* kInNoHousehold =
    "SELECT count(*) FROM persons WHERE civil_id NOT IN (SELECT wife FROM marriages UNION SELECT husband FROM marriages "
    "UNION SELECT mother FROM parentages UNION SELECT child FROM parentages) AND NOT (nationality = 'KWT' AND sex = 'female')";

std::int64_t write_households(Connection& connection, std::ostream& out) {
    std::int64_t households = 0;
    Statement sponsors = connection.prepare(kSponsors);
    while (sponsors.step()) {
        HouseholdRecord record;
        record.sponsor = sponsors.column_text(0);
        record.household = load_household(connection, record.sponsor);
        for (const Person& person : record.household.persons) record.contacts.push_back(contact_of(connection, person.civil_id));
        out << household_line(record) << '\n';
        ++households;
    }
    return households;
}

}  // namespace

int run_export_registry(const std::filesystem::path& database_file, const RegistryFileOptions& options) {
    if (!std::filesystem::exists(database_file)) throw std::runtime_error("no database at " + database_file.string());
    Database database(database_file);
    auto connection = database.connect();
    connection->execute("BEGIN");  // one snapshot: a server writing meanwhile never splits a household
    std::int64_t households = 0;
    if (options.file == "-") {
        households = write_households(*connection, std::cout);
        std::cout.flush();
        if (!std::cout) throw std::runtime_error("cannot write to standard output");
    } else {
        if (options.file.has_parent_path()) std::filesystem::create_directories(options.file.parent_path());
        FileBeside written(options.file);  // 0600: it is the registry, every person's data
        std::ofstream out(written.path(), std::ios::binary);
        households = write_households(*connection, out);
        out.close();
        if (!out) throw std::runtime_error("cannot write " + options.file.string());
        written.commit();
    }
    std::int64_t left_out = 0;
    {
        Statement count = connection->prepare(kInNoHousehold);
        count.step();
        left_out = count.column_int64(0);
    }
    connection->execute("COMMIT");
    std::cerr << "exported " << households << " households";
    if (options.file != "-") std::cerr << " to " << options.file.string() << " (mode 0600)";
    if (left_out > 0) std::cerr << "; " << left_out << " persons belong to no household and are not in the file";
    std::cerr << std::endl;
    return 0;
}

}  // namespace muamala::server
