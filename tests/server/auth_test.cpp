// Sign-in, sessions, CSRF and throttling (server/routes/auth_routes.h, sessions.h, login_throttle.h) over
// real HTTP, and the credential pieces they stand on (passwords, accounts).
//
// [SECTION] Passwords and accounts
// [SECTION] The throttle on its own
// [SECTION] Signing in
// [SECTION] Codes
// [SECTION] Sessions: rotation, CSRF, sign-out, expiry
// [SECTION] Throttling over HTTP
// [SECTION] What is written down: log and audit
// [SECTION] Command line
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>
#include <regex>
#include <string>
#include <vector>

#include "common/civil_id.h"
#include "server/accounts/accounts.h"
#include "server/accounts/sessions.h"
#include "server/options.h"
#include "server/security/audit.h"
#include "server/security/crypto.h"
#include "server/security/login_throttle.h"
#include "server/security/passwords.h"
#include "server/security/totp.h"
#include "test_support.h"

namespace muamala::server::testing {
namespace {

using namespace std::chrono_literals;

const std::string civil_id = "280010101234";
const std::string arabic_civil_id = "٢٨٠٠١٠١٠١٢٣٤";  // the same number, as typed on an Arabic keyboard

// 15 s into a TOTP step, so a code of "now" stays now for a while however the test advances.
const auto start_time = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + 9h + 15s;

std::string zero_padded(int number, std::size_t width) {
    std::string digits = std::to_string(number);
    return std::string(width - std::min(width, digits.size()), '0') + digits;
}

std::string arabic_digits(const std::string& ascii) {
    static const char* const arabic[] = {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"};
    std::string text;
    for (const char digit : ascii) text += arabic[digit - '0'];
    return text;
}

// A valid civil ID for someone born on 1 Jan 1980 with the given serial (0 to 9999), or "" when no
// check digit completes that serial.
std::string civil_id_with_serial(int serial) {
    const std::string first_eleven = "2800101" + zero_padded(serial, 4);
    const int check = civil_id_check_digit(first_eleven);
    return check < 0 ? "" : first_eleven + static_cast<char>('0' + check);
}

const std::string civil_id_without_account = civil_id_with_serial(7);  // 280010100071

HttpReply send_password(int port, const std::string& who, const std::string& password) {
    return post(port, "/api/v1/session", dump(Json{{"civil_id", who}, {"password", password}}));
}

HttpReply send_code(int port, const std::string& cookie, const std::string& code) {
    return post(port, "/api/v1/session/verify", dump(Json{{"code", code}}), "application/json", {{"Cookie", cookie}});
}

HttpReply current_session(int port, const std::string& cookie) { return get(port, "/api/v1/session", {{"Cookie", cookie}}); }

void expect_error(const HttpReply& reply, int status, const std::string& code) {
    SCOPED_TRACE(reply.body);
    EXPECT_EQ(reply.status, status);
    const Json body = reply.json();
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body.at("error").at("code"), code);
    EXPECT_FALSE(body.at("error").at("message").at("en").get<std::string>().empty());
    EXPECT_FALSE(body.at("error").at("message").at("ar").get<std::string>().empty());
}

// The password step, expected to succeed: its cookie.
std::string password_stage_cookie(const RunningServer& server, const TestAccount& account) {
    const HttpReply reply = send_password(server.port(), account.civil_id, account.password);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return session_cookie_in(reply);
}

std::string a_wrong_code(const TestAccount& account, std::chrono::system_clock::time_point at) {
    // Not the code of any step in the window, so it is wrong whatever the window holds.
    for (int candidate = 0;; ++candidate) {
        const std::string code = zero_padded(candidate, totp_digits);
        bool used = false;
        for (long long offset = -totp_window_steps; offset <= totp_window_steps; ++offset)
            used = used || totp_code_at(account, at + std::chrono::seconds(offset * totp_step_seconds)) == code;
        if (!used) return code;
    }
}

// [SECTION] Passwords and accounts

TEST(Passwords, AnArgon2idHashMatchesItsPasswordOnly) {
    const std::string hash = hash_password("kuwait 2026");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_TRUE(password_matches(hash, "kuwait 2026"));
    EXPECT_FALSE(password_matches(hash, "kuwait 2027"));
    EXPECT_FALSE(password_matches(hash, ""));
    EXPECT_NE(hash_password("kuwait 2026"), hash) << "each hash has a salt of its own";
}

TEST(Passwords, AMalformedHashMatchesNothing) {
    EXPECT_FALSE(password_matches("", "anything"));
    EXPECT_FALSE(password_matches("$argon2id$v=19$m=65536,t=2,p=1$broken", "anything"));
    EXPECT_FALSE(password_matches(std::string(1000, '$'), "anything"));
}

class Accounts : public ::testing::Test {
protected:
    std::int64_t create(const std::string& who, Role role = Role::citizen, const std::string& password = "pw",
                        std::size_t secret_bytes = totp_secret_bytes) {
        Transaction transaction(*connection);
        const std::int64_t id = create_account(*connection, who, role, password, random_bytes(secret_bytes),
                                               std::nullopt, "2026-03-01T09:00:00.000Z");
        transaction.commit();
        return id;
    }
    TempDir dir;
    Database database{dir.path() / "accounts.db"};
    Database::Lease connection = database.connect();
};

TEST_F(Accounts, StoresTheNormalisedCivilIdAndOnlyAPasswordHash) {
    const std::int64_t id = create(arabic_civil_id, Role::center_operator, "s3cret words");
    const std::optional<Account> account = find_account_by_civil_id(*connection, civil_id);
    ASSERT_TRUE(account);
    EXPECT_EQ(account->id, id);
    EXPECT_EQ(account->role, Role::center_operator);
    EXPECT_EQ(account->totp_secret.size(), totp_secret_bytes);
    EXPECT_EQ(account->totp_last_step, 0);
    EXPECT_EQ(account->center_id, std::nullopt);
    EXPECT_EQ(account->password_hash.find("s3cret words"), std::string::npos);
    EXPECT_TRUE(password_matches(account->password_hash, "s3cret words"));
    EXPECT_EQ(find_account_by_id(*connection, id)->civil_id, civil_id);
}

TEST_F(Accounts, RefusesWhatCannotSignIn) {
    EXPECT_THROW(create("280010101235"), std::invalid_argument) << "check digit";
    EXPECT_THROW(create(civil_id, Role::citizen, ""), std::invalid_argument);
    EXPECT_THROW(create(civil_id, Role::citizen, "pw", 10), std::invalid_argument);
    create(civil_id);
    EXPECT_THROW(create(civil_id), DatabaseError) << "one account per civil ID";
}

TEST_F(Accounts, ATotpStepIsRecordedOnlyWhenLaterThanTheLast) {
    const std::int64_t id = create(civil_id);
    Transaction transaction(*connection);
    EXPECT_TRUE(record_totp_step(*connection, id, 100));
    EXPECT_FALSE(record_totp_step(*connection, id, 100));
    EXPECT_FALSE(record_totp_step(*connection, id, 99));
    EXPECT_TRUE(record_totp_step(*connection, id, 101));
    EXPECT_EQ(find_account_by_id(*connection, id)->totp_last_step, 101);
}

// [SECTION] The throttle on its own

// `n` attempts admitted (and so counted as failures), each `apart` after the one before.
void fail(LoginThrottle& throttle, const std::string& who, const std::string& address, std::size_t n,
          LoginThrottle::TimePoint& at, std::chrono::seconds apart = 0s) {
    for (std::size_t attempt = 0; attempt < n; ++attempt, at += apart)
        ASSERT_TRUE(throttle.admit(who, address, at).ticket) << "attempt " << attempt;
}

TEST(LoginThrottleAlone, HoldsAnAccountFromOneAddressForTheWindowAndBacksOffSlowlyElsewhere) {
    LoginThrottle throttle;
    const LoginThrottle::TimePoint t0 = start_time;
    LoginThrottle::TimePoint at = t0;
    fail(throttle, civil_id, "10.0.0.1", failures_allowed_per_account_and_address, at, 10s);
    const LoginThrottle::TimePoint last = at - 10s;
    EXPECT_EQ(throttle.admit(civil_id, "10.0.0.1", last + 1s).wait, failure_window - 1s - (last - t0) + 0s)
        << "the address that failed waits for its oldest failure to leave the window";
    EXPECT_EQ(throttle.admit(civil_id, "10.0.0.1", t0 + failure_window - 500ms).wait, 1s) << "rounded up";
    EXPECT_FALSE(throttle.admit(civil_id, "10.0.0.2", last).ticket) << "the account backs off everywhere...";
    EXPECT_EQ(throttle.admit(civil_id, "10.0.0.2", last).wait, 1s) << "...for a second after five failures";
    EXPECT_TRUE(throttle.admit(civil_id, "10.0.0.2", last + 1s).ticket);
    EXPECT_EQ(throttle.admit(civil_id, "10.0.0.3", last + 1s).wait, 2s) << "each failure doubles the back-off";
    EXPECT_TRUE(throttle.admit("300010101230", "10.0.0.1", last).ticket) << "other accounts go on";
}

TEST(LoginThrottleAlone, TheBackOffStopsAtAMinuteHoweverManyAddressesGuess) {
    LoginThrottle throttle;
    LoginThrottle::TimePoint at = start_time;
    for (int address = 1; address <= 40; ++address) {
        const LoginThrottle::Admission admission = throttle.admit(civil_id, "10.1.0." + std::to_string(address), at);
        EXPECT_LE(admission.wait, longest_account_back_off);
        at += admission.wait;
        if (!admission.ticket) {
            ASSERT_TRUE(throttle.admit(civil_id, "10.1.0." + std::to_string(address), at).ticket);
        }
    }
    EXPECT_EQ(throttle.admit(civil_id, "192.0.2.1", at).wait, longest_account_back_off) << "the owner waits a minute";
    EXPECT_TRUE(throttle.admit(civil_id, "192.0.2.1", at + longest_account_back_off).ticket) << "then tries";
}

TEST(LoginThrottleAlone, CountsAnAddressAcrossAccountsAndARightAttemptTakesItsCountBack) {
    LoginThrottle throttle;
    const LoginThrottle::TimePoint t0 = start_time;
    for (std::size_t n = 0; n + 1 < failures_allowed_per_address; ++n)
        ASSERT_TRUE(throttle.admit("civil-id-" + std::to_string(n % 4), "10.0.0.1", t0).ticket);
    const std::optional<LoginThrottle::Ticket> right = throttle.admit("civil-id-9", "10.0.0.1", t0).ticket;
    ASSERT_TRUE(right);
    EXPECT_EQ(throttle.admit("a civil ID never tried", "10.0.0.1", t0).wait, failure_window);
    throttle.attempt_was_right(*right);
    EXPECT_TRUE(throttle.admit("a civil ID never tried", "10.0.0.1", t0).ticket) << "the right attempt was no failure";
    EXPECT_EQ(throttle.admit("civil-id-0", "10.0.0.1", t0).wait, failure_window);
    throttle.forget_account("civil-id-0");
    EXPECT_EQ(throttle.admit("civil-id-0", "10.0.0.1", t0).wait, failure_window) << "the address still counts";
    EXPECT_TRUE(throttle.admit("civil-id-0", "10.0.0.2", t0).ticket);
}

TEST(LoginThrottleAlone, TalliesRefusalsForTheAuditAtMostOncePerPairAndInterval) {
    LoginThrottle throttle;
    LoginThrottle::TimePoint at = start_time;
    fail(throttle, civil_id, "10.0.0.1", failures_allowed_per_account_and_address, at);
    EXPECT_TRUE(throttle.take_refusals_to_audit(at).empty());
    for (int refused = 0; refused < 3; ++refused) EXPECT_FALSE(throttle.admit(civil_id, "10.0.0.1", at).ticket);
    const std::vector<LoginThrottle::RefusalTally> first = throttle.take_refusals_to_audit(at);
    ASSERT_EQ(first.size(), 1u) << "the first refusals of a pair are written at once";
    EXPECT_EQ(first[0].refused, 3u);
    EXPECT_EQ(first[0].address, "10.0.0.1");
    for (int refused = 0; refused < 100; ++refused) throttle.admit(civil_id, "10.0.0.1", at + 1s);
    EXPECT_TRUE(throttle.take_refusals_to_audit(at + 1s).empty()) << "later ones wait for the interval";
    const std::vector<LoginThrottle::RefusalTally> later = throttle.take_refusals_to_audit(at + refusal_audit_interval);
    ASSERT_EQ(later.size(), 1u);
    EXPECT_EQ(later[0].refused, 100u);
    EXPECT_TRUE(throttle.take_refusals_to_audit(at + 10 * refusal_audit_interval).empty()) << "each tally once";
}

// [SECTION] Signing in

TEST(SignIn, PasswordThenCodeGivesASessionCookieAndACsrfToken) {
    RunningServer server;
    const TestAccount account = create_test_account(server);

    const HttpReply password = send_password(server.port(), account.civil_id, account.password);
    ASSERT_EQ(password.status, 200) << password.body;
    EXPECT_EQ(password.json(), (Json{{"next", "verify"}}));
    const std::regex cookie_shape(R"(muamala_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict)");
    EXPECT_TRUE(std::regex_match(password.header("Set-Cookie"), cookie_shape)) << password.header("Set-Cookie");

    const HttpReply verified = send_code(server.port(), session_cookie_in(password), next_unused_totp_code(server, account));
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_TRUE(std::regex_match(verified.header("Set-Cookie"), cookie_shape)) << verified.header("Set-Cookie");
    EXPECT_NE(session_cookie_in(verified), session_cookie_in(password)) << "a new token after the code";
    const Json answer = verified.json();
    EXPECT_EQ(answer.at("account"), (Json{{"civil_id", civil_id}, {"role", "citizen"}, {"center_id", nullptr}}));
    const std::string csrf = answer.at("csrf_token").get<std::string>();
    EXPECT_EQ(csrf.size(), 43u);

    const HttpReply reloaded = current_session(server.port(), session_cookie_in(verified));
    EXPECT_EQ(reloaded.status, 200) << reloaded.body;
    EXPECT_EQ(reloaded.json(), answer) << "a reloaded page learns the same";
    EXPECT_EQ(reloaded.header("Cache-Control"), "no-store");
}

TEST(SignIn, TakesTheCivilIdAndTheCodeInArabicIndicDigits) {
    RunningServer server;
    const TestAccount account = create_test_account(server);
    const HttpReply password = send_password(server.port(), arabic_civil_id, account.password);
    ASSERT_EQ(password.status, 200) << password.body;
    const HttpReply verified =
        send_code(server.port(), session_cookie_in(password), arabic_digits(next_unused_totp_code(server, account)));
    EXPECT_EQ(verified.status, 200) << verified.body;
}

TEST(SignIn, AWrongPasswordAndAnUnknownCivilIdGetTheSameAnswer) {
    RunningServer server;
    const TestAccount account = create_test_account(server);
    const HttpReply wrong_password = send_password(server.port(), account.civil_id, account.password + "!");
    const HttpReply unknown = send_password(server.port(), civil_id_without_account, account.password);
    expect_error(wrong_password, 401, "session.invalid_credentials");
    EXPECT_EQ(wrong_password.json().at("error").at("message").at("en"), "The civil ID or password is not right");
    EXPECT_EQ(unknown.status, wrong_password.status);
    EXPECT_EQ(unknown.body, wrong_password.body);
    EXPECT_FALSE(wrong_password.has_header("Set-Cookie"));
    EXPECT_FALSE(unknown.has_header("Set-Cookie"));
}

// Without the decoy Argon2 run an unknown civil ID would be answered in about a millisecond, a
// wrong password in tens: the difference would list which civil IDs have accounts.
TEST(SignIn, AnUnknownCivilIdTakesAboutAsLongAsAWrongPassword) {
    RunningServer server;
    const TestAccount account = create_test_account(server);
    const auto median_time = [&](const std::string& who) {
        std::vector<std::chrono::steady_clock::duration> times;
        for (int n = 0; n < 3; ++n) {
            const auto start = std::chrono::steady_clock::now();
            EXPECT_EQ(send_password(server.port(), who, "not the password").status, 401);
            times.push_back(std::chrono::steady_clock::now() - start);
        }
        std::ranges::sort(times);
        return times[1];
    };
    const auto wrong_password = median_time(account.civil_id), unknown = median_time(civil_id_without_account);
    EXPECT_GT(unknown * 2, wrong_password) << "unknown " << unknown.count() << ", wrong password " << wrong_password.count();
}

TEST(SignIn, SaysWhatIsWrongWithTheInputBeforeCheckingAnything) {
    RunningServer server;
    const HttpReply both = send_password(server.port(), "12345", "");
    expect_error(both, 422, "validation_failed");
    const Json fields = both.json().at("error").at("fields");
    ASSERT_EQ(fields.size(), 2u);
    EXPECT_EQ(fields[0].at("field"), "civil_id");
    EXPECT_EQ(fields[0].at("code"), "civil_id.length");
    EXPECT_EQ(fields[1].at("field"), "password");
    EXPECT_EQ(fields[1].at("code"), "password.required");

    expect_error(post(server.port(), "/api/v1/session", R"({"civil_id":280010101234,"password":"x"})"), 400,
                 "request.fields_not_text");
    expect_error(post(server.port(), "/api/v1/session", R"({"civil_id":"280010101234"})"), 400, "request.fields_not_text");
    expect_error(post(server.port(), "/api/v1/session", "civil_id=280010101234", "application/x-www-form-urlencoded"), 400,
                 "request.content_type");
    expect_error(post(server.port(), "/api/v1/session", "{"), 400, "request.invalid_json");
}

// [SECTION] Codes

// A server on a clock the test moves, with one citizen account.
class OnAManualClock : public ::testing::Test {
protected:
    ManualClock clock{start_time};
    RunningServer server{clock};
    TestAccount account = create_test_account(server);
};
using Codes = OnAManualClock;
using Rotation = OnAManualClock;
using Expiry = OnAManualClock;
using Throttling = OnAManualClock;
using Audit = OnAManualClock;

TEST_F(Codes, AWrongCodeIsRefusedAndTheRightOneStillWorks) {
    const std::string cookie = password_stage_cookie(server, account);
    expect_error(send_code(server.port(), cookie, a_wrong_code(account, clock.now())), 401, "session.invalid_code");
    EXPECT_EQ(send_code(server.port(), cookie, totp_code_at(account, clock.now())).status, 200);
}

TEST_F(Codes, ACodeWorksOnlyOnce) {
    const std::string code = totp_code_at(account, clock.now());
    ASSERT_EQ(send_code(server.port(), password_stage_cookie(server, account), code).status, 200);
    clock.advance(5s);  // same step: the code is still the one the app shows
    expect_error(send_code(server.port(), password_stage_cookie(server, account), code), 401, "session.invalid_code");
}

TEST_F(Codes, TheCodeOfTheStepBeforeIsAcceptedButNotOfTwoStepsBefore) {
    const auto step = std::chrono::seconds(totp_step_seconds);
    const std::string cookie = password_stage_cookie(server, account);
    expect_error(send_code(server.port(), cookie, totp_code_at(account, clock.now() - 2 * step)), 401,
                 "session.invalid_code");
    EXPECT_EQ(send_code(server.port(), cookie, totp_code_at(account, clock.now() - step)).status, 200);
}

TEST_F(Codes, MustBeSixDigits) {
    const std::string cookie = password_stage_cookie(server, account);
    for (const char* wrong : {"12345", "1234567", "12345a", ""}) {
        SCOPED_TRACE(wrong);
        const HttpReply reply = send_code(server.port(), cookie, wrong);
        expect_error(reply, 422, "validation_failed");
        EXPECT_EQ(reply.json().at("error").at("fields").at(0).at("field"), "code");
    }
    expect_error(post(server.port(), "/api/v1/session/verify", R"({"code":123456})", "application/json",
                      {{"Cookie", cookie}}),
                 400, "request.fields_not_text");
    const std::string wrong = a_wrong_code(account, clock.now());
    SCOPED_TRACE("spaces are tolerated, then the code is checked");
    expect_error(send_code(server.port(), cookie, wrong.substr(0, 3) + " " + wrong.substr(3)), 401, "session.invalid_code");
}

TEST_F(Codes, NeedThePasswordStepFirstAndWithinFiveMinutes) {
    expect_error(send_code(server.port(), "", totp_code_at(account, clock.now())), 401, "session.required");
    const std::string cookie = password_stage_cookie(server, account);
    clock.advance(password_stage_lifetime);
    const HttpReply late = send_code(server.port(), cookie, totp_code_at(account, clock.now()));
    expect_error(late, 401, "session.expired");
    EXPECT_EQ(late.header("Set-Cookie"), "muamala_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
}

// [SECTION] Sessions: rotation, CSRF, sign-out, expiry

TEST_F(Rotation, APasswordStageCookieIsNotASignIn) {
    const std::string cookie = password_stage_cookie(server, account);
    const HttpReply reply = current_session(server.port(), cookie);
    expect_error(reply, 401, "session.required");
    EXPECT_FALSE(reply.has_header("Set-Cookie")) << "the person may still type the code";
    expect_error(del(server.port(), "/api/v1/session", {{"Cookie", cookie}}), 401, "session.required");
}

TEST_F(Rotation, ThePasswordStageTokenDiesWhenTheCodeIsAccepted) {
    const std::string old_cookie = password_stage_cookie(server, account);
    ASSERT_EQ(send_code(server.port(), old_cookie, totp_code_at(account, clock.now())).status, 200);
    expect_error(current_session(server.port(), old_cookie), 401, "session.required");
    clock.advance(std::chrono::seconds(totp_step_seconds));
    expect_error(send_code(server.port(), old_cookie, totp_code_at(account, clock.now())), 401, "session.required");
}

TEST(Sessions, UnknownOrMissingCookiesAreNotSignedInAndAreCleared) {
    RunningServer server;
    expect_error(get(server.port(), "/api/v1/session"), 401, "session.required");
    const HttpReply forged =
        current_session(server.port(), "muamala_session=" + base64url_encode(random_bytes(session_token_bytes)));
    expect_error(forged, 401, "session.required");
    EXPECT_EQ(forged.header("Set-Cookie"), "muamala_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
    expect_error(current_session(server.port(), "muamala_session=not base64!"), 401, "session.required");
}

TEST(Sessions, SignOutNeedsTheCsrfTokenThenEndsTheSession) {
    RunningServer server;
    const SignedInSession session = sign_in(server, create_test_account(server));
    expect_error(del(server.port(), "/api/v1/session", {{"Cookie", session.cookie}}), 403, "session.csrf");
    expect_error(del(server.port(), "/api/v1/session", {{"Cookie", session.cookie}, {"X-CSRF-Token", "guess"}}), 403,
                 "session.csrf");
    expect_error(del(server.port(), "/api/v1/session",
                     {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token + "x"}}),
                 403, "session.csrf");
    EXPECT_EQ(current_session(server.port(), session.cookie).status, 200) << "refused calls leave the session alone";

    const HttpReply signed_out =
        del(server.port(), "/api/v1/session", {{"Cookie", session.cookie}, {"x-csrf-token", session.csrf_token}});
    EXPECT_EQ(signed_out.status, 200) << signed_out.body;
    EXPECT_EQ(signed_out.json(), (Json{{"signed_out", true}}));
    EXPECT_EQ(signed_out.header("Set-Cookie"), "muamala_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
    expect_error(current_session(server.port(), session.cookie), 401, "session.required");
}

TEST_F(Expiry, ASessionEndsAfterFifteenIdleMinutes) {
    const SignedInSession session = sign_in(server, account);
    for (int busy = 0; busy < 3; ++busy) {
        clock.advance(session_idle_timeout - 1s);
        ASSERT_EQ(current_session(server.port(), session.cookie).status, 200) << "each call keeps it alive";
    }
    clock.advance(session_idle_timeout);
    const HttpReply idle = current_session(server.port(), session.cookie);
    expect_error(idle, 401, "session.expired");
    EXPECT_EQ(idle.header("Set-Cookie"), "muamala_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
    expect_error(current_session(server.port(), session.cookie), 401, "session.required");  // and is gone
}

TEST_F(Expiry, ASessionEndsEightHoursAfterSignInHoweverBusy) {
    const SignedInSession session = sign_in(server, account);
    const auto busy_for = session_absolute_lifetime - 1s;
    for (auto elapsed = 0s; elapsed < busy_for;) {
        const auto step = std::min<std::chrono::seconds>(10min, busy_for - elapsed);
        clock.advance(step);
        elapsed += step;
        ASSERT_EQ(current_session(server.port(), session.cookie).status, 200) << elapsed.count();
    }
    clock.advance(1s);
    expect_error(current_session(server.port(), session.cookie), 401, "session.expired");
}

TEST(Sessions, TheDatabaseHoldsOnlyTheSha256OfATokenAndTheCookieIsSecureOnRequest) {
    RunningServer server;
    const SignedInSession session = sign_in(server, create_test_account(server));
    const std::string token = session.cookie.substr(session.cookie.find('=') + 1);
    Connection connection = Connection::open(server.database_file());
    Statement stored = connection.prepare("SELECT token_hash FROM sessions WHERE stage = 'signed_in'");
    ASSERT_TRUE(stored.step());
    const std::vector<unsigned char> hash = stored.column_blob(0);
    EXPECT_EQ(to_hex(hash), to_hex(sha256(*base64url_decode(token))));

    EXPECT_EQ(session_cookie("abc", true), "__Host-muamala_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure");
    EXPECT_EQ(cleared_session_cookie(true),
              "__Host-muamala_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure");
}

// [SECTION] Throttling over HTTP

TEST_F(Throttling, FiveFailuresOnAnAccountHoldItForFifteenMinutesEvenWithTheRightPassword) {
    for (std::size_t n = 0; n < failures_allowed_per_account_and_address; ++n)
        expect_error(send_password(server.port(), account.civil_id, "wrong"), 401, "session.invalid_credentials");
    const HttpReply held = send_password(server.port(), account.civil_id, account.password);
    expect_error(held, 429, "session.throttled");
    EXPECT_EQ(held.header("Retry-After"), "900");
    EXPECT_FALSE(held.has_header("Set-Cookie"));

    clock.advance(failure_window - 1s);
    EXPECT_EQ(send_password(server.port(), account.civil_id, account.password).header("Retry-After"), "1");
    clock.advance(1s);
    EXPECT_EQ(send_password(server.port(), account.civil_id, account.password).status, 200);
}

TEST_F(Throttling, WrongCodesCountTowardTheSameLimitAsWrongPasswords) {
    const std::string cookie = password_stage_cookie(server, account);
    const std::string wrong = a_wrong_code(account, clock.now());
    for (std::size_t n = 0; n < 2; ++n) expect_error(send_password(server.port(), account.civil_id, "wrong"), 401, "session.invalid_credentials");
    for (std::size_t n = 2; n < failures_allowed_per_account_and_address; ++n)
        expect_error(send_code(server.port(), cookie, wrong), 401, "session.invalid_code");
    const HttpReply held = send_code(server.port(), cookie, totp_code_at(account, clock.now()));
    expect_error(held, 429, "session.throttled");
    EXPECT_EQ(held.header("Retry-After"), "900");
}

TEST_F(Throttling, AnUnknownCivilIdIsHeldLikeAKnownOne) {
    const std::string& unknown = civil_id_without_account;
    for (std::size_t n = 0; n < failures_allowed_per_account_and_address; ++n) send_password(server.port(), unknown, "wrong");
    expect_error(send_password(server.port(), unknown, "wrong"), 429, "session.throttled");
}

TEST_F(Throttling, TwentyFailuresFromOneAddressHoldEveryAccountFromIt) {
    int serial = 100;
    for (std::size_t n = 0; n < failures_allowed_per_address; ++serial) {
        const std::string someone = civil_id_with_serial(serial);
        if (someone.empty()) continue;
        expect_error(send_password(server.port(), someone, "guess"), 401, "session.invalid_credentials");
        ++n;
    }
    const HttpReply held = send_password(server.port(), account.civil_id, account.password);
    expect_error(held, 429, "session.throttled");
    EXPECT_EQ(held.header("Retry-After"), "900");
}

TEST_F(Throttling, ASignInClearsTheAccountsFailures) {
    for (std::size_t n = 0; n + 1 < failures_allowed_per_account_and_address; ++n) send_password(server.port(), account.civil_id, "wrong");
    sign_in(server, account);
    for (std::size_t n = 0; n + 1 < failures_allowed_per_account_and_address; ++n) send_password(server.port(), account.civil_id, "wrong");
    EXPECT_EQ(send_password(server.port(), account.civil_id, account.password).status, 200);
}

// Requests through a trusted proxy on loopback, as from whichever client address the test names.
class BehindAProxy : public ::testing::Test {
protected:
    HttpReply password_from(const std::string& address, const std::string& who, const std::string& password) {
        return post(server.port(), "/api/v1/session", dump(Json{{"civil_id", who}, {"password", password}}),
                    "application/json", {{"X-Forwarded-For", address}});
    }
    ManualClock clock{start_time};
    RunningServer server{clock, EdgeSettings{.trusted_proxies = {*AddressRange::parse("127.0.0.0/8")}}};
    TestAccount account = create_test_account(server);
};

// `attempts` requests sent at once, each on its own thread and connection: their statuses.
std::vector<int> statuses_of_a_burst(std::size_t attempts, const std::function<HttpReply()>& send) {
    std::vector<int> statuses(attempts);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < attempts; ++index)
        threads.emplace_back([&statuses, &send, index] { statuses[index] = send().status; });
    for (std::thread& thread : threads) thread.join();
    return statuses;
}

std::string listed(const std::vector<int>& statuses) {
    std::string all;
    for (const int status : statuses) all += std::to_string(status) + " ";
    return all;
}

TEST_F(BehindAProxy, ThirtyParallelWrongCodesGetOnlyTheAllowanceJudged) {
    const std::string cookie = password_stage_cookie(server, account);
    const std::string wrong = a_wrong_code(account, clock.now());
    const std::vector<int> statuses = statuses_of_a_burst(30, [&] {
        return post(server.port(), "/api/v1/session/verify", dump(Json{{"code", wrong}}), "application/json",
                    {{"Cookie", cookie}, {"X-Forwarded-For", "203.0.113.5"}});
    });
    SCOPED_TRACE(listed(statuses));
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), static_cast<long>(failures_allowed_per_account_and_address));
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 30 - static_cast<long>(failures_allowed_per_account_and_address));
    Connection connection = Connection::open(server.database_file());
    Statement judged = connection.prepare("SELECT count(*) FROM audit_log WHERE action = 'session.code_refused'");
    ASSERT_TRUE(judged.step());
    EXPECT_EQ(judged.column_int64(0), static_cast<long long>(failures_allowed_per_account_and_address));
}

TEST_F(BehindAProxy, ThirtyParallelWrongPasswordsGetOnlyTheAllowanceJudgedAndTheRefusalsFewAuditEntries) {
    const std::vector<int> statuses =
        statuses_of_a_burst(30, [&] { return password_from("203.0.113.5", account.civil_id, "wrong"); });
    SCOPED_TRACE(listed(statuses));
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), static_cast<long>(failures_allowed_per_account_and_address));
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 30 - static_cast<long>(failures_allowed_per_account_and_address));
    Connection connection = Connection::open(server.database_file());
    Statement throttled = connection.prepare(
        "SELECT count(*), sum(json_extract(details, '$.refused')) FROM audit_log WHERE action = 'session.throttled'");
    ASSERT_TRUE(throttled.step());
    // The refusals of one pair within the interval go into as few entries as the timing allowed
    // (the first refusals at once, the rest together): far fewer writes than refusals.
    EXPECT_LE(throttled.column_int64(0), 2);
    EXPECT_GE(throttled.column_int64(1), 1);
    EXPECT_LE(throttled.column_int64(1), 30 - static_cast<long long>(failures_allowed_per_account_and_address));
}

