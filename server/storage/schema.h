// The database schema, as numbered migrations applied in order. A database file records which ones
// it has in schema_migrations; opening it applies the rest, so upgrading the server binary upgrades
// the file. A migration is never edited once released: a change is a new migration.
#pragma once
#include <span>
#include <string_view>

namespace muamala::server {

class Connection;

struct Migration {
    int version;            // 1, 2, 3, ...: its position in the list
    std::string_view name;  // what it does, for people reading schema_migrations
    std::string_view sql;   // a parameterless script
};

// This server's migrations, version 1 first.
std::span<const Migration> schema_migrations();

// Applies every migration the database does not have yet, each in its own transaction that also
// records it, and returns the resulting version. Safe against another process migrating the same
// file at the same time. Throws DatabaseError, including when the file is newer than `migrations`
// (written by a newer server): running an old binary on it could corrupt data it does not know.
int migrate(Connection& connection, std::span<const Migration> migrations = schema_migrations());

// The highest migration applied; 0 for a file that has none.
int schema_version(Connection& connection);

}  // namespace muamala::server
