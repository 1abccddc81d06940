// The authorization matrix: every route of the API, taken from the route table itself, called as
// each kind of caller (nobody, a session still at the password stage, the citizen whose objects the
// call names, another citizen, an operator of the center that serves her, an operator of another
// center, the supervisor, the admin), with and without the CSRF token, must be refused or let
// through as its audience says. A route added to the table without a line here fails the test, and
// a route whose handler forgets its check fails it too.
//
// "Let through" means past authorization: the answer may still be a 4xx about the request (a slot
// already taken, a state that forbids it), but never 401, 403, a 404 that hides an object from its
// owner, or a 5xx.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "server/http/api_routes.h"
#include "server/transactions/payments.h"
#include "server/transactions/receipts.h"
#include "tests/server/service_centers_fixture.h"

namespace muamala::server::testing {
namespace {

// Who a route is for.
enum class Audience {
    anyone,          // public: no session needed, none refused
    credentials,     // the first sign-in step: anyone may try; the matrix's wrong password is refused as such
    password_stage,  // the second sign-in step: only a session at the password stage may try a code
    signed_in,       // any signed-in account, of any role
    citizen,         // the sponsor, on her own household's objects
    operator_here,   // an operator, on what her center serves
    supervisor,
    admin,
};

// What a call names of someone's: nothing, an object in its path (a transaction's id), or people in
// its body (the household member a transaction is for).
enum class Names { nothing, object, members };

struct Expectation {
    Audience audience;
    Names names = Names::nothing;  // of the citizen's, or at the counter of a sponsor her center serves
};

// Every route, by method and pattern. A new route needs its line.
const std::map<std::string, Expectation> kMatrix = {
    {"GET /api/v1/health", {Audience::anyone}},
    {"POST /api/v1/validate", {Audience::anyone}},
    {"GET /api/v1/openapi.json", {Audience::anyone}},
    {"GET /api/v1/rulebook", {Audience::anyone}},
    {"GET /api/v1/service", {Audience::anyone}},
    {"GET /api/v1/centers", {Audience::anyone}},
    {"GET /api/v1/centers/:id", {Audience::anyone}},
    {"GET /api/v1/centers/:id/slots", {Audience::anyone}},
    {"GET /api/v1/receipts/:number/verify", {Audience::anyone}},
    {"POST /api/v1/session", {Audience::credentials}},
    {"POST /api/v1/session/verify", {Audience::password_stage}},
    {"GET /api/v1/session", {Audience::signed_in}},
    {"DELETE /api/v1/session", {Audience::signed_in}},
    {"GET /api/v1/household", {Audience::citizen}},
    {"GET /api/v1/messages", {Audience::citizen}},
    {"GET /api/v1/transactions", {Audience::citizen}},
    {"POST /api/v1/transactions", {Audience::citizen, Names::members}},
    {"GET /api/v1/transactions/:id", {Audience::citizen, Names::object}},
    {"POST /api/v1/transactions/:id/payments", {Audience::citizen, Names::object}},
    {"POST /api/v1/payments/:id/test-gateway", {Audience::citizen, Names::object}},
    {"GET /api/v1/receipts/:number", {Audience::citizen, Names::object}},
    {"GET /api/v1/appointments", {Audience::citizen}},
    {"POST /api/v1/appointments", {Audience::citizen, Names::members}},
    {"DELETE /api/v1/appointments/:id", {Audience::citizen, Names::object}},
    {"POST /api/v1/appointments/:id/reschedule", {Audience::citizen, Names::object}},
    {"GET /api/v1/counter/households/:civil_id", {Audience::operator_here, Names::object}},
    {"GET /api/v1/counter/queue", {Audience::operator_here}},
    {"POST /api/v1/counter/tickets", {Audience::operator_here}},
    {"POST /api/v1/counter/transactions", {Audience::operator_here, Names::members}},
    {"POST /api/v1/counter/transactions/:id/payments", {Audience::operator_here, Names::object}},
    {"POST /api/v1/counter/payments/:id/test-gateway", {Audience::operator_here, Names::object}},
    {"POST /api/v1/counter/appointments/:id/check-in", {Audience::operator_here, Names::object}},
    {"GET /api/v1/supervisor/kpis", {Audience::supervisor}},
    {"PUT /api/v1/admin/centers/:id", {Audience::admin}},
    {"GET /metrics", {Audience::anyone}},
};

enum class Who { nobody, password_stage, citizen, other_citizen, operator_here, operator_elsewhere, supervisor, admin };
const char* name_of(Who caller) {
    switch (caller) {
        case Who::nobody: return "nobody";
        case Who::password_stage: return "a password-stage session";
        case Who::citizen: return "the citizen";
        case Who::other_citizen: return "another citizen";
        case Who::operator_here: return "an operator of her center";
        case Who::operator_elsewhere: return "an operator of another center";
        case Who::supervisor: return "the supervisor";
        case Who::admin: return "the admin";
    }
    return "?";
}

class AuthorizationMatrix : public ::testing::Test {
protected:
    CenterServer centers;
    int port = centers.server.port();
    std::string fatima = centers.person("Fatima Al-Mutairi"), ahmed = centers.person("Ahmed Hassan"),
                omar = centers.person("Omar Ahmed");
    std::string elsewhere_center =
        centers.text("SELECT id FROM centers WHERE id <> ?1 AND shift = 'morning' ORDER BY id LIMIT 1", "al-salam-morning");
    std::map<Who, SignedInSession> sessions;
    int key = 0;

