#include "server/accounts/accounts.h"

#include <stdexcept>
#include <string>

#include "common/civil_id.h"
#include "server/security/passwords.h"
#include "server/security/totp.h"
#include "server/storage/database.h"

namespace muamala::server {
namespace {

constexpr std::string_view account_columns =
    "SELECT id, civil_id, role, password_hash, totp_secret, totp_last_step, center_id FROM accounts ";

Account read_account(const Statement& row) {
    return {row.column_int64(0),
            row.column_text(1),
            stored(parse_role, row.column_text(2), "accounts.role"),
            row.column_text(3),
            row.column_blob(4),
            row.column_int64(5),
            row.column_is_null(6) ? std::nullopt : std::optional(row.column_text(6))};
}

}  // namespace

std::int64_t create_account(Connection& connection, std::string_view civil_id, Role role,
                            std::string_view password, std::span<const unsigned char> totp_secret,
                            std::optional<std::string> center_id, std::string_view created_at_iso) {
    const Validation valid_civil_id = validate_civil_id(civil_id);
    if (!valid_civil_id.ok)
        throw std::invalid_argument("cannot create an account for civil ID " + std::string(civil_id) + ": " +
                                    valid_civil_id.errors.front().message.en);
    if (password.empty()) throw std::invalid_argument("an account needs a password");
    if (totp_secret.size() != totp_secret_bytes)
        throw std::invalid_argument("a TOTP secret has " + std::to_string(totp_secret_bytes) + " bytes, not " +
                                    std::to_string(totp_secret.size()));

    Statement insert = connection.prepare(
        "INSERT INTO accounts (civil_id, role, password_hash, totp_secret, center_id, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, valid_civil_id.normalized).bind(2, name_of(role)).bind(3, hash_password(password)).bind_blob(4, totp_secret);
    if (center_id) insert.bind(5, *center_id);
    else insert.bind_null(5);
    insert.bind(6, created_at_iso).step();
    return connection.last_insert_rowid();
}

std::optional<Account> find_account_by_civil_id(Connection& connection, std::string_view normalized_civil_id) {
    Statement query = connection.prepare(std::string(account_columns) + "WHERE civil_id = ?1");
    query.bind(1, normalized_civil_id);
    if (!query.step()) return std::nullopt;
    return read_account(query);
}

std::optional<Account> find_account_by_id(Connection& connection, std::int64_t id) {
    Statement query = connection.prepare(std::string(account_columns) + "WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_account(query);
}

bool record_totp_step(Connection& connection, std::int64_t account_id, long long step) {
    connection.prepare("UPDATE accounts SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2")
        .bind(1, account_id)
        .bind(2, static_cast<std::int64_t>(step))
        .step();
    return connection.changes() == 1;
}

}  // namespace muamala::server
