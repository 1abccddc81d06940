#include "server/accounts/sessions.h"

#include "server/ops/clock.h"
#include "server/security/audit.h"
#include "server/storage/database.h"

namespace muamala::server {
namespace {

constexpr std::size_t csrf_token_bytes = 32;

std::string_view stage_name(SessionStage stage) { return stage == SessionStage::signed_in ? "signed_in" : "password_ok"; }

std::string new_token(std::size_t bytes) { return base64url_encode(random_bytes(bytes)); }

std::string cookie_attributes(bool secure) {
    return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure ? "; Secure" : "");
}

}  // namespace

// [SECTION] The store

std::optional<StoredSession> find_session(Connection& connection, std::string_view token) {
    const std::optional<std::vector<unsigned char>> raw = base64url_decode(token);
    if (!raw || raw->size() != session_token_bytes) return std::nullopt;
    const Sha256 token_hash = sha256(*raw);
    Statement query = connection.prepare(
        "SELECT s.stage, s.csrf_token, s.created_at, s.last_seen_at, a.id, a.civil_id, a.role, a.center_id "
        "FROM sessions AS s JOIN accounts AS a ON a.id = s.account_id WHERE s.token_hash = ?1");
    query.bind_blob(1, token_hash);
    if (!query.step()) return std::nullopt;
    return StoredSession{token_hash,
                         query.column_text(0) == "signed_in" ? SessionStage::signed_in : SessionStage::password_ok,
                         query.column_text(1),
                         query.column_int64(2),
                         query.column_int64(3),
                         {query.column_int64(4), query.column_text(5), stored(parse_role, query.column_text(6), "accounts.role"),
                          query.column_is_null(7) ? std::nullopt : std::optional(query.column_text(7))}};
}

bool is_expired(const StoredSession& session, std::int64_t now_unix) {
    if (session.stage == SessionStage::password_ok) return now_unix - session.created_at >= password_stage_lifetime.count();
    return now_unix - session.last_seen_at >= session_idle_timeout.count() ||
           now_unix - session.created_at >= session_absolute_lifetime.count();
}

NewSession open_session(Connection& connection, std::int64_t account_id, SessionStage stage, std::int64_t now_unix) {
    connection
        .prepare("DELETE FROM sessions WHERE created_at <= ?1 OR last_seen_at <= ?2 "
                 "OR (stage = 'password_ok' AND created_at <= ?3)")
        .bind(1, now_unix - session_absolute_lifetime.count())
        .bind(2, now_unix - session_idle_timeout.count())
        .bind(3, now_unix - password_stage_lifetime.count())
        .step();

    const std::vector<unsigned char> raw = random_bytes(session_token_bytes);
    NewSession session{base64url_encode(raw), stage == SessionStage::signed_in ? new_token(csrf_token_bytes) : ""};
    connection
        .prepare("INSERT INTO sessions (token_hash, account_id, stage, csrf_token, created_at, last_seen_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
        .bind_blob(1, sha256(raw))
        .bind(2, account_id)
        .bind(3, stage_name(stage))
        .bind(4, session.csrf_token)
        .bind(5, now_unix)
        .step();
    return session;
}

bool close_session(Connection& connection, const Sha256& token_hash) {
    connection.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind_blob(1, token_hash).step();
    return connection.changes() == 1;
}

// [SECTION] Checking requests

SessionCheck check_session(Services& services, const ApiRequest& request, bool state_changing) {
    const std::string token = request.cookie(session_cookie_name(services.secure_cookies));
    if (token.empty()) return {std::nullopt, refusal(session_required())};

    const auto now = services.clock.now();
    const std::int64_t now_unix = unix_seconds(now);
    Database::Lease connection = services.database.connect();
    std::optional<StoredSession> session = find_session(*connection, token);
    if (!session) return {std::nullopt, refusal_clearing_cookie(session_required(), services.secure_cookies)};
    // A password-stage token is not a sign-in: it proves a password, not the person's phone. The
    // cookie stays, though: the person may be about to type the code.
    if (session->stage != SessionStage::signed_in) return {std::nullopt, refusal(session_required())};

    const std::string& civil_id = session->who.civil_id;
    if (is_expired(*session, now_unix)) {
        Transaction transaction(*connection);
        if (close_session(*connection, session->token_hash))
            append_audit(*connection, iso_timestamp(now), civil_id, "session.expired", civil_id,
                         {{"remote_address", request.remote_address}});
        transaction.commit();
        return {std::nullopt, refusal_clearing_cookie(session_expired(), services.secure_cookies)};
    }

    if (state_changing && !constant_time_equal(request.header(csrf_header_name), session->csrf_token)) {
        Transaction transaction(*connection);
        append_audit(*connection, iso_timestamp(now), civil_id, "session.csrf_refused", civil_id,
                     {{"remote_address", request.remote_address}, {"method", request.method}, {"path", request.path}});
        transaction.commit();
        return {std::nullopt, refusal(csrf_refused())};
    }

    if (now_unix - session->last_seen_at >= last_seen_resolution.count()) {
        Transaction transaction(*connection);
        connection->prepare("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1")
            .bind_blob(1, session->token_hash)
            .bind(2, now_unix)
            .step();
        const bool still_there = connection->changes() == 1;  // a logout may have won the race
        transaction.commit();
        if (!still_there) return {std::nullopt, refusal_clearing_cookie(session_required(), services.secure_cookies)};
        session->last_seen_at = now_unix;
    }
    return {std::move(session), std::nullopt};
}

Authorization require_signed_in(Services& services, const ApiRequest& request, bool state_changing) {
    SessionCheck check = check_session(services, request, state_changing);
    if (check.refusal) return {std::nullopt, std::move(check.refusal)};
    return {std::move(check.session->who), std::nullopt};
}

// [SECTION] Cookies and refusals

std::string_view session_cookie_name(bool secure) { return secure ? "__Host-muamala_session" : "muamala_session"; }

std::string session_cookie(std::string_view token, bool secure) {
    return std::string(session_cookie_name(secure)) + "=" + std::string(token) + cookie_attributes(secure);
}

std::string cleared_session_cookie(bool secure) {
    return std::string(session_cookie_name(secure)) + "=; Max-Age=0" + cookie_attributes(secure);
}

ApiReply refusal_clearing_cookie(const ApiError& error, bool secure_cookies) {
    ApiReply reply = refusal(error);
    reply.headers.emplace_back("Set-Cookie", cleared_session_cookie(secure_cookies));
    return reply;
}

ApiError session_required() {
    return {401, "session.required",
            {"Sign in to continue", "سجّل الدخول للمتابعة"}, {}};
}

ApiError session_expired() {
    return {401, "session.expired",
            {"You were signed out because the session ended. Sign in again to continue",
             "تم تسجيل خروجك لانتهاء الجلسة. سجّل الدخول مرة أخرى للمتابعة"},
            {}};
}

ApiError csrf_refused() {
    return {403, "session.csrf",
            {"This request could not be confirmed as coming from this site. Reload the page and try again",
             "تعذّر التأكد من أن هذا الطلب صادر من هذا الموقع. أعد تحميل الصفحة وحاول مرة أخرى"},
            {}};
}

}  // namespace muamala::server
