// Backup while the server takes transactions, and restore that checks before it replaces.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>

#include "server/demo/demo_seed.h"
#include "server/security/audit.h"
#include "server/storage/backup.h"
#include "server/storage/private_files.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {
namespace {

std::set<std::string> transaction_ids(const std::filesystem::path& file) {
    Connection connection = Connection::open(file);
    std::set<std::string> ids;
    Statement rows = connection.prepare("SELECT id FROM transactions");
    while (rows.step()) ids.insert(rows.column_text(0));
    return ids;
}

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A database with a registry, an audit trail and a transaction table to compare.
std::filesystem::path seeded_database(const TempDir& dir, const char* name) {
    const std::filesystem::path file = dir.path() / name;
    Database database(file);
    seed_demo(database, {.households = 3, .accounts = 1, .today = {2026, 3, 1}});
    auto connection = database.connect();
    Transaction transaction(*connection);
    append_audit(*connection, "2026-03-01T08:00:00.000Z", "system", "test.entry", name, Json::object());
    transaction.commit();
    return file;
}

std::int64_t audit_entries(const std::filesystem::path& file) {
    Connection connection = Connection::open(file);
    return verify_audit_chain(connection).entries;
}

TEST(Backup, UnderWriteLoadEveryAcknowledgedTransactionIsInTheRestoredDatabase) {
    auto server = std::make_unique<RunningServer>();
    std::string husband, mother;
    {
        Database database(server->database_file());
        seed_demo(database, {.households = 2, .accounts = 0, .today = kuwait_today(server->clock())});
        auto connection = database.connect();
        Statement row = connection->prepare(
            "SELECT wife, husband FROM marriages m JOIN persons p ON p.civil_id = m.wife WHERE p.name_en = 'Fatima Al-Mutairi'");
        ASSERT_TRUE(row.step());
        mother = row.column_text(0);
        husband = row.column_text(1);
    }
    const SignedInSession session = sign_in(*server, create_test_account(*server, mother));

    // Writers submit renewals (each a transaction, a payment and an audit entry) until told to stop.
    std::mutex mutex;
    std::vector<std::string> acknowledged;
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int writer = 0; writer < 2; ++writer)
        writers.emplace_back([&, writer] {
            for (int n = 0; !stop; ++n) {
                const HttpReply reply = post(
                    server->port(), "/api/v1/transactions",
                    dump(Json{{"kind", "renew_husband_residency"}, {"beneficiary", husband},
                              {"form", {{"years", 1}, {"phone", "+96599000001"}}}}),
                    "application/json",
                    {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token},
                     {"Idempotency-Key", "load-" + std::to_string(writer) + "-" + std::to_string(n)}});
                if (reply.status != 201) {
                    ++failures;
                    continue;
                }
                const std::lock_guard lock(mutex);
                acknowledged.push_back(reply.json()["transaction"]["id"]);
            }
        });
    const auto acknowledged_now = [&] {
        const std::lock_guard lock(mutex);
        return acknowledged;
    };
    while (acknowledged_now().size() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(10));

    TempDir backups;
    const std::vector<std::string> before_backup = acknowledged_now();
    const BackupSummary during = backup_database(server->database_file(), backups.path() / "during.db");
    const std::vector<std::string> after_backup = acknowledged_now();
    EXPECT_GT(after_backup.size(), before_backup.size()) << "the writers went on while the backup ran";
    stop = true;
    for (std::thread& writer : writers) writer.join();
    EXPECT_EQ(failures, 0);
    const BackupSummary after_load = backup_database(server->database_file(), backups.path() / "after.db");
    EXPECT_TRUE(during.audit_chain_whole);
    EXPECT_TRUE(after_load.audit_chain_whole);
    server.reset();  // the server stops: its database may now be replaced

    // The backup taken under load holds a moment: everything acknowledged before it began, and each
    // transaction it holds whole (its audit entry with it).
    const std::set<std::string> in_snapshot = transaction_ids(backups.path() / "during.db");
    for (const std::string& id : before_backup) EXPECT_TRUE(in_snapshot.contains(id)) << id;
    {
        Connection snapshot = Connection::open(backups.path() / "during.db");
        Statement orphans = snapshot.prepare(
            "SELECT count(*) FROM transactions t WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.object = t.id "
            "AND a.action = 'transaction.submitted') OR NOT EXISTS (SELECT 1 FROM payments p WHERE p.transaction_id = t.id)");
        orphans.step();
        EXPECT_EQ(orphans.column_int64(0), 0);
    }

    // Restored, each backup gives back what it holds; the last one, every acknowledged transaction.
    TempDir restored;
    const std::filesystem::path target = restored.path() / "muamala.db";
    const RestoreSummary first = restore_database(backups.path() / "during.db", target, false);
    EXPECT_EQ(transaction_ids(target), in_snapshot);
    EXPECT_TRUE(first.replaced_kept.empty());
    const RestoreSummary second = restore_database(backups.path() / "after.db", target, false);
    const std::set<std::string> in_restored = transaction_ids(target);
    for (const std::string& id : acknowledged_now()) EXPECT_TRUE(in_restored.contains(id)) << id;
    EXPECT_EQ(transaction_ids(second.replaced_kept), in_snapshot) << "the replaced database is kept whole";
    EXPECT_EQ(second.audit_entries, after_load.audit_entries);
}

