// import-registry: loads the registry file (registry_file.h) into the database, a line at a time.
//
// Streaming: one line in memory at a time (a line longer than max_registry_line_bytes is refused
// without being held), so memory stays flat however long the file. Lines are written in batches of
// a few hundred per transaction (one durable commit each, not one a line), each line inside its own
// savepoint, so a line the database refuses leaves nothing behind and its batch goes on.
// A line is checked whole before anything of it is written; a person or relation that differs
// from the database is replaced and audited, and one that does not is left alone, so importing the
// same file twice changes nothing the second time.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <tuple>

#include "common/reasons.h"
#include "common/wire_transactions.h"
#include "server/commands/commands.h"
#include "server/commands/registry_file.h"
#include "server/demo/demo_mark.h"
#include "server/ops/clock.h"
#include "server/security/audit.h"
#include "server/storage/database.h"
#include "server/storage/registry_store.h"

namespace muamala::server {
namespace {

constexpr int lines_per_batch = 500;

// [SECTION] Reading lines without holding a long one

class LineReader {
public:
    explicit LineReader(std::istream& in) : in_(in) {}

    // The next line without its end (\n or \r\n). false at the end of the file. A line longer than
    // the limit is read through and dropped: `too_long` says so, and `line` is then empty.
    bool next(std::string& line, bool& too_long) {
        line.clear();
        too_long = false;
        bool any = false;
        for (;;) {
            if (at_ == end_ && !refill()) return any;
            any = true;
            const char* start = buffer_ + at_;
            const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - at_));
            const std::size_t length = newline ? static_cast<std::size_t>(newline - start) : end_ - at_;
            if (!too_long && line.size() + length <= max_registry_line_bytes) line.append(start, length);
            else too_long = true, line.clear();
            at_ += length + (newline ? 1 : 0);
            bytes_read_ += length + (newline ? 1 : 0);
            if (newline) break;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }

    std::uintmax_t bytes_read() const { return bytes_read_; }

private:
    bool refill() {
        in_.read(buffer_, sizeof buffer_);
        at_ = 0;
        end_ = static_cast<std::size_t>(in_.gcount());
        return end_ > 0;
    }
    std::istream& in_;
    char buffer_[1 << 16];
    std::size_t at_ = 0, end_ = 0;
    std::uintmax_t bytes_read_ = 0;
};

// [SECTION] Storing one household

struct Counts {
    std::int64_t lines = 0, added = 0, updated = 0, unchanged = 0, rejected = 0;
};

enum class Change { added, updated, unchanged };

// Top-level fields of the person (the registry file's names) whose values differ.
Json changed_fields(const Person& before, const PersonContact& contact_before, const Person& after,
                    const PersonContact& contact_after) {
    const Json old_json = to_json(before), new_json = to_json(after);
    Json fields = Json::array();
    for (const auto& [key, value] : new_json.items())
        if (!old_json.contains(key) || old_json[key] != value) fields.push_back(key);
    for (const auto& [key, value] : old_json.items())
        if (!new_json.contains(key)) fields.push_back(key);
    if (contact_before.phone != contact_after.phone) fields.push_back("phone");
    if (contact_before.civil_id_serial != contact_after.civil_id_serial) fields.push_back("civil_id_serial");
    return fields;
}

template <typename Relation, typename Key>
bool same_relations(std::vector<Relation> a, std::vector<Relation> b, Key key) {
    const auto by_key = [&](const Relation& x, const Relation& y) { return key(x) < key(y); };
    std::sort(a.begin(), a.end(), by_key);
    std::sort(b.begin(), b.end(), by_key);
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [&](const Relation& x, const Relation& y) { return key(x) == key(y); });
}

Change store_household(Connection& connection, const HouseholdRecord& record, const std::string& now,
                       const Json& source) {
    bool sponsor_known = false, changed = false;
    for (std::size_t index = 0; index < record.household.persons.size(); ++index) {
        const Person& person = record.household.persons[index];
        const PersonContact& contact = record.contacts[index];
        const std::optional<Person> stored = find_person(connection, person.civil_id);
        sponsor_known |= stored && person.civil_id == record.sponsor;
        if (!stored) {
            store_person(connection, person, contact);
            changed = true;
            continue;
        }
        const Json fields = changed_fields(*stored, contact_of(connection, person.civil_id), person, contact);
        if (fields.empty()) continue;
        store_person(connection, person, contact);
        changed = true;
        // The names of the fields, not their values: the audit trail is not a second copy of the registry.
        Json details = source;
        details["fields"] = fields;
        append_audit(connection, now, "system", "registry.person_updated", person.civil_id, details);
    }
    const Registry stored = load_relations(connection, record.sponsor);
    const auto marriage_key = [](const Marriage& m) { return std::tuple(m.husband_civil_id, static_cast<int>(m.status)); };
    const auto parentage_key = [](const Parentage& p) { return std::tuple(p.child_civil_id, p.father_civil_id); };
    if (!same_relations(stored.marriages, record.household.marriages, marriage_key) ||
        !same_relations(stored.parentages, record.household.parentages, parentage_key)) {
        store_relations(connection, record.sponsor, record.household.marriages, record.household.parentages);
        changed = true;
        if (sponsor_known) {
            Json details = source;
            details["marriages"] = record.household.marriages.size();
            details["children"] = record.household.parentages.size();
            append_audit(connection, now, "system", "registry.relations_updated", record.sponsor, details);
        }
    }
    if (!sponsor_known) {
        Json details = source;
        details["persons"] = record.household.persons.size();
        append_audit(connection, now, "system", "registry.household_added", record.sponsor, details);
        return Change::added;
    }
    return changed ? Change::updated : Change::unchanged;
}

