// Sign-in accounts: who may sign in, as what, and the verifiers their sign-in is checked against
// (migration 3, table `accounts`). Writes run inside the caller's Transaction, so an account is
// created together with whatever else the caller records (an audit entry, a seeded household).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/roles.h"

namespace muamala::server {

class Connection;

struct Account {
    std::int64_t id = 0;
    std::string civil_id;  // 12 ASCII digits
    Role role = Role::citizen;
    std::string password_hash;
    std::vector<unsigned char> totp_secret;
    long long totp_last_step = 0;    // the last TOTP time step accepted; codes of this step or older are refused
    std::optional<std::string> center_id;  // operators: the center they serve at
};

// Creates an account and returns its id. `civil_id` may be typed input (Arabic digits, spaces): it
// is stored in its normalised form. Hashes `password` with Argon2id (slow on purpose: see
// passwords.h). Throws std::invalid_argument for a civil ID common/civil_id.h rejects, an empty password or a TOTP secret that is not totp_secret_bytes long; DatabaseError when
// the civil ID already has an account. Call inside a Transaction.
std::int64_t create_account(Connection& connection, std::string_view civil_id, Role role,
                            std::string_view password, std::span<const unsigned char> totp_secret,
                            std::optional<std::string> center_id, std::string_view created_at_iso);

std::optional<Account> find_account_by_civil_id(Connection& connection, std::string_view normalized_civil_id);
std::optional<Account> find_account_by_id(Connection& connection, std::int64_t id);

// Records `step` as the account's last accepted TOTP step, unless a step as late or later is already
// recorded. False then: another request used this code (or a later one) first, and this one must
// be refused. Call inside a Transaction.
bool record_totp_step(Connection& connection, std::int64_t account_id, long long step);

}  // namespace muamala::server
