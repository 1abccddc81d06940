#include "server/storage/schema.h"

#include <cassert>
#include <string>

#include "server/storage/database.h"

namespace muamala::server {
namespace {

// Each migration is applied once, in order, in its own transaction. Never edit one that has shipped:
// add the next. Dates are ISO YYYY-MM-DD text, instants ISO-8601 UTC text, money integer fils.
constexpr Migration migrations_in_order[] = {
    {1, "migrations bookkeeping", R"sql(
        CREATE TABLE schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL  -- ISO-8601 UTC
        ) STRICT;
    )sql"},

    // The registry slice Muamala decides on (common/registry.h): one current document of each
    // kind per person. A transaction that replaces a document records the old one in its receipt.
    {2, "registry", R"sql(
        CREATE TABLE persons (
            civil_id    TEXT PRIMARY KEY,
            name_en     TEXT NOT NULL,
            name_ar     TEXT NOT NULL,
            birth_date  TEXT NOT NULL,
            sex         TEXT NOT NULL CHECK (sex IN ('female', 'male')),
            nationality TEXT NOT NULL,                    -- ISO 3166-1 alpha-3
            kuwaiti_by  TEXT NOT NULL DEFAULT 'none' CHECK (kuwaiti_by IN ('none', 'birth', 'naturalisation')),
            home_area   TEXT NOT NULL DEFAULT '',         -- area id (centers data)
            phone       TEXT NOT NULL DEFAULT ''          -- E.164, for SMS
        ) STRICT;
        CREATE TABLE marriages (
            wife    TEXT NOT NULL REFERENCES persons (civil_id),
            husband TEXT NOT NULL REFERENCES persons (civil_id),
            status  TEXT NOT NULL CHECK (status IN ('married', 'divorced', 'widowed')),
            PRIMARY KEY (wife, husband)
        ) STRICT;
        CREATE INDEX marriages_by_husband ON marriages (husband);
        CREATE TABLE parentages (
            child  TEXT PRIMARY KEY REFERENCES persons (civil_id),
            mother TEXT NOT NULL REFERENCES persons (civil_id),
            father TEXT REFERENCES persons (civil_id)
        ) STRICT;
        CREATE INDEX parentages_by_mother ON parentages (mother);
        CREATE TABLE residencies (
            holder          TEXT PRIMARY KEY REFERENCES persons (civil_id),
            kind            TEXT NOT NULL,
            issued          TEXT NOT NULL,
            expires         TEXT NOT NULL,
            sponsor         TEXT NOT NULL,
            passport_number TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE licences (
            holder  TEXT PRIMARY KEY REFERENCES persons (civil_id),
            class   TEXT NOT NULL,
            expires TEXT NOT NULL
        ) STRICT;
        CREATE TABLE passports (
            holder  TEXT PRIMARY KEY REFERENCES persons (civil_id),
            number  TEXT NOT NULL,
            country TEXT NOT NULL,
            expires TEXT NOT NULL
        ) STRICT;
        CREATE TABLE health_insurance (
            holder  TEXT PRIMARY KEY REFERENCES persons (civil_id),
            expires TEXT NOT NULL
        ) STRICT;
        CREATE TABLE holds (
            holder               TEXT PRIMARY KEY REFERENCES persons (civil_id),
            traffic_fines_fils   INTEGER NOT NULL DEFAULT 0 CHECK (traffic_fines_fils >= 0),
            utility_dues_fils    INTEGER NOT NULL DEFAULT 0 CHECK (utility_dues_fils >= 0),
            security_hold        INTEGER NOT NULL DEFAULT 0 CHECK (security_hold IN (0, 1)),
            outside_kuwait_since TEXT
        ) STRICT;
    )sql"},

    // Sign-in and the audit trail. Secrets are stored only as verifiers: an Argon2id hash for the
    // password, the SHA-256 of each session token. The TOTP secret must be kept to check codes.
    {3, "accounts, sessions and audit", R"sql(
        CREATE TABLE accounts (
            id             INTEGER PRIMARY KEY,
            civil_id       TEXT NOT NULL UNIQUE,
            role           TEXT NOT NULL CHECK (role IN ('citizen', 'operator', 'supervisor', 'admin')),
            password_hash  TEXT NOT NULL,                 -- libsodium crypto_pwhash_str (Argon2id)
            totp_secret    BLOB NOT NULL,                 -- RFC 6238 shared secret, 20 bytes
            totp_last_step INTEGER NOT NULL DEFAULT 0,    -- last accepted time step: a code works once
            center_id      TEXT,                          -- operators: the center they serve at
            created_at     TEXT NOT NULL
        ) STRICT;
        CREATE TABLE sessions (
            token_hash   BLOB PRIMARY KEY,                -- SHA-256 of the cookie's token
            account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            stage        TEXT NOT NULL CHECK (stage IN ('password_ok', 'signed_in')),
            csrf_token   TEXT NOT NULL DEFAULT '',
            created_at   INTEGER NOT NULL,                -- unix seconds
            last_seen_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX sessions_by_account ON sessions (account_id);
        CREATE TABLE audit_log (
            seq       INTEGER PRIMARY KEY,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,                      -- civil ID, or "system"
            action    TEXT NOT NULL,                      -- e.g. "session.signed_in", "transaction.completed"
            object    TEXT NOT NULL,                      -- what it acted on: a civil ID, a transaction id...
            details   TEXT NOT NULL,                      -- JSON, never a secret
            prev_hash TEXT NOT NULL,                      -- hex SHA-256 of the previous entry ("" for the first)
            hash      TEXT NOT NULL                       -- hex SHA-256 over prev_hash and this entry
        ) STRICT;
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    )sql"},

    // Transactions and what they leave behind: payments, receipts, and messages to send.
    {4, "transactions, payments, receipts, outbox", R"sql(
        CREATE TABLE transactions (
            id               TEXT PRIMARY KEY,            -- random and unguessable
            sponsor          TEXT NOT NULL REFERENCES persons (civil_id),
            beneficiary      TEXT NOT NULL REFERENCES persons (civil_id),
            kind             TEXT NOT NULL,
            channel          TEXT NOT NULL CHECK (channel IN ('online', 'center')),
            center_id        TEXT,
            operator_account INTEGER REFERENCES accounts (id),
            status           TEXT NOT NULL CHECK (status IN ('awaiting_payment', 'completed', 'failed')),
            form             TEXT NOT NULL,               -- JSON, as submitted
            decision         TEXT NOT NULL,               -- JSON, as decided at submission
            fee_fils         INTEGER NOT NULL CHECK (fee_fils >= 0),
            old_expiry       TEXT,
            new_expiry       TEXT,
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL
        ) STRICT;
        CREATE INDEX transactions_by_sponsor ON transactions (sponsor, created_at);
        CREATE TABLE idempotency_keys (
            account_id   INTEGER NOT NULL REFERENCES accounts (id),
            key          TEXT NOT NULL,
            request_hash TEXT NOT NULL,                   -- hex SHA-256 of method, path and body
            status       INTEGER NOT NULL,
            response     TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            PRIMARY KEY (account_id, key)
        ) STRICT;
        CREATE TABLE payments (
            id                 TEXT PRIMARY KEY,
            transaction_id     TEXT NOT NULL REFERENCES transactions (id),
            provider           TEXT NOT NULL,             -- "test-gateway" until a real KNET provider
            amount_fils        INTEGER NOT NULL CHECK (amount_fils > 0),
            status             TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'timed_out')),
            provider_reference TEXT NOT NULL DEFAULT '',
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL
        ) STRICT;
        CREATE INDEX payments_by_transaction ON payments (transaction_id);
        CREATE TABLE receipts (
            number         TEXT PRIMARY KEY,
            transaction_id TEXT NOT NULL UNIQUE REFERENCES transactions (id),
            payload        TEXT NOT NULL,                 -- the canonical JSON that was signed
            signature      TEXT NOT NULL,                 -- Ed25519 over payload, base64
            created_at     TEXT NOT NULL
        ) STRICT;
        CREATE TABLE outbox (
            id           INTEGER PRIMARY KEY,
            channel      TEXT NOT NULL CHECK (channel IN ('sms')),
            recipient    TEXT NOT NULL,                   -- E.164 phone
            kind         TEXT NOT NULL,                   -- "document_issued", "expiry_reminder", ...
            dedupe_key   TEXT NOT NULL UNIQUE,            -- one message per event, however often it is seen
            body_en      TEXT NOT NULL,
            body_ar      TEXT NOT NULL,
            status       TEXT NOT NULL CHECK (status IN ('queued', 'delivered_simulated')),
            created_at   TEXT NOT NULL,
            delivered_at TEXT
        ) STRICT;
        CREATE TABLE signing_keys (
            name       TEXT PRIMARY KEY,                  -- "receipts"
            secret_key BLOB NOT NULL,                     -- Ed25519, libsodium layout
            public_key BLOB NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;
    )sql"},

    // Citizen service centers: the directory (centers.h). Times of day are HH:MM in Kuwait time.
    {5, "service centers", R"sql(
        CREATE TABLE centers (
            id            TEXT PRIMARY KEY,
            position      INTEGER NOT NULL UNIQUE,        -- the data file's order, which listings keep
            name_en       TEXT NOT NULL,
            name_ar       TEXT NOT NULL,
            governorate   TEXT NOT NULL,                  -- common/areas.h governorate id
            shift         TEXT NOT NULL CHECK (shift IN ('morning', 'evening')),
            weekdays      INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),  -- bit 0 Sunday ... bit 6 Saturday
            opens         TEXT NOT NULL,
            closes        TEXT NOT NULL,
            slot_minutes  INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
            slot_capacity INTEGER NOT NULL CHECK (slot_capacity BETWEEN 1 AND 100),
            model_center  INTEGER NOT NULL CHECK (model_center IN (0, 1)),
            illustrative  INTEGER NOT NULL CHECK (illustrative IN (0, 1)),  -- from the illustrative data file
            updated_at    TEXT NOT NULL
        ) STRICT;
        -- The morning center of each area: the key makes "at most one" a fact of the table; every
        -- change checks "at least one" (centers.h, check_directory). Evening centers have no rows.
        CREATE TABLE center_areas (
            area      TEXT PRIMARY KEY,                   -- common/areas.h area id
            center_id TEXT NOT NULL REFERENCES centers (id)
        ) STRICT;
        CREATE INDEX center_areas_by_center ON center_areas (center_id);
    )sql"},

