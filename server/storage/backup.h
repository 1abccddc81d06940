// Backing a database up while the server writes to it, and putting a backup back.
//
// A backup is SQLite's online backup of the whole file in one read transaction: a snapshot of one
// moment, however many writes the server commits meanwhile (WAL lets it write on). The copy is a
// self-contained file (no WAL beside it), mode 0600, checked by SQLite's integrity check, and
// appears under its name only once it is whole.
//
// A restore replaces nothing until the backup has passed every check on a copy placed beside the
// database: SQLite's integrity check, a schema this server knows, and a whole audit chain. Then,
// unless forced, it takes the database's exclusive lock, which SQLite grants only when no
// connection (of any process) has the file open: the sound test of "in use", since every open
// connection to a WAL database holds a shared lock on it. Holding that lock, it keeps the old
// database under a new name and renames the checked copy over it in one step.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace muamala::server {

// A refusal that changed nothing, in words for the operator.
class BackupRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BackupSummary {
    std::uintmax_t bytes = 0;
    std::int64_t audit_entries = 0;
    bool audit_chain_whole = true;
};

// Copies `database` to `destination`, which must not exist yet (a backup never replaces another).
// Throws BackupRefused (no database, destination taken, the copy failed its integrity check) or
// DatabaseError.
BackupSummary backup_database(const std::filesystem::path& database, const std::filesystem::path& destination);

struct RestoreSummary {
    int schema_version = 0;
    std::int64_t audit_entries = 0;
    std::filesystem::path replaced_kept;  // where the database it replaced now is; empty if there was none
    bool was_in_use = false;              // only with force: the server must be restarted at once
};

// Replaces `database` with the checked contents of `backup`. Throws BackupRefused, having changed
// nothing, when the backup is missing, damaged, of an unknown schema or with a broken audit chain,
// or when the database is in use and `force` is false.
RestoreSummary restore_database(const std::filesystem::path& backup, const std::filesystem::path& database, bool force);

}  // namespace muamala::server
