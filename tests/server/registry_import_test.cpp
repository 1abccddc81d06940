// The registry file (registry_file.h) and the commands that read and write it: each check of a
// line, then import-registry and export-registry as an operator runs them.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "common/civil_id.h"
#include "server/commands/registry_file.h"
#include "server/storage/database.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {
namespace {

constexpr Date kToday{2026, 3, 1};

// A valid civil ID for someone born on `birth`, the n-th such.
std::string civil_id_born(const Date& birth, int n = 1) {
    for (int serial = n;; ++serial) {
        char base[48];
        std::snprintf(base, sizeof base, "%d%02d%02d%02d%04d", birth.year / 100 - 17, birth.year % 100, birth.month,
                      birth.day, serial);
        const int check = civil_id_check_digit(base);
        if (check >= 0) return std::string(base) + static_cast<char>('0' + check);
    }
}

// One household as the README shows it: a mother, her husband and a son, with documents. Each
// `number` gives other people born on the same days.
struct Household {
    explicit Household(int number = 1)
        : mother(civil_id_born({1985, 4, 12}, 10 * number)), husband(civil_id_born({1980, 1, 5}, 10 * number)),
          son(civil_id_born({2010, 6, 30}, 10 * number)) {}
    std::string mother, husband, son;
    Json line() const {
        return {{"persons",
                 {{{"civil_id", mother}, {"name", {{"en", "Noura Al-Ajmi"}, {"ar", "نورة العجمي"}}},
                   {"birth_date", "1985-04-12"}, {"sex", "female"}, {"nationality", "KWT"}, {"kuwaiti_by", "birth"},
                   {"home_area", "al_salam"}, {"phone", "+96599123456"}, {"civil_id_serial", "AB1234567"}},
                  {{"civil_id", husband}, {"name", {{"en", "Karim Haddad"}, {"ar", "كريم حداد"}}},
                   {"birth_date", "1980-01-05"}, {"sex", "male"}, {"nationality", "JOR"},
                   {"residency", {{"kind", "spouse_of_kuwaiti"}, {"issued", "2025-05-01"}, {"expires", "2026-05-01"}, {"sponsor", mother}}},
                   {"passport", {{"number", "K1234567"}, {"country", "JOR"}, {"expires", "2030-01-01"}}},
                   {"health_insurance_expires", "2027-01-01"}},
                  {{"civil_id", son}, {"name", {{"en", "Omar Karim"}, {"ar", "عمر كريم"}}}, {"birth_date", "2010-06-30"},
                   {"sex", "male"}, {"nationality", "JOR"},
                   {"residency", {{"kind", "child_of_kuwaiti"}, {"issued", "2021-01-01"}, {"expires", "2031-01-01"}, {"sponsor", mother}}},
                   {"holds", {{"traffic_fines_fils", 15000}}}}}},
                {"marriages", {{{"wife", mother}, {"husband", husband}, {"status", "married"}}}},
                {"parents", {{{"child", son}, {"mother", mother}, {"father", husband}}}}};
    }
};

std::vector<std::string> codes_of(const Json& line) {
    std::vector<Problem> problems;
    EXPECT_FALSE(read_household_line(dump(line), kToday, problems).has_value()) << dump(line);
    std::vector<std::string> codes;
    for (const Problem& problem : problems) codes.push_back(problem.code);
    return codes;
}

bool has(const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(RegistryFile, AGoodLineIsReadWholeAndWrittenBackTheSame) {
    const Household household;
    std::vector<Problem> problems;
    const std::optional<HouseholdRecord> record = read_household_line(dump(household.line()), kToday, problems);
    ASSERT_TRUE(record.has_value()) << (problems.empty() ? "" : problems.front().message.en);
    EXPECT_EQ(record->sponsor, household.mother);
    ASSERT_EQ(record->household.persons.size(), 3u);
    EXPECT_EQ(record->contacts[0].phone, "+96599123456");
    EXPECT_EQ(record->contacts[0].civil_id_serial, "AB1234567");
    EXPECT_EQ(record->household.persons[2].holds.unpaid_traffic_fines_fils, 15000);
    EXPECT_EQ(Json::parse(household_line(*record)), household.line());
}

TEST(RegistryFile, EachContradictionIsNamed) {
    const Household h;
    const auto with = [&](auto change) {
        Json line = h.line();
        change(line);
        return codes_of(line);
    };
    EXPECT_TRUE(has(codes_of(Json::parse("[1, 2]")), "registry.line_not_json"));
    std::vector<Problem> problems;
    EXPECT_FALSE(read_household_line("{\"persons\": [", kToday, problems));
    EXPECT_EQ(problems.at(0).code, "registry.line_not_json");

    EXPECT_TRUE(has(with([&](Json& l) { l["persons"][1]["civil_id"] = h.husband.substr(0, 11) + "0"; }), "registry.invalid"))
        << "a wrong check digit";
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["birth_date"] = "1980-01-06"; }), "registry.birth_date_mismatch"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["nationality"] = "XYZ"; }), "registry.unknown_country"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["passport"]["country"] = "JO"; }), "registry.unknown_country"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][0]["home_area"] = "atlantis"; }), "registry.unknown_area"));
    const std::vector<std::string> short_phone = with([](Json& l) { l["persons"][0]["phone"] = "+96512"; });
    ASSERT_FALSE(short_phone.empty());
    EXPECT_TRUE(short_phone.front().starts_with("phone.")) << short_phone.front();
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][0]["phone"] = "9912 3456"; }), "registry.invalid")) << "not as stored";
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][0]["civil_id_serial"] = "AB-?"; }), "civil_id_serial.format"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["birthdate"] = "1980-01-05"; }), "registry.unknown_field"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["residency"]["expiry"] = "2027-01-01"; }), "registry.unknown_field"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["kuwaiti_by"] = "birth"; }), "registry.unknown_field"))
        << "kuwaiti_by on a non-Kuwaiti contradicts the nationality";
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][1]["residency"]["expires"] = "2024-01-01"; }), "registry.document_dates"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][2]["birth_date"] = "2030-06-30"; }), "registry.birth_date_mismatch"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"].erase(2); }), "registry.unknown_person"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"].push_back(l["persons"][2]); }), "registry.duplicate_person"));
    EXPECT_TRUE(has(with([&](Json& l) { l["parents"][0]["mother"] = h.husband; }), "registry.several_sponsors"));
    EXPECT_TRUE(has(with([](Json& l) { l["persons"][0]["nationality"] = "EGY"; l["persons"][0].erase("kuwaiti_by"); }),
                    "registry.sponsor_not_kuwaiti_woman"));
    EXPECT_TRUE(has(with([](Json& l) { l["parents"] = Json::array(); }), "registry.not_related"));
    EXPECT_TRUE(has(with([&](Json& l) { l["persons"][2]["residency"]["sponsor"] = h.husband; }), "registry.residency_sponsor"));
    EXPECT_TRUE(has(with([](Json& l) { l["marriages"] = Json::array(); l["parents"] = Json::array(); }), "registry.no_sponsor"));
}