TEST_F(BehindAProxy, AStrangerWhoKnowsTheCivilIdCannotKeepTheOwnerOut) {
    const std::string stranger = "198.51.100.7", owner = "203.0.113.5";
    for (std::size_t n = 0; n < failures_allowed_per_account_and_address; ++n)
        expect_error(password_from(stranger, account.civil_id, "guess"), 401, "session.invalid_credentials");
    const HttpReply stranger_held = password_from(stranger, account.civil_id, "guess");
    expect_error(stranger_held, 429, "session.throttled");
    EXPECT_EQ(stranger_held.header("Retry-After"), "900") << "the stranger's own address is held for the window";

    const HttpReply owner_waits = password_from(owner, account.civil_id, account.password);
    expect_error(owner_waits, 429, "session.throttled");
    EXPECT_EQ(owner_waits.header("Retry-After"), "1") << "the owner only backs off, briefly";
    clock.advance(1s);
    EXPECT_EQ(password_from(owner, account.civil_id, account.password).status, 200);
    expect_error(password_from(stranger, account.civil_id, account.password), 429, "session.throttled");
}

TEST_F(BehindAProxy, TheForwardedAddressIsTheOneAudited) {
    password_from("203.0.113.5", account.civil_id, "guess");
    Connection connection = Connection::open(server.database_file());
    Statement audited = connection.prepare("SELECT json_extract(details, '$.remote_address') FROM audit_log");
    ASSERT_TRUE(audited.step());
    EXPECT_EQ(audited.column_text(0), "203.0.113.5");
}

