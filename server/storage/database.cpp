#include "server/storage/database.h"

#include <sqlite3.h>

#include <cassert>
#include <climits>
#include <unordered_map>

#include "server/storage/private_files.h"
#include "server/storage/schema.h"

namespace muamala::server {
namespace {

// How long a connection waits for another one's write lock before SQLITE_BUSY. Writes are short
// (one request's worth), so waiting is almost always better than failing the request.
constexpr int busy_timeout_ms = 5000;

[[noreturn]] void fail(sqlite3* db, const std::string& doing, int code) {
    throw DatabaseError("sqlite: " + doing + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

void check(sqlite3* db, int code, const std::string& doing) {
    if (code != SQLITE_OK) fail(db, doing, code);
}

}  // namespace

// [SECTION] Statement

// Bounded, though the program's SQL is a fixed set of literals: a statement built from something
// unforeseen must not make the cache grow without end.
class StatementCache {
public:
    static constexpr std::size_t most = 256;
    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache() {
        for (const auto& [sql, statement] : idle_) sqlite3_finalize(statement);
    }
    sqlite3_stmt* take(const std::string& sql) {
        const auto found = idle_.find(sql);
        if (found == idle_.end()) return nullptr;
        sqlite3_stmt* statement = found->second;
        idle_.erase(found);
        return statement;
    }
    void give_back(const std::string& sql, sqlite3_stmt* statement) {
        if (idle_.size() >= most) sqlite3_finalize(statement);
        else idle_.emplace(sql, statement);
    }

private:
    std::unordered_multimap<std::string, sqlite3_stmt*> idle_;
};

void Statement::Release::operator()(sqlite3_stmt* statement) const {
    if (!cache) {
        sqlite3_finalize(statement);
        return;
    }
    sqlite3_reset(statement);  // its error, if any, was reported by step()
    sqlite3_clear_bindings(statement);
    cache->give_back(sql, statement);
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(db_, sqlite3_bind_int64(statement_.get(), index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    assert(text.size() <= INT_MAX && "SQLite takes text lengths as int");
    check(db_, sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const unsigned char> bytes) {
    assert(bytes.size() <= INT_MAX && "SQLite takes blob lengths as int");
    check(db_, sqlite3_bind_blob(statement_.get(), index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    check(db_, sqlite3_bind_null(statement_.get(), index), "bind");
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(statement_.get());
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    fail(db_, std::string("step: ") + sqlite3_sql(statement_.get()), code);
}

std::int64_t Statement::column_int64(int index) const { return sqlite3_column_int64(statement_.get(), index); }

std::string Statement::column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_.get(), index));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), index)))
                : std::string();
}

std::vector<unsigned char> Statement::column_blob(int index) const {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement_.get(), index));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), index));
    return bytes ? std::vector<unsigned char>(bytes, bytes + size) : std::vector<unsigned char>();
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(statement_.get(), index) == SQLITE_NULL; }

// [SECTION] Connection

std::int64_t Connection::changes() const { return sqlite3_changes64(db_.get()); }

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }

void Connection::Close::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Connection::Connection(sqlite3* db) : db_(db), cache_(std::make_shared<StatementCache>()) {}

Connection Connection::open(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    // NOMUTEX: SQLite need not lock for us, because a connection is only ever used by one thread at
    // a time. EXRESCODE: errors carry extended codes (SQLITE_IOERR_FSYNC rather than SQLITE_IOERR).
    const int code = sqlite3_open_v2(file.c_str(), &raw,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                                         SQLITE_OPEN_EXRESCODE,
                                     nullptr);
    Connection connection(raw);  // owns the handle even when opening failed
    check(raw, code, "open " + file.string());
    check(raw, sqlite3_busy_timeout(raw, busy_timeout_ms), "busy_timeout");

    // WAL lets readers go on while one writer writes. The pragma answers with the mode actually in
    // effect, which is not WAL on a file system that cannot share memory between processes: refuse
    // to run in a mode whose durability and concurrency nobody tested.
    Statement journal = connection.prepare("PRAGMA journal_mode = WAL");
    if (!journal.step() || journal.column_text(0) != "wal")
        throw DatabaseError("sqlite: " + file.string() + " cannot use WAL journal mode");
    // FULL: a transaction reported committed survives a power cut, not just a crash of the process.
    connection.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    return connection;
}

Statement Connection::prepare(std::string_view sql) {
    assert(sql.size() <= INT_MAX && "SQLite takes SQL lengths as int");
    std::string key(sql);
    if (sqlite3_stmt* cached = cache_->take(key)) return Statement(db_.get(), cached, {cache_, std::move(key)});
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    Statement statement(db_.get(), raw, {cache_, std::move(key)});
    check(db_.get(), code, "prepare: " + std::string(sql));
    assert(raw != nullptr && "prepare() was given no statement (empty SQL or only a comment)");
    assert(std::string_view(tail).find_first_not_of(" \t\r\n;") == std::string_view::npos &&
           "prepare() takes one statement: use execute() for a script");
    return statement;
}

void Connection::execute(std::string_view script) {
    const char* rest = script.data();
    const char* const end = script.data() + script.size();
    while (rest < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int code = sqlite3_prepare_v2(db_.get(), rest, static_cast<int>(end - rest), &raw, &tail);
        Statement statement(db_.get(), raw, {});  // a script's statements run once
        check(db_.get(), code, "prepare: " + std::string(rest, end));
        if (raw == nullptr) break;  // only whitespace or comments were left
        while (statement.step()) {
        }
        rest = tail;
    }
}

// [SECTION] Transaction

Transaction::Transaction(Connection& connection) : connection_(connection) {
    connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (committed_) return;
    try {
        connection_.execute("ROLLBACK");
    } catch (const DatabaseError&) {
        // SQLite has already rolled back by itself after some errors (SQLITE_FULL, SQLITE_IOERR):
        // then there is no transaction left to end, and nothing else to do.
    }
}

void Transaction::commit() {
    assert(!committed_ && "Transaction::commit() called twice");
    connection_.execute("COMMIT");
    committed_ = true;
}

// [SECTION] Database

Database::Database(std::filesystem::path file) : file_(std::move(file)) {
    if (file_.has_parent_path()) std::filesystem::create_directories(file_.parent_path());
    // SQLite would create the file with the umask's leave (often 0644); its WAL and shared-memory
    // files take the database file's mode, so making this one private makes all three private.
    create_private_file_if_missing(file_);
    auto first = std::make_unique<Connection>(Connection::open(file_));
    migrate(*first);
    idle_.push_back(std::move(first));
}

Database::Lease Database::connect() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            std::unique_ptr<Connection> connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
    }
    // Opening happens outside the lock: it touches the disk, and other threads may return
    // connections meanwhile. The pool grows to the number of threads that use it at once.
    return Lease(*this, std::make_unique<Connection>(Connection::open(file_)));
}

Database::Lease::~Lease() {
    if (!connection_) return;  // moved from
    std::lock_guard lock(owner_->mutex_);
    owner_->idle_.push_back(std::move(connection_));
}

}  // namespace muamala::server