// [SECTION] The commands, as an operator runs them

std::string text_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::int64_t count(const std::filesystem::path& database, const std::string& sql) {
    Connection connection = Connection::open(database);
    Statement row = connection.prepare(sql);
    row.step();
    return row.column_int64(0);
}

class RegistryCommands : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path database = dir.path() / "muamala.db";
    std::filesystem::path file = dir.path() / "registry.jsonl";

    // Two households and a bad line between them.
    void write_file(const std::string& phone = "+96599123456") {
        Household first;
        Json changed = first.line();
        changed["persons"][0]["phone"] = phone;
        const Household second(2);
        Json bad = second.line();
        bad["persons"][1]["nationality"] = "XYZ";
        std::ofstream(file) << dump(changed) << "\n\n" << dump(bad) << "\r\n" << dump(Household(3).line()) << "\n";
    }
    ProcessResult import(std::vector<std::string> extra = {}) {
        std::vector<std::string> arguments{"import-registry", "--db", database.string(), "--from", file.string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return run_server_binary(arguments);
    }
};

TEST_F(RegistryCommands, ImportsTheGoodLinesNamesTheBadOneAndExits1) {
    write_file();
    const ProcessResult result = import();
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.out.find("line 3 rejected:\n    registry.persons[1].nationality is not a country code"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("3 households read: 2 added, 0 updated, 0 unchanged, 1 rejected"), std::string::npos) << result.out;
    EXPECT_EQ(count(database, "SELECT count(*) FROM persons"), 6);
    EXPECT_EQ(count(database, "SELECT count(*) FROM marriages"), 2);
    EXPECT_EQ(count(database, "SELECT count(*) FROM audit_log WHERE action = 'registry.household_added'"), 2);
    EXPECT_EQ(count(database, "SELECT count(*) FROM persons WHERE civil_id_serial = 'AB1234567'"), 2);
}

