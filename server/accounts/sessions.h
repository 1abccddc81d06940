// Sessions: what a sign-in leaves in the browser, and the check every signed-in call begins with.
//
// The browser holds only a random token, in an HttpOnly cookie scripts cannot read, SameSite=Strict
// so other sites cannot make the browser send it. The database holds only the token's SHA-256: a
// copy of the table signs nobody in. A session goes through two stages: `password_ok` (the password
// was right; a TOTP code is due within password_stage_lifetime) and `signed_in`, reached with a NEW
// token so a token planted in a browser before sign-in is worth nothing after (session fixation).
// A signed-in session also has a CSRF token, sent back by the client as X-CSRF-Token on every
// state-changing call: a page on another site can make a browser send the cookie, never the header.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/roles.h"
#include "server/http/api_errors.h"
#include "server/http/api_route.h"
#include "server/security/crypto.h"
#include "server/services.h"

namespace muamala::server {

class Connection;

// With secure cookies the name carries the __Host- prefix: browsers then accept the cookie only if
// it is Secure, has Path=/ and no Domain, set over HTTPS, so neither a plain-HTTP page nor a sibling
// subdomain can plant a session cookie of its own in its place.
std::string_view session_cookie_name(bool secure);
inline constexpr std::string_view csrf_header_name = "X-CSRF-Token";
inline constexpr std::size_t session_token_bytes = 32;  // 256 bits: guessing one is out of reach
inline constexpr std::chrono::seconds password_stage_lifetime{5 * 60};      // from password to code
inline constexpr std::chrono::seconds session_idle_timeout{15 * 60};        // since the last call
inline constexpr std::chrono::seconds session_absolute_lifetime{8 * 60 * 60};  // since sign-in, however busy
// last_seen_at is rewritten at most this often, so a page polling the API does not cost a synced
// database write per call; a session may then end up to this much before its idle timeout.
inline constexpr std::chrono::seconds last_seen_resolution{60};

// [SECTION] The signed-in person, as routes see them

struct SignedIn {
    std::int64_t account_id = 0;
    std::string civil_id;
    Role role = Role::citizen;
    std::optional<std::string> center_id;  // operators: the center they serve at
};

struct Authorization {
    std::optional<SignedIn> who;         // set when the call may go ahead
    std::optional<ApiReply> refusal;     // set otherwise: send it as it is
};

// The check a signed-in route starts with. Refuses with 401 session.required (no cookie, an unknown
// token, or a session still at the password stage), 401 session.expired (idle or absolute expiry:
// the session is deleted), or, when `state_changing`, 403 session.csrf unless X-CSRF-Token equals
// the session's CSRF token. A call that goes ahead keeps the session alive (idle expiry counts from
// it). Roles are the caller's to check.
Authorization require_signed_in(Services& services, const ApiRequest& request, bool state_changing);

// [SECTION] The store (for auth_routes.cpp)

enum class SessionStage { password_ok, signed_in };

struct StoredSession {
    Sha256 token_hash{};
    SessionStage stage = SessionStage::password_ok;
    std::string csrf_token;        // empty at the password stage
    std::int64_t created_at = 0;   // unix seconds
    std::int64_t last_seen_at = 0;
    SignedIn who;
};

// The session the cookie's token names, with its account; nullopt for an unknown or malformed token.
std::optional<StoredSession> find_session(Connection& connection, std::string_view token);
bool is_expired(const StoredSession& session, std::int64_t now_unix);  // by its stage's lifetime

struct NewSession {
    std::string token;       // for the Set-Cookie header only: never stored, logged or audited
    std::string csrf_token;  // empty at the password stage
};
// Inside a Transaction. Also deletes every expired session, so abandoned ones do not pile up.
NewSession open_session(Connection& connection, std::int64_t account_id, SessionStage stage, std::int64_t now_unix);
bool close_session(Connection& connection, const Sha256& token_hash);  // inside a Transaction; false: already gone

// The full check behind require_signed_in, with the session it found (GET /session answers its
// CSRF token; DELETE /session closes it).
struct SessionCheck {
    std::optional<StoredSession> session;
    std::optional<ApiReply> refusal;
};
SessionCheck check_session(Services& services, const ApiRequest& request, bool state_changing);

// [SECTION] Cookies and refusals

// muamala_session=<token>; Path=/; HttpOnly; SameSite=Strict, or, when `secure` (the server is
// reached over TLS: the browser must then never send the cookie in clear text),
// __Host-muamala_session=<token>; ...; Secure.
std::string session_cookie(std::string_view token, bool secure);
std::string cleared_session_cookie(bool secure);  // the same cookie, empty and already expired
// `error`, with the Set-Cookie that drops a cookie that will never work again.
ApiReply refusal_clearing_cookie(const ApiError& error, bool secure_cookies);

ApiError session_required();  // 401
ApiError session_expired();   // 401
ApiError csrf_refused();      // 403

}  // namespace muamala::server