// [SECTION] What is written down: log and audit

std::vector<std::string> audit_rows(const RunningServer& server) {
    Connection connection = Connection::open(server.database_file());
    Statement rows = connection.prepare(
        "SELECT seq || ' ' || at || ' ' || actor || ' ' || action || ' ' || object || ' ' || details FROM audit_log "
        "ORDER BY seq");
    std::vector<std::string> all;
    while (rows.step()) all.push_back(rows.column_text(0));
    return all;
}

std::vector<std::string> audit_actions(const RunningServer& server) {
    Connection connection = Connection::open(server.database_file());
    Statement rows = connection.prepare("SELECT actor || ' ' || action FROM audit_log ORDER BY seq");
    std::vector<std::string> all;
    while (rows.step()) all.push_back(rows.column_text(0));
    return all;
}

TEST_F(Audit, EveryStepIsAuditedInAWholeChain) {
    send_password(server.port(), civil_id_without_account, "guess");
    send_password(server.port(), account.civil_id, "wrong");
    const std::string cookie = password_stage_cookie(server, account);
    send_code(server.port(), cookie, a_wrong_code(account, clock.now()));
    ASSERT_EQ(send_code(server.port(), cookie, totp_code_at(account, clock.now())).status, 200);
    const SignedInSession session = sign_in(server, account);
    del(server.port(), "/api/v1/session", {{"Cookie", session.cookie}});
    del(server.port(), "/api/v1/session", {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}});

    const std::string& me = account.civil_id;
    EXPECT_EQ(audit_actions(server), (std::vector<std::string>{
                                         "127.0.0.1 session.password_refused",  // no account: the address acts
                                         me + " session.password_refused",
                                         me + " session.password_accepted",
                                         me + " session.code_refused",
                                         me + " session.signed_in",
                                         me + " session.password_accepted",
                                         me + " session.signed_in",
                                         me + " session.csrf_refused",
                                         me + " session.signed_out",
                                     }));
    Connection connection = Connection::open(server.database_file());
    const AuditCheck check = verify_audit_chain(connection);
    EXPECT_TRUE(check.whole) << check.problem;
    EXPECT_EQ(check.entries, 9);
}

