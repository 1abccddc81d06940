#include "server/storage/backup.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <memory>
#include <system_error>
#include <thread>

#include "server/ops/clock.h"
#include "server/security/audit.h"
#include "server/storage/database.h"
#include "server/storage/private_files.h"
#include "server/storage/schema.h"

namespace muamala::server {
namespace {

// Raw handles: the backup API and the locking pragmas need sqlite3* itself, which Connection keeps
// to itself on purpose.
struct CloseHandle {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, CloseHandle>;

Handle open_existing(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    const int code = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, nullptr);
    Handle handle(raw);
    if (code != SQLITE_OK)
        throw DatabaseError("sqlite: open " + file.string() + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(code)));
    sqlite3_busy_timeout(raw, 5000);
    return handle;
}

// The first column of the first row of a pragma, or the error SQLite gave.
std::string pragma_answer(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return std::string("error: ") + sqlite3_errmsg(db);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    const int code = sqlite3_step(raw);
    if (code == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
        return text ? text : "";
    }
    return code == SQLITE_DONE ? "" : std::string("error: ") + sqlite3_errmsg(db);
}

// SQLite's own check of every page, index and constraint: "ok", or the first thing found wrong.
std::string integrity_problem(sqlite3* db) {
    const std::string answer = pragma_answer(db, "PRAGMA integrity_check(1)");
    return answer == "ok" ? "" : answer;
}

std::string utc_stamp() {
    std::string stamp = iso_timestamp(std::chrono::system_clock::now());  // 2026-12-01T05:10:00.123Z
    std::erase(stamp, ':');
    std::erase(stamp, '-');
    return stamp.substr(0, stamp.find('.')) + "Z";
}

void copy_bytes(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::ifstream in(from, std::ios::binary);
    if (!in) throw BackupRefused("cannot read " + from.string());
    std::ofstream out(to, std::ios::binary | std::ios::trunc);  // the file beside exists: keep its 0600
    out << in.rdbuf();
    out.close();
    if (!out || in.bad()) throw std::runtime_error("cannot copy " + from.string() + " to " + to.string());
}

}  // namespace

