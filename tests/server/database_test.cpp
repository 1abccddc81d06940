// SQLite as the server holds it: settings on every connection, migrations, transactions, the pool.
// Each test works on a fresh database file in a temp folder of its own.
#include <gtest/gtest.h>

#include "server/storage/database.h"
#include "server/storage/schema.h"
#include "test_support.h"

namespace muamala::server::testing {
namespace {

std::int64_t count_rows(Connection& connection, std::string_view table) {
    // Table names cannot be bound; every caller here passes a literal.
    Statement count = connection.prepare("SELECT count(*) FROM " + std::string(table));
    count.step();
    return count.column_int64(0);
}

bool table_exists(Connection& connection, std::string_view table) {
    Statement exists = connection.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    exists.bind(1, table).step();
    return exists.column_int64(0) == 1;
}

std::string pragma(Connection& connection, std::string_view name) {
    Statement statement = connection.prepare("PRAGMA " + std::string(name));
    EXPECT_TRUE(statement.step());
    return statement.column_text(0);
}

const Migration three_steps[] = {
    schema_migrations()[0],
    {2, "people", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;"},
    {3, "documents", R"sql(
        CREATE TABLE documents (id INTEGER PRIMARY KEY, person INTEGER NOT NULL REFERENCES people (id)) STRICT;
        CREATE INDEX documents_by_person ON documents (person);
    )sql"},
};

// [SECTION] Opening

TEST(Database, CreatesTheFileAndItsFolderWithTheCurrentSchema) {
    TempDir dir;
    const auto file = dir.path() / "deep" / "folder" / "muamala.db";
    Database database(file);
    EXPECT_TRUE(std::filesystem::exists(file));

    auto connection = database.connect();
    EXPECT_EQ(schema_version(*connection), static_cast<int>(schema_migrations().size()));
    Statement first = connection->prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    ASSERT_TRUE(first.step());
    EXPECT_EQ(first.column_int64(0), 1);
    EXPECT_EQ(first.column_text(1), "migrations bookkeeping");
    EXPECT_EQ(first.column_text(2).size(), std::string_view("2025-12-23T08:30:00.125Z").size());
    EXPECT_TRUE(first.column_text(2).ends_with("Z"));
}

TEST(Database, ReopeningAppliesNoMigrationTwice) {
    TempDir dir;
    const auto file = dir.path() / "muamala.db";
    std::string first_applied_at;
    {
        Database database(file);
        Statement applied = database.connect()->prepare("SELECT applied_at FROM schema_migrations WHERE version = 1");
        ASSERT_TRUE(applied.step());
        first_applied_at = applied.column_text(0);
    }
    Database reopened(file);
    auto connection = reopened.connect();
    EXPECT_EQ(count_rows(*connection, "schema_migrations"), static_cast<std::int64_t>(schema_migrations().size()));
    Statement applied = connection->prepare("SELECT applied_at FROM schema_migrations WHERE version = 1");
    ASSERT_TRUE(applied.step());
    EXPECT_EQ(applied.column_text(0), first_applied_at);
}

TEST(Database, GivesEveryConnectionOfThePoolTheRequiredSettings) {
    TempDir dir;
    Database database(dir.path() / "muamala.db");
    auto first = database.connect();
    auto second = database.connect();  // the first is lent out: the pool opens another
    EXPECT_NE(&*first, &*second);
    for (Connection* connection : {&*first, &*second}) {
        EXPECT_EQ(pragma(*connection, "journal_mode"), "wal");
        EXPECT_EQ(pragma(*connection, "foreign_keys"), "1");
        EXPECT_EQ(pragma(*connection, "synchronous"), "2") << "2 is FULL";
        EXPECT_EQ(pragma(*connection, "busy_timeout"), "5000");
    }
}

TEST(Database, LendsAReturnedConnectionAgain) {
    TempDir dir;
    Database database(dir.path() / "muamala.db");
    const Connection* lent = &*database.connect();
    EXPECT_EQ(&*database.connect(), lent);
}

TEST(Database, EnforcesForeignKeys) {
    TempDir dir;
    Connection connection = Connection::open(dir.path() / "muamala.db");
    migrate(connection, three_steps);
    Statement orphan = connection.prepare("INSERT INTO documents (person) VALUES (?1)");
    orphan.bind(1, std::int64_t{42});
    EXPECT_THROW(orphan.step(), DatabaseError);
}

TEST(Database, StoresBoundTextVerbatim) {
    TempDir dir;
    Connection connection = Connection::open(dir.path() / "muamala.db");
    migrate(connection, three_steps);
    const std::string name = "O'Hara\"; DROP TABLE people; -- نورة";
    connection.prepare("INSERT INTO people (name) VALUES (?1)").bind(1, name).step();
    Statement stored = connection.prepare("SELECT name FROM people");
    ASSERT_TRUE(stored.step());
    EXPECT_EQ(stored.column_text(0), name);
}

// [SECTION] Migrations

TEST(Migrations, ApplyInOrderAndRecordEachOne) {
    TempDir dir;
    Connection connection = Connection::open(dir.path() / "muamala.db");
    EXPECT_EQ(schema_version(connection), 0);
    EXPECT_EQ(migrate(connection, std::span(three_steps).first(2)), 2);
    EXPECT_TRUE(table_exists(connection, "people"));
    EXPECT_FALSE(table_exists(connection, "documents"));
    EXPECT_EQ(migrate(connection, three_steps), 3);
    EXPECT_TRUE(table_exists(connection, "documents"));
    EXPECT_EQ(count_rows(connection, "schema_migrations"), 3);
    EXPECT_EQ(migrate(connection, three_steps), 3);
    EXPECT_EQ(count_rows(connection, "schema_migrations"), 3);
}

TEST(Migrations, LeaveNoTraceOfAStepThatFails) {
    TempDir dir;
    Connection connection = Connection::open(dir.path() / "muamala.db");
    const Migration failing[] = {
        three_steps[0],
        {2, "half done", "CREATE TABLE half (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);"},
    };
    EXPECT_THROW(migrate(connection, failing), DatabaseError);
    EXPECT_EQ(schema_version(connection), 1) << "migration 1 committed on its own";
    EXPECT_FALSE(table_exists(connection, "half")) << "migration 2 rolled back as a whole";
}

TEST(Migrations, RefuseADatabaseWrittenByANewerServer) {
    TempDir dir;
    Connection connection = Connection::open(dir.path() / "muamala.db");
    migrate(connection, three_steps);
    EXPECT_THROW(migrate(connection, std::span(three_steps).first(1)), DatabaseError);
}

// [SECTION] Transactions

TEST(Transaction, RollsBackUnlessCommitted) {
    TempDir dir;
    Connection connection = Connection::open(dir.path() / "muamala.db");
    migrate(connection, three_steps);
    {
        Transaction abandoned(connection);
        connection.prepare("INSERT INTO people (name) VALUES ('left behind')").step();
    }
    EXPECT_EQ(count_rows(connection, "people"), 0);
    {
        Transaction kept(connection);
        connection.prepare("INSERT INTO people (name) VALUES ('kept')").step();
        kept.commit();
    }
    EXPECT_EQ(count_rows(connection, "people"), 1);
}

}  // namespace
}  // namespace muamala::server::testing