// [SECTION] Telling the operator

class Report {
public:
    Report(bool json, bool dry_run) : json_(json), dry_run_(dry_run) {}

    void rejected(std::int64_t line, const std::vector<Problem>& problems) {
        if (json_) {
            Json errors = Json::array();
            for (const Problem& problem : problems)
                errors.push_back({{"code", problem.code}, {"message", to_json(problem.message)}});
            std::cout << dump(Json{{"line", line}, {"rejected", std::move(errors)}}) << '\n';
            return;
        }
        std::cout << "line " << line << " rejected:";
        for (const Problem& problem : problems) std::cout << "\n    " << problem.message.en;
        std::cout << '\n';
    }

    void summary(const Counts& counts, double seconds) {
        if (json_) {
            std::cout << dump(Json{{"summary",
                                    {{"lines", counts.lines}, {"added", counts.added}, {"updated", counts.updated},
                                     {"unchanged", counts.unchanged}, {"rejected", counts.rejected},
                                     {"dry_run", dry_run_}, {"seconds", seconds}}}})
                      << std::endl;
            return;
        }
        std::cout << (dry_run_ ? "dry run, nothing changed: " : "") << counts.lines << " households read: "
                  << counts.added << " added, " << counts.updated << " updated, " << counts.unchanged << " unchanged, "
                  << counts.rejected << " rejected (" << seconds << " s)" << std::endl;
    }

private:
    bool json_, dry_run_;
};

// Lines, rate and time left, redrawn on one line of a terminal a few times a second.
class Progress {
public:
    explicit Progress(std::uintmax_t file_bytes) : shown_(::isatty(STDERR_FILENO) == 1), file_bytes_(file_bytes) {}

    void update(std::int64_t lines, std::uintmax_t bytes_read, bool last = false) {
        if (!shown_) return;
        const auto now = std::chrono::steady_clock::now();
        if (!last && now - drawn_ < std::chrono::milliseconds(250)) return;
        drawn_ = now;
        const double seconds = std::chrono::duration<double>(now - started_).count();
        const double rate = seconds > 0 ? lines / seconds : 0;
        const double bytes_rate = seconds > 0 ? bytes_read / seconds : 0;
        const double left = bytes_rate > 0 && file_bytes_ > bytes_read ? (file_bytes_ - bytes_read) / bytes_rate : 0;
        std::fprintf(stderr, "\r%lld lines  %.0f lines/s  %.0f s left   %s", static_cast<long long>(lines), rate, left,
                     last ? "\n" : "");
    }

private:
    bool shown_;
    std::uintmax_t file_bytes_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now(), drawn_{};
};

}  // namespace

int run_import_registry(const std::filesystem::path& database_file, const RegistryFileOptions& options) {
    std::ifstream in(options.file, std::ios::binary);
    if (!in || std::filesystem::is_directory(options.file)) {
        std::cerr << "muamala-server import-registry: cannot read " << options.file.string() << std::endl;
        return 2;
    }
    std::error_code unknown_size;
    const std::uintmax_t file_bytes = std::filesystem::file_size(options.file, unknown_size);
    Database database(database_file);
    auto connection = database.connect();
    if (is_marked_demo(*connection))
        throw std::runtime_error(database_file.string() +
                                 " was made by seed-demo: its people are made up and its sign-ins known. Import a "
                                 "real registry into a database of its own");

    const auto started = std::chrono::steady_clock::now();
    const std::string now = iso_timestamp(std::chrono::system_clock::now());
    const Date today = kuwait_today(SystemClock());
    const std::string source_name = options.file.filename().string();
    Report report(options.json, options.dry_run);
    Progress progress(unknown_size ? 0 : file_bytes);
    LineReader lines(in);
    Counts counts;
    std::int64_t line_number = 0;
    std::string line;
    bool too_long = false, more = true;
    while (more) {
        Transaction batch(*connection);
        for (int in_batch = 0; in_batch < lines_per_batch;) {
            more = lines.next(line, too_long);
            if (!more) break;
            ++line_number;
            if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM some editors add
            if (!too_long && line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are no households
            ++counts.lines;
            ++in_batch;
            std::vector<Problem> problems;
            std::optional<HouseholdRecord> record;
            if (too_long) problems.push_back(reason("registry.line_too_long", {.number = static_cast<std::int64_t>(max_registry_line_bytes)}));
            else record = read_household_line(line, today, problems);
            if (record) {
                connection->execute("SAVEPOINT line");
                try {
                    const Change change =
                        store_household(*connection, *record, now, Json{{"source", source_name}, {"line", line_number}});
                    connection->execute("RELEASE line");
                    ++(change == Change::added ? counts.added : change == Change::updated ? counts.updated : counts.unchanged);
                } catch (const DatabaseError& refusal) {
                    connection->execute("ROLLBACK TO line; RELEASE line");
                    problems.push_back(reason("registry.not_stored", {.name = refusal.what()}));
                }
            }
            if (!problems.empty()) {
                ++counts.rejected;
                report.rejected(line_number, problems);
            }
            progress.update(counts.lines, lines.bytes_read());
        }
        if (!options.dry_run) batch.commit();  // a dry run's batch rolls back as it ends
    }
    progress.update(counts.lines, lines.bytes_read(), true);
    report.summary(counts, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return counts.rejected == 0 ? 0 : 1;
}

}  // namespace muamala::server