TEST(Backup, TheCopyIsPrivateSelfContainedAndNeverReplacesAnother) {
    TempDir dir;
    const std::filesystem::path source = seeded_database(dir, "source.db");
    const std::filesystem::path copy = dir.path() / "backups" / "copy.db";
    ::chmod(source.c_str(), 0644);  // a backup is private whatever its source
    const BackupSummary summary = backup_database(source, copy);
    struct stat status {};
    ASSERT_EQ(::stat(copy.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);
    EXPECT_EQ(summary.bytes, std::filesystem::file_size(copy));
    EXPECT_FALSE(std::filesystem::exists(wal_file_of(copy)));
    EXPECT_EQ(summary.audit_entries, audit_entries(source));

    const std::string first = bytes_of(copy);
    EXPECT_THROW(backup_database(source, copy), BackupRefused);
    EXPECT_TRUE(bytes_of(copy) == first) << "the first backup changed";
    EXPECT_THROW(backup_database(dir.path() / "absent.db", dir.path() / "other.db"), BackupRefused);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "other.db"));
}

class Restore : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path database = seeded_database(dir, "muamala.db");
    std::filesystem::path backup = dir.path() / "backup.db";
    std::string database_before;

    void SetUp() override {
        backup_database(seeded_database(dir, "other.db"), backup);
        database_before = bytes_of(database);
    }

    // The refusal's words, after checking that nothing of the database changed and nothing was left beside it.
    std::string refusal(const std::filesystem::path& from, bool force = false) {
        const auto files_before = std::distance(std::filesystem::directory_iterator(dir.path()), {});
        try {
            restore_database(from, database, force);
            ADD_FAILURE() << "restored from " << from;
            return "";
        } catch (const BackupRefused& refused) {
            EXPECT_TRUE(bytes_of(database) == database_before) << "the database changed";
            EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), files_before);
            return refused.what();
        }
    }
};

TEST_F(Restore, ReplacesTheDatabaseAndKeepsTheOneItReplaced) {
    const RestoreSummary summary = restore_database(backup, database, false);
    {
        Connection kept = Connection::open(summary.replaced_kept);
        Statement entry = kept.prepare("SELECT object FROM audit_log WHERE action = 'test.entry'");
        ASSERT_TRUE(entry.step());
        EXPECT_EQ(entry.column_text(0), "muamala.db") << "the replaced database is kept";
    }
    EXPECT_EQ(audit_entries(database), audit_entries(backup));
    Connection restored = Connection::open(database);
    Statement entry = restored.prepare("SELECT object FROM audit_log WHERE action = 'test.entry'");
    ASSERT_TRUE(entry.step());
    EXPECT_EQ(entry.column_text(0), "other.db");
    struct stat status {};
    ASSERT_EQ(::stat(database.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(Restore, RefusesADamagedFileAndChangesNothing) {
    std::string bytes = bytes_of(backup);
    ASSERT_GT(bytes.size(), 3 * 4096u);
    for (std::size_t at = 2 * 4096; at < 3 * 4096; ++at) bytes[at] = static_cast<char>(at * 7);  // a page of noise
    std::ofstream(dir.path() / "damaged.db", std::ios::binary) << bytes;
    EXPECT_NE(refusal(dir.path() / "damaged.db").find("damaged"), std::string::npos);

    std::ofstream(dir.path() / "cut.db", std::ios::binary) << bytes_of(backup).substr(0, 5000);
    EXPECT_NE(refusal(dir.path() / "cut.db"), "");

    std::ofstream(dir.path() / "notes.txt") << "not a database at all, but long enough to look like one's header......";
    EXPECT_NE(refusal(dir.path() / "notes.txt").find("not a database"), std::string::npos);
    EXPECT_NE(refusal(dir.path() / "absent.db").find("no backup"), std::string::npos);
}

TEST_F(Restore, RefusesABackupWhoseAuditChainIsBroken) {
    {
        Connection edited = Connection::open(backup);
        edited.execute("DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 1");
    }
    EXPECT_NE(refusal(backup).find("audit chain is broken at entry 1"), std::string::npos);
}

TEST_F(Restore, RefusesAnSqliteFileThatIsNotMuamalas) {
    {
        Connection other = Connection::open(dir.path() / "other-app.db");
        other.execute("CREATE TABLE things (x INTEGER)");
    }
    EXPECT_NE(refusal(dir.path() / "other-app.db").find("not a Muamala database"), std::string::npos);
}

TEST_F(Restore, RefusesADatabaseInUseUnlessForced) {
    auto in_use = std::make_unique<Database>(database);  // as a running server holds it
    EXPECT_NE(refusal(backup).find("in use"), std::string::npos);
    const RestoreSummary forced = restore_database(backup, database, true);
    EXPECT_TRUE(forced.was_in_use);
    in_use.reset();
    EXPECT_EQ(audit_entries(database), audit_entries(backup));
}

}  // namespace
}  // namespace muamala::server::testing