TEST_F(RegistryCommands, ImportingTheSameFileAgainChangesNothingAndAChangedRecordIsUpdatedAndAudited) {
    write_file();
    import();
    const std::int64_t audit_before = count(database, "SELECT count(*) FROM audit_log");
    const ProcessResult again = import();
    EXPECT_NE(again.out.find("0 added, 0 updated, 2 unchanged, 1 rejected"), std::string::npos) << again.out;
    EXPECT_EQ(count(database, "SELECT count(*) FROM audit_log"), audit_before);

    write_file("+96566554433");
    const ProcessResult changed = import();
    EXPECT_NE(changed.out.find("0 added, 1 updated, 1 unchanged, 1 rejected"), std::string::npos) << changed.out;
    EXPECT_EQ(count(database, "SELECT count(*) FROM persons WHERE phone = '+96566554433'"), 1);
    EXPECT_EQ(count(database, "SELECT count(*) FROM audit_log WHERE action = 'registry.person_updated' AND details LIKE "
                              "'%\"fields\":[\"phone\"]%'"),
              1);
    EXPECT_EQ(run_server_binary({"verify-audit", "--db", database.string()}).exit_status, 0);
}

TEST_F(RegistryCommands, ADryRunCountsAndChangesNothing) {
    write_file();
    const ProcessResult result = import({"--dry-run", "--json"});
    EXPECT_EQ(result.exit_status, 1);
    std::vector<Json> lines;
    for (std::size_t start = 0, end; (end = result.out.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(Json::parse(result.out.substr(start, end - start)));
    ASSERT_EQ(lines.size(), 2u) << result.out;
    EXPECT_EQ(lines[0]["line"], 3);
    EXPECT_EQ(lines[0]["rejected"][0]["code"], "registry.unknown_country");
    EXPECT_FALSE(lines[0]["rejected"][0]["message"]["ar"].get<std::string>().empty());
    EXPECT_EQ(lines[1]["summary"]["added"], 2);
    EXPECT_EQ(lines[1]["summary"]["dry_run"], true);
    EXPECT_EQ(count(database, "SELECT count(*) FROM persons"), 0);
}

TEST_F(RegistryCommands, UsageErrorsExit2) {
    EXPECT_EQ(run_server_binary({"import-registry", "--db", database.string()}).exit_status, 2);
    EXPECT_EQ(run_server_binary({"import-registry", "--from", file.string()}).exit_status, 2);
    const ProcessResult missing = import();
    EXPECT_EQ(missing.exit_status, 2);
    EXPECT_NE(missing.err.find("cannot read " + file.string()), std::string::npos) << missing.err;
}

TEST_F(RegistryCommands, RefusesToImportIntoADemoDatabase) {
    write_file();
    ASSERT_EQ(run_server_binary({"seed-demo", "--db", database.string(), "--households", "2", "--accounts", "0",
                                 "--history-months", "0"})
                  .exit_status,
              0);
    const ProcessResult result = import();
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("seed-demo"), std::string::npos) << result.err;
}

TEST_F(RegistryCommands, AnExportImportsIntoTheSameRegistry) {
    ASSERT_EQ(run_server_binary({"seed-demo", "--db", database.string(), "--households", "40", "--accounts", "0",
                                 "--history-months", "0", "--seed", "5"})
                  .exit_status,
              0);
    const std::filesystem::path exported = dir.path() / "out" / "registry.jsonl";
    const ProcessResult exporting = run_server_binary({"export-registry", "--db", database.string(), "--to", exported.string()});
    ASSERT_EQ(exporting.exit_status, 0) << exporting.err;
    EXPECT_NE(exporting.err.find("exported 40 households"), std::string::npos) << exporting.err;
    struct stat status {};
    ASSERT_EQ(::stat(exported.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);

    const std::filesystem::path copy = dir.path() / "copy.db";
    const ProcessResult imported = run_server_binary({"import-registry", "--db", copy.string(), "--from", exported.string()});
    EXPECT_EQ(imported.exit_status, 0) << imported.out;
    EXPECT_NE(imported.out.find("40 households read: 40 added"), std::string::npos) << imported.out;
    EXPECT_EQ(count(copy, "SELECT count(*) FROM persons"), count(database, "SELECT count(*) FROM persons"));

    const ProcessResult again = run_server_binary({"export-registry", "--db", copy.string(), "--to", "-"});
    EXPECT_TRUE(again.out == text_of(exported)) << "the second export differs from the first";
}

}  // namespace
}  // namespace muamala::server::testing
