// SQLite, held the way the server needs it: RAII owners for the connection and its statements, a
// transaction that rolls back unless committed, and a pool that gives each thread a connection of
// its own. Every value reaches SQL through a bound parameter, never through string building.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace muamala::server {

// Any failure reported by SQLite. what() carries SQLite's own words for the server log; it is never
// shown to a client.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An enum stored by its wire name (common/roles.h, common/statuses.h), read back. A name no value
// has means the file was changed behind the server's back: DatabaseError, naming the column.
template <typename Enum>
Enum stored(std::optional<Enum> (*parse)(std::string_view), const std::string& name, const char* column) {
    if (const std::optional<Enum> value = parse(name)) return *value;
    throw DatabaseError(std::string(column) + ": no value is called " + name);
}

class StatementCache;  // a connection's prepared statements not in use, by their SQL (database.cpp)

// One prepared statement. Parameters are numbered from 1 (?1, ?2, ...), columns from 0. When it
// ends it goes back to its connection, reset and unbound, for the next prepare() of the same SQL.
class Statement {
public:
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);  // copied by SQLite: the view may die after
    Statement& bind_blob(int index, std::span<const unsigned char> bytes);  // copied, like text
    Statement& bind_null(int index);
    bool step();                                       // true: a row is ready to read; false: done
    std::int64_t column_int64(int index) const;        // valid after step() returned true
    std::string column_text(int index) const;          // valid after step() returned true
    std::vector<unsigned char> column_blob(int index) const;
    bool column_is_null(int index) const;

private:
    friend class Connection;
    struct Release {
        std::shared_ptr<StatementCache> cache;  // null: finalize instead
        std::string sql;
        void operator()(sqlite3_stmt* statement) const;
    };
    Statement(sqlite3* db, sqlite3_stmt* statement, Release release)
        : db_(db), statement_(statement, std::move(release)) {}
    sqlite3* db_;
    std::unique_ptr<sqlite3_stmt, Release> statement_;
};

// One open database connection. Not thread-safe: one thread uses it at a time (Database::connect
// hands it out exclusively).
class Connection {
public:
    // Opens the file (creating it if missing) with the settings every connection must have:
    // WAL journal, synchronous=FULL, foreign keys enforced, a busy timeout. Throws DatabaseError.
    static Connection open(const std::filesystem::path& file);

    // One statement; throws DatabaseError. The same SQL prepared again reuses the statement (SQLite's
    // compiling costs more than running most of ours), so SQL is always a literal with parameters.
    Statement prepare(std::string_view sql);
    void execute(std::string_view script);    // runs each statement of a parameterless script in turn
    std::int64_t changes() const;             // rows the last INSERT, UPDATE or DELETE touched
    std::int64_t last_insert_rowid() const;

private:
    struct Close { void operator()(sqlite3* db) const; };
    explicit Connection(sqlite3* db);
    std::unique_ptr<sqlite3, Close> db_;
    std::shared_ptr<StatementCache> cache_;  // after db_: its statements end before the connection closes
};

// BEGIN IMMEDIATE ... COMMIT. Writers take the write lock up front, so two writers never deadlock
// trying to upgrade a read lock. The destructor rolls back unless commit() ran, so an exception
// between the two leaves the database as it was.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();  // at most once

private:
    Connection& connection_;
    bool committed_ = false;
};

// The database file and a pool of connections to it, one per thread that is using one. Opening a
// Database creates the file (and its folder) if needed and brings the schema up to date
// (schema.h), so a fresh deployment starts from nothing but the binary. A new file is made 0600.
class Database {
public:
    // A connection lent to one caller until the lease ends.
    class Lease {
    public:
        Lease(Lease&&) = default;
        ~Lease();
        Connection& operator*() const { return *connection_; }
        Connection* operator->() const { return connection_.get(); }

    private:
        friend class Database;
        Lease(Database& owner, std::unique_ptr<Connection> connection)
            : owner_(&owner), connection_(std::move(connection)) {}
        Database* owner_;
        std::unique_ptr<Connection> connection_;
    };

    explicit Database(std::filesystem::path file);  // throws DatabaseError or filesystem_error
    Lease connect();                                // an idle connection, or a new one

private:
    std::filesystem::path file_;
    std::mutex mutex_;  // guards idle_
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace muamala::server
