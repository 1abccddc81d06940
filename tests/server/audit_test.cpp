// The audit trail (server/security/audit.h): appended inside the caller's transaction, hash-chained, and a
// check that names the first broken link however the table was tampered with. Tampering needs the
// append-only triggers gone: the tests that forge it drop them, on purpose, in their own database.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "server/options.h"
#include "server/security/audit.h"
#include "server/security/crypto.h"
#include "server/storage/database.h"
#include "test_support.h"

namespace muamala::server::testing {
namespace {

class AuditChain : public ::testing::Test {
protected:
    // Entries 1 to 5, each committed on its own like a request's.
    void SetUp() override {
        for (int n = 1; n <= 5; ++n) {
            Transaction transaction(*connection);
            append_audit(*connection, "2026-01-10T08:00:0" + std::to_string(n) + ".000Z", "280010101234",
                         "test.step", "object-" + std::to_string(n), {{"n", n}});
            transaction.commit();
        }
    }

    // What an attacker with write access to the file would do first. Only ever in a test's own database.
    void drop_append_only_triggers() {
        connection->execute("DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;");
    }

    std::string column_of(std::int64_t seq, const std::string& column) {
        Statement query = connection->prepare("SELECT " + column + " FROM audit_log WHERE seq = ?1");
        query.bind(1, seq);
        EXPECT_TRUE(query.step()) << "no entry " << seq;
        return query.column_text(0);
    }

    void expect_broken_at(std::int64_t seq, const std::string& problem_part) {
        const AuditCheck check = verify_audit_chain(*connection);
        EXPECT_FALSE(check.whole);
        EXPECT_EQ(check.first_broken_seq, seq);
        EXPECT_NE(check.problem.find(problem_part), std::string::npos) << check.problem;
    }