// A secret appears in text when it appears as a whole: a 6-digit code inside a longer run of
// digits or hex (a request id, a duration) is not that code.
bool contains_whole(const std::string& text, const std::string& secret) {
    return std::regex_search(text, std::regex("(^|[^0-9A-Za-z_-])" + secret + "($|[^0-9A-Za-z_-])"));
}

TEST_F(Audit, NoPasswordCodeTokenOrCookieReachesTheLogOrTheAudit) {
    std::vector<std::string> secrets{account.password, "wrong password 1"};
    send_password(server.port(), account.civil_id, "wrong password 1");
    const HttpReply password = send_password(server.port(), account.civil_id, account.password);
    const std::string wrong_code = a_wrong_code(account, clock.now()), code = totp_code_at(account, clock.now());
    send_code(server.port(), session_cookie_in(password), wrong_code);
    const HttpReply verified = send_code(server.port(), session_cookie_in(password), code);
    ASSERT_EQ(verified.status, 200);
    const std::string cookie = session_cookie_in(verified), csrf = verified.json().at("csrf_token").get<std::string>();
    del(server.port(), "/api/v1/session", {{"Cookie", cookie}, {"X-CSRF-Token", "wrong-csrf-token"}});
    del(server.port(), "/api/v1/session", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
    for (const std::string& set_cookie : {session_cookie_in(password), cookie})
        secrets.push_back(set_cookie.substr(set_cookie.find('=') + 1));
    secrets.insert(secrets.end(), {wrong_code, code, csrf, "wrong-csrf-token"});

    std::string audit;
    for (const std::string& row : audit_rows(server)) audit += row + "\n";
    ASSERT_EQ(audit_rows(server).size(), 6u) << audit;
    const std::string log = server.stop_and_read_log();
    ASSERT_NE(log.find("/api/v1/session/verify"), std::string::npos) << log;
    for (const std::string& secret : secrets) {
        SCOPED_TRACE(secret);
        EXPECT_FALSE(contains_whole(log, secret)) << log;
        EXPECT_FALSE(contains_whole(audit, secret)) << audit;
    }
}

// [SECTION] Command line

TEST(AuthCommandLine, SecureCookiesIsAFlagWithoutAValue) {
    const std::vector<std::string_view> secure{"--secure-cookies", "--port", "0"};
    const CommandLine command_line = parse_command_line(secure);
    ASSERT_EQ(command_line.action, CommandLine::Action::run) << command_line.error;
    EXPECT_TRUE(command_line.options.secure_cookies);
    EXPECT_FALSE(parse_command_line(std::vector<std::string_view>{}).options.secure_cookies);
    const std::vector<std::string_view> with_value{"--secure-cookies=yes"};
    EXPECT_EQ(parse_command_line(with_value).error, "--secure-cookies takes no value");
    EXPECT_NE(usage_text().find("--secure-cookies"), std::string::npos);
}

}  // namespace
}  // namespace muamala::server::testing