    // Her objects, made through the API as she would make them.
    std::string transaction, payment, receipt, appointment, counter_transaction, counter_payment;
    std::int64_t slot = 0;

    void SetUp() override {
        sessions[Who::citizen] = sign_in_caller(centers.server, fatima).session;
        sessions[Who::other_citizen] = sign_in_caller(centers.server, centers.mother_outside("al-salam-morning")).session;
        sessions[Who::operator_here] = sign_in_caller(centers.server, staff_civil_id(1), Role::center_operator, "al-salam-morning").session;
        sessions[Who::operator_elsewhere] = sign_in_caller(centers.server, staff_civil_id(2), Role::center_operator, elsewhere_center).session;
        sessions[Who::supervisor] = sign_in_caller(centers.server, staff_civil_id(3), Role::supervisor).session;
        sessions[Who::admin] = sign_in_caller(centers.server, staff_civil_id(4), Role::admin).session;
        const TestAccount halfway = create_test_account(centers.server, staff_civil_id(5));
        const HttpReply password = post(port, "/api/v1/session",
                                        Json{{"civil_id", halfway.civil_id}, {"password", halfway.password}}.dump());
        ASSERT_EQ(password.status, 200) << password.body;
        sessions[Who::password_stage] = {session_cookie_in(password), ""};

        const Caller her{port, sessions[Who::citizen]};
        HttpReply reply = her.post("/api/v1/transactions", renewal(ahmed), "setup-1");
        ASSERT_EQ(reply.status, 201) << reply.body;
        transaction = reply.json()["transaction"]["id"];
        payment = reply.json()["payment"]["id"];
        reply = her.post("/api/v1/transactions",
                         {{"kind", "renew_child_residency"}, {"beneficiary", centers.person("Maryam Ahmed")},
                          {"form", {{"years", 10}, {"phone", "+965 9900 0001"}}}},
                         "setup-2");
        ASSERT_EQ(reply.status, 201) << reply.body;
        ASSERT_TRUE(reply.json()["receipt"].is_object()) << "a free renewal completes at once, with its receipt: " << reply.body;
        receipt = reply.json()["receipt"]["number"];
        slot = slot_at("2026-02-11", "10:00");
        reply = her.post("/api/v1/appointments",
                         {{"center", "al-salam-morning"}, {"slot", slot}, {"kind", "renew_husband_residency"}, {"beneficiary", ahmed}},
                         "setup-3");
        ASSERT_EQ(reply.status, 201) << reply.body;
        appointment = reply.json()["appointment"]["id"];
        const Caller counter{port, sessions[Who::operator_here]};
        reply = counter.post("/api/v1/counter/transactions", counter_renewal(), "setup-4");
        ASSERT_EQ(reply.status, 201) << reply.body;
        counter_transaction = reply.json()["transaction"]["id"];
        counter_payment = reply.json()["payment"]["id"];
    }

    static Json renewal(const std::string& husband) {
        return {{"kind", "renew_husband_residency"}, {"beneficiary", husband}, {"form", {{"years", 1}, {"phone", "+965 9900 0001"}}}};
    }
    Json counter_renewal() const {  // the same, at the counter, which names the sponsor
        Json body = renewal(ahmed);
        body["sponsor"] = fatima;
        return body;
    }
    std::int64_t slot_at(const std::string& date, const std::string& starts) {
        const HttpReply reply = get(port, "/api/v1/centers/al-salam-morning/slots?date=" + date);
        const Json day = reply.json();
        for (const Json& each : day["slots"])
            if (each["starts"] == starts) return each["id"];
        ADD_FAILURE() << "no slot at " << starts << ": " << reply.body;
        return 0;
    }