BackupSummary backup_database(const std::filesystem::path& database, const std::filesystem::path& destination) {
    if (!std::filesystem::is_regular_file(database)) throw BackupRefused("no database at " + database.string());
    if (std::filesystem::exists(destination))
        throw BackupRefused(destination.string() + " already exists: a backup never replaces another; name a new file");
    if (destination.has_parent_path()) std::filesystem::create_directories(destination.parent_path());
    FileBeside copy(destination);
    BackupSummary summary;
    {
        const Handle source = open_existing(database);
        const Handle target = open_existing(copy.path());
        // -1: every page in one step, so in one read transaction of the source: one moment's snapshot.
        // The server's writers go on meanwhile (WAL); only a checkpoint waits for the copy to end.
        sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
        if (!backup) throw DatabaseError(std::string("sqlite: backup: ") + sqlite3_errmsg(target.get()));
        int code = SQLITE_OK;
        for (int attempt = 0; attempt < 100; ++attempt) {
            code = sqlite3_backup_step(backup, -1);
            if (code != SQLITE_BUSY && code != SQLITE_LOCKED) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        sqlite3_backup_finish(backup);
        if (code != SQLITE_DONE)
            throw DatabaseError(std::string("sqlite: backup of ") + database.string() + ": " + sqlite3_errstr(code));
        // The copy carries the source's WAL mode in its header; a backup is one file that any
        // sqlite3 can open read-only, so it goes back to a rollback journal. A restore sets WAL again.
        if (pragma_answer(target.get(), "PRAGMA journal_mode = DELETE") != "delete")
            throw DatabaseError("sqlite: backup: cannot leave WAL mode in the copy");
        if (const std::string problem = integrity_problem(target.get()); !problem.empty())
            throw BackupRefused("the copy of " + database.string() + " fails SQLite's integrity check (" + problem +
                                "): the database itself may be damaged; nothing was written");
    }
    {
        Connection check = Connection::open(copy.path());
        const AuditCheck audit = verify_audit_chain(check);
        summary.audit_entries = audit.entries;
        summary.audit_chain_whole = audit.whole;
        check.execute("PRAGMA journal_mode = DELETE");  // Connection::open set WAL again
    }
    copy.commit();
    summary.bytes = std::filesystem::file_size(destination);
    return summary;
}

RestoreSummary restore_database(const std::filesystem::path& backup, const std::filesystem::path& database, bool force) {
    if (!std::filesystem::is_regular_file(backup)) throw BackupRefused("no backup at " + backup.string());
    std::error_code no_wal;
    if (std::filesystem::file_size(wal_file_of(backup), no_wal) > 0 && !no_wal)
        throw BackupRefused(wal_file_of(backup).string() +
                            " exists beside it, with transactions the file alone lacks: it is a live database, "
                            "not a backup. Make a backup of it with: muamala-server backup --db " + backup.string() +
                            " --to NEW-FILE");
    if (database.has_parent_path()) std::filesystem::create_directories(database.parent_path());
    FileBeside staged(database);
    copy_bytes(backup, staged.path());

    // [1] Every check, on the copy beside the database: nothing of the database is touched yet.
    RestoreSummary summary;
    try {
        {
            const Handle copy = open_existing(staged.path());
            if (const std::string problem = integrity_problem(copy.get()); !problem.empty())
                throw BackupRefused(backup.string() + " is damaged: SQLite's integrity check says: " + problem);
        }
        Connection copy = Connection::open(staged.path());
        summary.schema_version = schema_version(copy);
        const int known = static_cast<int>(schema_migrations().size());
        if (summary.schema_version == 0)
            throw BackupRefused(backup.string() + " is an SQLite file but not a Muamala database (no schema_migrations)");
        if (summary.schema_version > known)
            throw BackupRefused(backup.string() + " has schema version " + std::to_string(summary.schema_version) +
                                ", newer than this server's " + std::to_string(known) + ": restore it with a newer muamala-server");
        const AuditCheck audit = verify_audit_chain(copy);
        if (!audit.whole)
            throw BackupRefused(backup.string() + ": its audit chain is broken at entry " +
                                std::to_string(audit.first_broken_seq) + " (" + audit.problem +
                                "), so its contents cannot be trusted");
        summary.audit_entries = audit.entries;
    } catch (const DatabaseError& failure) {
        throw BackupRefused(backup.string() + " is damaged or not a database: " + failure.what());
    }

    // [2] The database: unused (its exclusive lock held until the end), or forced.
    Handle lock;
    if (std::filesystem::exists(database)) {
        lock = open_existing(database);
        sqlite3_busy_timeout(lock.get(), 0);  // in use means in use now: no waiting for it to end
        // Leaving WAL mode needs every other connection gone, and folds the WAL into the file, so
        // the file kept below is whole by itself. EXCLUSIVE locking keeps the lock afterwards.
        pragma_answer(lock.get(), "PRAGMA locking_mode = EXCLUSIVE");
        const bool unused = pragma_answer(lock.get(), "PRAGMA journal_mode = DELETE") == "delete" &&
                            pragma_answer(lock.get(), "BEGIN EXCLUSIVE").empty() &&
                            pragma_answer(lock.get(), "COMMIT").empty();
        if (!unused && !force)
            throw BackupRefused(database.string() +
                                " is in use (a server or another command has it open): stop it first, or pass --force "
                                "to replace it anyway. Nothing was changed");
        summary.was_in_use = !unused;
        summary.replaced_kept = database.string() + ".replaced-" + utc_stamp();
        if (::link(database.c_str(), summary.replaced_kept.c_str()) != 0)
            throw std::system_error(errno, std::generic_category(),
                                    "cannot keep the current database as " + summary.replaced_kept.string());
    }
    staged.commit();
    // The old database's WAL and shared memory must not meet the new file: SQLite would replay the
    // old WAL's pages onto it. Unused, they are already gone; forced, they belong to the old file.
    for (const std::filesystem::path& stale : {wal_file_of(database), shm_file_of(database)}) {
        std::error_code ignored;
        std::filesystem::remove(stale, ignored);
    }
    return summary;
}

}  // namespace muamala::server