    // Appointments at the centers and the queue at their doors (appointments.h, queue_tickets.h).
    {6, "appointments, queue tickets", R"sql(
        CREATE TABLE appointment_slots (
            id        INTEGER PRIMARY KEY,
            center_id TEXT NOT NULL REFERENCES centers (id),
            date      TEXT NOT NULL,
            starts    TEXT NOT NULL,
            ends      TEXT NOT NULL,
            capacity  INTEGER NOT NULL CHECK (capacity >= 1),  -- as planned when the day's slots were made
            UNIQUE (center_id, date, starts)
        ) STRICT;
        CREATE TABLE appointments (
            id            TEXT PRIMARY KEY,               -- random and unguessable
            slot_id       INTEGER NOT NULL REFERENCES appointment_slots (id),
            sponsor       TEXT NOT NULL REFERENCES persons (civil_id),
            beneficiary   TEXT NOT NULL REFERENCES persons (civil_id),
            kind          TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled')),
            booked_by     INTEGER NOT NULL REFERENCES accounts (id),
            checked_in_by INTEGER REFERENCES accounts (id),
            checked_in_at TEXT,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX appointments_by_slot ON appointments (slot_id, status);
        CREATE INDEX appointments_by_sponsor ON appointments (sponsor, created_at);
        CREATE TABLE queue_tickets (
            id             INTEGER PRIMARY KEY,
            center_id      TEXT NOT NULL REFERENCES centers (id),
            date           TEXT NOT NULL,                 -- numbers start again at 1 each day
            number         INTEGER NOT NULL CHECK (number >= 1),
            source         TEXT NOT NULL CHECK (source IN ('walk_in', 'appointment')),
            appointment_id TEXT UNIQUE REFERENCES appointments (id),
            issued_by      INTEGER NOT NULL REFERENCES accounts (id),
            issued_at      TEXT NOT NULL,
            UNIQUE (center_id, date, number)
        ) STRICT;
    )sql"},

    // seed-demo writes a made-up past of completed transactions so the supervisor's figures have a
    // history to show; `origin` keeps it apart from real ones.
    {7, "transactions: origin", R"sql(
        ALTER TABLE transactions ADD COLUMN origin TEXT NOT NULL DEFAULT 'live'
            CHECK (origin IN ('live', 'synthetic_history'));
    )sql"},

    // Who employs a husband or child: an employed one is not on a family residency (common/registry.h).
    {8, "persons: employment", R"sql(
        ALTER TABLE persons ADD COLUMN employment TEXT NOT NULL DEFAULT 'none'
            CHECK (employment IN ('none', 'government', 'private'));
    )sql"},
    // Deploying for real. The serial number printed on a person's civil ID card, which the registry
    // import brings and enrolment at home asks for. The mark seed-demo leaves: a database with it
    // has made-up people and known sign-ins, and is served only with --demo (demo_mark.h).
    {9, "civil ID card serials, the demo mark", R"sql(
        ALTER TABLE persons ADD COLUMN civil_id_serial TEXT NOT NULL DEFAULT '';
        CREATE TABLE demo_mark (
            only_row  INTEGER PRIMARY KEY CHECK (only_row = 1),
            seeded_at TEXT NOT NULL
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
