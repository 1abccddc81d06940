#include "server/schema.h"

#include <cassert>
#include <string>

#include "server/database.h"

namespace muamala::server {
namespace {

// Accounts, households and transactions arrive with the issues that need them, as migrations 2, 3...
constexpr Migration migrations_in_order[] = {
    {1, "migrations bookkeeping", R"sql(
        CREATE TABLE schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL  -- ISO-8601 UTC
        ) STRICT;
    )sql"},
};

}  // namespace

std::span<const Migration> schema_migrations() { return migrations_in_order; }

int schema_version(Connection& connection) {
    Statement exists = connection.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
    exists.step();
    if (exists.column_int64(0) == 0) return 0;
    Statement highest = connection.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    highest.step();
    return static_cast<int>(highest.column_int64(0));
}

int migrate(Connection& connection, std::span<const Migration> migrations) {
    const int known = static_cast<int>(migrations.size());
    for (int index = 0; index < known; ++index)
        assert(migrations[index].version == index + 1 && "migrations must be numbered 1, 2, 3... in order");

    const int found = schema_version(connection);
    if (found > known)
        throw DatabaseError("the database has schema version " + std::to_string(found) + " but this server knows only " +
                            std::to_string(known) + ": run a newer muamala-server on it");

    for (const Migration& migration : migrations.subspan(static_cast<std::size_t>(found))) {
        Transaction transaction(connection);
        // Read again under the write lock: another process may have applied it since we looked.
        if (schema_version(connection) >= migration.version) continue;
        connection.execute(migration.sql);
        connection
            .prepare("INSERT INTO schema_migrations (version, name, applied_at) "
                     "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
            .bind(1, migration.version)
            .bind(2, migration.name)
            .step();
        transaction.commit();
    }
    return schema_version(connection);
}

}  // namespace muamala::server
