// The sign-in routes of auth_routes.h.
//
// [SECTION] Answers
// [SECTION] POST /api/v1/session: the password
// [SECTION] POST /api/v1/session/verify: the code
// [SECTION] GET and DELETE /api/v1/session
// [SECTION] Routes

#include "server/routes/auth_routes.h"

#include <climits>
#include <string>

#include "common/civil_id.h"
#include "common/sign_in.h"
#include "server/accounts/accounts.h"
#include "server/accounts/sessions.h"
#include "server/ops/clock.h"
#include "server/security/audit.h"
#include "server/security/passwords.h"
#include "server/security/totp.h"
#include "server/storage/database.h"

namespace muamala::server {
namespace {

// [SECTION] Answers

ApiError invalid_credentials() {
    return {401, "session.invalid_credentials",
            {"The civil ID or password is not right", "الرقم المدني أو كلمة المرور غير صحيحة"}, {}};
}

ApiError invalid_code() {
    return {401, "session.invalid_code",
            {"The code is not right. Enter the code your authenticator app shows now",
             "الرمز غير صحيح. أدخل الرمز الذي يظهره تطبيق المصادقة الآن"},
            {}};
}

ApiReply throttled(std::chrono::seconds wait) {
    ApiReply reply = refusal({429, "session.throttled",
                               {"There have been too many attempts to sign in. Wait a few minutes, then try again",
                                "محاولات كثيرة لتسجيل الدخول. انتظر بضع دقائق ثم حاول مرة أخرى"},
                               {}});
    reply.headers.emplace_back("Retry-After", std::to_string(wait.count()));
    return reply;
}

ApiReply not_text(std::string_view names) {
    return refusal(malformed_request({"request.fields_not_text",
                                       {"Send " + std::string(names) + " as text",
                                        "أرسل " + std::string(names) + " نصًا"}}));
}

Json account_json(const SignedIn& who) {
    return {{"civil_id", who.civil_id},
            {"role", name_of(who.role)},
            {"center_id", who.center_id ? Json(*who.center_id) : Json(nullptr)}};
}

// What the client learns of a signed-in session: the header to send back, and who is signed in.
Json signed_in_json(std::string_view csrf_token, const SignedIn& who) {
    return {{"csrf_token", csrf_token}, {"account", account_json(who)}};
}

// Attempts the throttle refused, written down in aggregate (one entry per civil ID and address at
// most every refusal_audit_interval) rather than a synced disk write per refusal.
void audit_refusals(Services& services, Connection& connection, std::chrono::system_clock::time_point now) {
    const std::vector<LoginThrottle::RefusalTally> tallies = services.login_throttle.take_refusals_to_audit(now);
    if (tallies.empty()) return;
    Transaction transaction(connection);
    for (const LoginThrottle::RefusalTally& tally : tallies)
        append_audit(connection, iso_timestamp(now), tally.address, "session.throttled", tally.civil_id,
                     {{"remote_address", tally.address}, {"refused", tally.refused},
                      {"first_at", iso_timestamp(tally.first)}, {"last_at", iso_timestamp(tally.last)}});
    transaction.commit();
}

// One audit entry in a transaction of its own: for events that change nothing else.
void audit_alone(Connection& connection, std::chrono::system_clock::time_point at, std::string_view actor,
                 std::string_view action, std::string_view object, const Json& details) {
    Transaction transaction(connection);
    append_audit(connection, iso_timestamp(at), actor, action, object, details);
    transaction.commit();
}

// [SECTION] POST /api/v1/session: the password

ApiReply check_password(Services& services, const ApiRequest& request) {
    const JsonBody body = read_json_object(request);
    if (body.refusal) return *body.refusal;
    const Json civil_id_field = body.json.value("civil_id", Json()), password_field = body.json.value("password", Json());
    if (!civil_id_field.is_string() || !password_field.is_string()) return not_text("civil_id and password");
    const std::string password = password_field.get<std::string>();

    const Validation civil_id = validate_civil_id(civil_id_field.get<std::string>());
    std::vector<FieldProblem> problems;
    if (!civil_id.ok) problems.push_back({"civil_id", civil_id.errors.front()});
    if (std::optional<Problem> problem = password_problem(password)) problems.push_back({"password", std::move(*problem)});
    if (!problems.empty()) return refusal(validation_failed(std::move(problems)));

    const auto now = services.clock.now();
    const std::string& address = request.remote_address;
    Database::Lease connection = services.database.connect();
    const std::optional<Account> account = find_account_by_civil_id(*connection, civil_id.normalized);
    const std::string actor = account ? civil_id.normalized : address;

    // Counted as a failure before it is judged, so parallel guesses cannot all slip under the limit.
    const LoginThrottle::Admission admission = services.login_throttle.admit(civil_id.normalized, address, now);
    audit_refusals(services, *connection, now);
    if (!admission.ticket) return throttled(admission.wait);

    // An unknown civil ID costs an Argon2 run too, against a hash nobody knows the password of.
    const bool matches = password_matches(account ? account->password_hash : decoy_password_hash(), password);
    if (!account || !matches) {
        audit_alone(*connection, now, actor, "session.password_refused", civil_id.normalized,
                    {{"remote_address", address}});
        return refusal(invalid_credentials());
    }

    services.login_throttle.attempt_was_right(*admission.ticket);
    Transaction transaction(*connection);
    const NewSession session = open_session(*connection, account->id, SessionStage::password_ok, unix_seconds(now));
    append_audit(*connection, iso_timestamp(now), actor, "session.password_accepted", civil_id.normalized,
                 {{"remote_address", address}});
    transaction.commit();
    return {200, {{"next", "verify"}}, {}, {{"Set-Cookie", session_cookie(session.token, services.secure_cookies)}}};
}

// [SECTION] POST /api/v1/session/verify: the code

static_assert(kSignInCodeDigits == totp_digits, "the form asks for as many digits as the codes have");

ApiReply check_code(Services& services, const ApiRequest& request) {
    const auto now = services.clock.now();
    const std::int64_t now_unix = unix_seconds(now);
    const std::string& address = request.remote_address;
    Database::Lease connection = services.database.connect();

    const std::optional<StoredSession> password_stage = find_session(*connection, request.cookie(session_cookie_name(services.secure_cookies)));
    if (!password_stage || password_stage->stage != SessionStage::password_ok) return refusal(session_required());
    const std::string civil_id = password_stage->who.civil_id;
    if (is_expired(*password_stage, now_unix)) {
        Transaction transaction(*connection);
        if (close_session(*connection, password_stage->token_hash))
            append_audit(*connection, iso_timestamp(now), civil_id, "session.expired", civil_id,
                         {{"remote_address", address}, {"step", "code"}});
        transaction.commit();
        return refusal_clearing_cookie(session_expired(), services.secure_cookies);
    }

    const JsonBody body = read_json_object(request);
    if (body.refusal) return *body.refusal;
    const Json code_field = body.json.value("code", Json());
    if (!code_field.is_string()) return not_text("code");
    const std::optional<std::string> code = read_sign_in_code(code_field.get<std::string>());
    if (!code) return refusal(validation_failed({{"code", code_format_problem()}}));

    const LoginThrottle::Admission admission = services.login_throttle.admit(civil_id, address, now);
    audit_refusals(services, *connection, now);
    if (!admission.ticket) return throttled(admission.wait);

    const std::optional<Account> account = find_account_by_id(*connection, password_stage->who.account_id);
    if (!account) {  // deleted since the password step: nothing was guessed
        services.login_throttle.attempt_was_right(*admission.ticket);
        return refusal(session_required());
    }
    const std::optional<long long> step = accepted_totp_step(account->totp_secret, *code, now_unix, account->totp_last_step);

    Transaction transaction(*connection);
    // record_totp_step refuses a step another request has just recorded: the same code sent twice
    // at once still works only once.
    if (!step || !record_totp_step(*connection, account->id, *step)) {
        const bool in_window = accepted_totp_step(account->totp_secret, *code, now_unix, LLONG_MIN).has_value();
        append_audit(*connection, iso_timestamp(now), civil_id, "session.code_refused", civil_id,
                     {{"remote_address", address}, {"reason", in_window ? "already_used" : "wrong"}});
        transaction.commit();
        return refusal(invalid_code());
    }
    services.login_throttle.attempt_was_right(*admission.ticket);
    // The password-stage token ends here; false when a request with the same cookie ended it first.
    if (!close_session(*connection, password_stage->token_hash)) return refusal(session_required());
    const NewSession session = open_session(*connection, account->id, SessionStage::signed_in, now_unix);
    append_audit(*connection, iso_timestamp(now), civil_id, "session.signed_in", civil_id, {{"remote_address", address}});
    transaction.commit();
    services.login_throttle.forget_account(civil_id);

    const SignedIn who{account->id, account->civil_id, account->role, account->center_id};
    return {200, signed_in_json(session.csrf_token, who), {},
            {{"Set-Cookie", session_cookie(session.token, services.secure_cookies)}}};
}

// [SECTION] GET and DELETE /api/v1/session

ApiReply current_session(Services& services, const ApiRequest& request) {
    const SessionCheck check = check_session(services, request, false);
    if (check.refusal) return *check.refusal;
    return {200, signed_in_json(check.session->csrf_token, check.session->who), {}};
}

ApiReply sign_out(Services& services, const ApiRequest& request) {
    const SessionCheck check = check_session(services, request, true);
    if (check.refusal) return *check.refusal;
    const auto now = services.clock.now();
    const std::string& civil_id = check.session->who.civil_id;
    Database::Lease connection = services.database.connect();
    Transaction transaction(*connection);
    if (close_session(*connection, check.session->token_hash))
        append_audit(*connection, iso_timestamp(now), civil_id, "session.signed_out", civil_id,
                     {{"remote_address", request.remote_address}});
    transaction.commit();
    return {200, {{"signed_out", true}}, {}, {{"Set-Cookie", cleared_session_cookie(services.secure_cookies)}}};
}

}  // namespace

// [SECTION] Routes

std::vector<Route> auth_routes(Services& services) {
    decoy_password_hash();  // made now, so the first unknown civil ID is not answered slower than the rest
    return {
        {"POST", "/api/v1/session", [&services](const ApiRequest& request) { return check_password(services, request); }},
        {"POST", "/api/v1/session/verify",
         [&services](const ApiRequest& request) { return check_code(services, request); }},
        {"GET", "/api/v1/session", [&services](const ApiRequest& request) { return current_session(services, request); }},
        {"DELETE", "/api/v1/session", [&services](const ApiRequest& request) { return sign_out(services, request); }},
    };
}

}  // namespace muamala::server