    // The path with its parameters filled by her objects (the counter's own where the counter's
    // routes take them), and a body that would be accepted from the route's audience.
    std::string path_of(const std::string& pattern) const {
        std::string path = pattern;
        const auto fill = [&](const std::string& name, const std::string& value) {
            if (const auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
        };
        const bool counter = pattern.starts_with("/api/v1/counter/");
        if (pattern.find("/payments/:id") != std::string::npos) fill(":id", counter ? counter_payment : payment);
        if (pattern.find("/transactions/:id") != std::string::npos) fill(":id", counter ? counter_transaction : transaction);
        if (pattern.find("/appointments/:id") != std::string::npos) fill(":id", appointment);
        if (pattern.find("/centers/:id") != std::string::npos) fill(":id", "al-salam-morning");
        fill(":number", receipt);
        fill(":civil_id", fatima);
        if (pattern.ends_with("/slots")) path += "?date=2026-02-12";
        return path;
    }
    Json body_of(const std::string& method, const std::string& pattern) const {
        if (pattern == "/api/v1/validate") return {{"check", "civil_id"}, {"value", fatima}};
        // A wrong password for a new account each time: the throttle counts attempts per account.
        if (pattern == "/api/v1/session") return {{"civil_id", staff_civil_id(10 + key)}, {"password", "not the password"}};
        if (pattern == "/api/v1/session/verify") return {{"code", "000000"}};
        if (pattern == "/api/v1/transactions") return renewal(ahmed);
        if (pattern == "/api/v1/counter/transactions") return counter_renewal();
        if (pattern.ends_with("/test-gateway")) return {{"outcome", "decline"}};
        if (pattern == "/api/v1/appointments")
            return {{"center", "al-salam-morning"}, {"slot", slot + 1}, {"kind", "renew_child_residency"}, {"beneficiary", omar}};
        if (pattern.ends_with("/reschedule")) return {{"slot", slot + 2}};
        if (pattern == "/api/v1/counter/tickets") return {{"kind", "renew_husband_residency"}};
        if (pattern.starts_with("/api/v1/admin/centers/")) return get(port, "/api/v1/centers/al-salam-morning").json()["center"];
        (void)method;
        return Json::object();
    }

    HttpReply call(const Route& route, Who caller, bool with_csrf) {
        Headers headers;
        if (const auto found = sessions.find(caller); found != sessions.end()) {
            headers.emplace_back("Cookie", found->second.cookie);
            if (with_csrf && !found->second.csrf_token.empty()) headers.emplace_back("X-CSRF-Token", found->second.csrf_token);
        }
        headers.emplace_back("Idempotency-Key", "matrix-" + std::to_string(++key));
        const std::string path = path_of(route.pattern);
        if (route.method == "GET") return get(port, path, headers);
        const std::string body = body_of(route.method, route.pattern).dump();
        if (route.method == "POST") return post(port, path, body, "application/json", headers);
        if (route.method == "PUT") return put(port, path, body, "application/json", headers);
        return del(port, path, headers);
    }
};

// For the sign-in steps, every caller is refused (the matrix sends a wrong password and a wrong
// code), and the code says whether the attempt was judged or the caller could not make it.
std::string code_expected(const Expectation& expectation, Who caller) {
    if (expectation.audience == Audience::credentials) return "session.invalid_credentials";
    if (expectation.audience == Audience::password_stage)
        return caller == Who::password_stage ? "session.invalid_code" : "session.required";
    return "";
}

bool let_through(int status) { return status != 401 && status != 403 && status != 404 && status < 500; }

// What `caller` must get from a route of `expectation`. Empty: let through; otherwise the statuses
// that refuse it.
std::set<int> refusals_for(const Expectation& expectation, Who caller) {
    const bool signed_in = caller != Who::nobody && caller != Who::password_stage;
    switch (expectation.audience) {
        case Audience::anyone: return {};
        case Audience::credentials:
        case Audience::password_stage: return {401};  // the codes tell why: see code_expected()
        case Audience::signed_in: return signed_in ? std::set<int>{} : std::set<int>{401};
        case Audience::citizen:
            if (!signed_in) return {401};
            if (caller == Who::citizen) return {};
            if (caller == Who::other_citizen) {
                // Another's object is not found (its existence is not told); another's husband is not
                // a member of her household, which is a refusal of the form.
                if (expectation.names == Names::object) return {404};
                if (expectation.names == Names::members) return {404, 422};
                return {};
            }
            return {403};
        case Audience::operator_here:
            if (!signed_in) return {401};
            if (caller == Who::operator_here) return {};
            if (caller == Who::operator_elsewhere)
                return expectation.names == Names::nothing ? std::set<int>{} : std::set<int>{403, 404};
            return {403};
        case Audience::supervisor:
            if (!signed_in) return {401};
            return caller == Who::supervisor ? std::set<int>{} : std::set<int>{403};
        case Audience::admin:
            if (!signed_in) return {401};
            return caller == Who::admin ? std::set<int>{} : std::set<int>{403};
    }
    return {};
}

// The method and pattern of every route in the table, as the server builds it (the matrix's calls
// go to the running server over HTTP; these services only let the table be built).
std::vector<Route> route_table(Database& database) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    const SystemClock clock;
    TestGateway payments;
    const ReceiptSigner receipts = ReceiptSigner::load_or_create(database, iso_timestamp(clock.now()));
    Services services{database, rulebook, clock, payments, receipts};
    std::vector<Route> routes;
    for (const Route& route : api_routes(services)) routes.push_back({route.method, route.pattern, nullptr});
    return routes;
}

TEST_F(AuthorizationMatrix, EveryRouteHasItsAudience) {
    std::set<std::string> in_the_table;
    for (const Route& route : route_table(centers.database)) {
        const std::string name = route.method + " " + route.pattern;
        in_the_table.insert(name);
        EXPECT_TRUE(kMatrix.contains(name)) << name << " has no line in kMatrix: say who it is for";
    }
    for (const auto& [name, expectation] : kMatrix)
        EXPECT_TRUE(in_the_table.contains(name)) << name << " is in kMatrix but no longer a route";
}

TEST_F(AuthorizationMatrix, EachCallerGetsWhatTheRoutesAudienceSays) {
    // Her own calls last: they may change what they name (cancel the appointment, sign out).
    const Who order[] = {Who::nobody,        Who::password_stage,     Who::other_citizen,
                             Who::operator_here, Who::operator_elsewhere, Who::supervisor,
                             Who::admin,         Who::citizen};
    int checked = 0;
    for (const Route& route : route_table(centers.database)) {
        const std::string name = route.method + " " + route.pattern;
        const auto found = kMatrix.find(name);
        if (found == kMatrix.end()) continue;  // EveryRouteHasItsAudience names it
        const Expectation& expectation = found->second;
        const bool state_changing = route.method != "GET";
        for (const Who caller : order) {
            if (name == "DELETE /api/v1/session" && caller != Who::nobody) continue;  // below, so the sessions live on
            const std::set<int> refused_with = refusals_for(expectation, caller);
            const HttpReply reply = call(route, caller, true);
            ++checked;
            if (refused_with.empty())
                EXPECT_TRUE(let_through(reply.status))
                    << name << " as " << name_of(caller) << " should be let through, got " << reply.status << ": " << reply.body;
            else
                EXPECT_TRUE(refused_with.contains(reply.status))
                    << name << " as " << name_of(caller) << " should be refused, got " << reply.status << ": " << reply.body;
            if (const std::string code = code_expected(expectation, caller); !code.empty())
                EXPECT_EQ(reply.json()["error"]["code"], code) << name << " as " << name_of(caller);
            // Without the CSRF token, a signed-in caller's state-changing call is refused before anything.
            const bool signed_in = sessions.contains(caller) && caller != Who::password_stage;
            const bool needs_csrf = expectation.audience != Audience::anyone && expectation.audience != Audience::credentials &&
                                    expectation.audience != Audience::password_stage;
            if (state_changing && signed_in && needs_csrf) {
                const HttpReply forged = call(route, caller, false);
                ++checked;
                EXPECT_EQ(forged.status, 403) << name << " as " << name_of(caller) << " without X-CSRF-Token: " << forged.body;
            }
        }
    }
    EXPECT_GT(checked, 8 * static_cast<int>(kMatrix.size()) - 8) << "every route called as every caller";

    // Signing out: without the token refused, with it let through, for a signed-in caller; nobody gets 401.
    const Route sign_out{"DELETE", "/api/v1/session", nullptr};
    EXPECT_EQ(call(sign_out, Who::admin, false).status, 403);
    EXPECT_EQ(call(sign_out, Who::admin, true).status, 200);
    EXPECT_EQ(call(sign_out, Who::admin, true).status, 401) << "the session ended";
}

}  // namespace
}  // namespace muamala::server::testing