    TempDir dir;
    Database database{dir.path() / "audit.db"};
    Database::Lease connection = database.connect();
};

// [SECTION] A chain as written

TEST_F(AuditChain, IsWholeAsWritten) {
    const AuditCheck check = verify_audit_chain(*connection);
    EXPECT_TRUE(check.whole) << check.problem;
    EXPECT_EQ(check.entries, 5);
    EXPECT_EQ(check.first_broken_seq, 0);
    EXPECT_EQ(check.problem, "");
}

TEST(AuditChainEmpty, IsWholeWithNoEntries) {
    TempDir dir;
    Database database(dir.path() / "audit.db");
    const AuditCheck check = verify_audit_chain(*database.connect());
    EXPECT_TRUE(check.whole);
    EXPECT_EQ(check.entries, 0);
}

// The layout audit.h documents, computed here from its description: entries written today must
// still check under a later server.
TEST_F(AuditChain, HashesTheDocumentedLayoutOverDetailsStoredWithSortedKeys) {
    {
        Transaction transaction(*connection);
        append_audit(*connection, "2026-01-10T09:00:00.000Z", "10.0.0.7", "test.layout", "280010101234",
                     {{"zeta", "ز"}, {"alpha", Json{{"y", 2}, {"x", 1}}}});
        transaction.commit();
    }
    const std::string details = column_of(6, "details");
    EXPECT_EQ(details, R"({"alpha":{"x":1,"y":2},"zeta":"ز"})");
    const std::string prev_hash = column_of(5, "hash");
    EXPECT_EQ(column_of(6, "prev_hash"), prev_hash);
    const std::string layout = "16:muamala-audit-v1,64:" + prev_hash + ",1:6,24:2026-01-10T09:00:00.000Z,8:10.0.0.7," +
                               "11:test.layout,12:280010101234," + std::to_string(details.size()) + ":" + details + ",";
    EXPECT_EQ(column_of(6, "hash"), to_hex(sha256(layout)));
    EXPECT_EQ(column_of(1, "prev_hash"), "") << "the first entry follows nothing";
}

TEST_F(AuditChain, RefusesUpdateAndDeleteWhileItsTriggersStand) {
    EXPECT_THROW(connection->execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2"), DatabaseError);
    EXPECT_THROW(connection->execute("DELETE FROM audit_log WHERE seq = 5"), DatabaseError);
    EXPECT_TRUE(verify_audit_chain(*connection).whole);
}

TEST_F(AuditChain, AnEntryRollsBackWithTheTransactionThatWroteIt) {
    {
        Transaction transaction(*connection);
        append_audit(*connection, "2026-01-10T09:00:00.000Z", "system", "test.abandoned", "-", Json::object());
    }  // no commit: the state change failed, so nothing of it, its audit entry included, remains
    EXPECT_EQ(verify_audit_chain(*connection).entries, 5);
}

// [SECTION] Tampering, each kind caught at the first entry it breaks

TEST_F(AuditChain, CatchesAnEditInAnyField) {
    drop_append_only_triggers();
    for (const char* column : {"at", "actor", "action", "object", "details"}) {
        SCOPED_TRACE(column);
        const std::string original = column_of(3, column);
        connection->prepare("UPDATE audit_log SET " + std::string(column) + " = ?1 WHERE seq = 3")
            .bind(1, original + " ")
            .step();
        expect_broken_at(3, "hash does not match its contents");
        connection->prepare("UPDATE audit_log SET " + std::string(column) + " = ?1 WHERE seq = 3").bind(1, original).step();
        EXPECT_TRUE(verify_audit_chain(*connection).whole) << "restored";
    }
}

TEST_F(AuditChain, CatchesAnEditedHash) {
    drop_append_only_triggers();
    connection->execute("UPDATE audit_log SET hash = lower(hex(randomblob(32))) WHERE seq = 3");
    expect_broken_at(3, "hash does not match");
}

TEST_F(AuditChain, CatchesADeletedEntry) {
    drop_append_only_triggers();
    connection->execute("DELETE FROM audit_log WHERE seq = 3");
    expect_broken_at(4, "entry 3 is missing");
    EXPECT_EQ(verify_audit_chain(*connection).entries, 4);
}

TEST_F(AuditChain, CatchesADeletedFirstEntry) {
    drop_append_only_triggers();
    connection->execute("DELETE FROM audit_log WHERE seq = 1");
    expect_broken_at(2, "entry 1 is missing");
}

// The forger knows the layout and gives the inserted entry a right hash and prev_hash, renumbering
// the entries after it to make room: the first renumbered entry gives it away.
TEST_F(AuditChain, CatchesAnInsertedEntryEvenWithAWellFormedHash) {
    drop_append_only_triggers();
    connection->execute("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3; "
                        "UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103;");
    const std::string prev_hash = column_of(2, "hash");
    const std::string details = R"({"n":99})";
    connection
        ->prepare("INSERT INTO audit_log (seq, at, actor, action, object, details, prev_hash, hash) "
                  "VALUES (3, ?1, 'system', 'test.forged', 'object-x', ?2, ?3, ?4)")
        .bind(1, "2026-01-10T08:00:02.500Z")
        .bind(2, details)
        .bind(3, prev_hash)
        .bind(4, audit_entry_hash(prev_hash, 3, "2026-01-10T08:00:02.500Z", "system", "test.forged", "object-x", details))
        .step();
    expect_broken_at(4, "prev_hash is not the hash of entry 3");
}

TEST_F(AuditChain, CatchesReorderedEntries) {
    drop_append_only_triggers();
    connection->execute("UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
                        "UPDATE audit_log SET seq = 3 WHERE seq = -2;");
    expect_broken_at(2, "prev_hash is not the hash of entry 1");
}

// [SECTION] muamala-server verify-audit

TEST_F(AuditChain, TheBinarySaysTheChainIsWholeAndExitsZero) {
    const ProcessResult result = run_server_binary({"verify-audit", "--db", (dir.path() / "audit.db").string()});
    EXPECT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(result.out, "audit chain whole: 5 entries\n");
    EXPECT_EQ(result.err, "");
}

TEST_F(AuditChain, TheBinaryNamesTheFirstBrokenLinkAndExitsOne) {
    drop_append_only_triggers();
    connection->execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2");
    const ProcessResult result = run_server_binary({"verify-audit", "--db=" + (dir.path() / "audit.db").string()});
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_EQ(result.out,
              "audit chain broken at entry 2: its hash does not match its contents (the entry was edited) "
              "(5 entries read)\n");
}

TEST(AuditBinary, RefusesAMissingDatabaseWithoutCreatingIt) {
    TempDir dir;
    const std::filesystem::path missing = dir.path() / "nothing-here.db";
    const ProcessResult result = run_server_binary({"verify-audit", "--db", missing.string()});
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_EQ(result.err, "muamala-server: no database at " + missing.string() + "\n");
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(AuditCommandLine, VerifyAuditTakesOnlyTheDatabase) {
    const std::vector<std::string_view> verify{"verify-audit", "--db", "x.db"};
    const CommandLine command_line = parse_command_line(verify);
    ASSERT_EQ(command_line.action, CommandLine::Action::verify_audit) << command_line.error;
    EXPECT_EQ(command_line.options.database, "x.db");
    const std::vector<std::string_view> with_port{"verify-audit", "--port", "80"};
    EXPECT_EQ(parse_command_line(with_port).error, "verify-audit takes only --db, not --port");
    const std::vector<std::string_view> not_first{"--db", "x.db", "verify-audit"};
    EXPECT_EQ(parse_command_line(not_first).action, CommandLine::Action::usage_error);
    EXPECT_NE(usage_text().find("verify-audit"), std::string::npos);
}

}  // namespace
}  // namespace muamala::server::testing
