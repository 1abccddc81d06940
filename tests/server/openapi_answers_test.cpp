// The OpenAPI document against the server's real answers: every operation is called on a seeded
// server (its answers of success and several refusals), and each JSON answer must match the schema
// the document gives for that operation and status. A field renamed, added or dropped on either
// side shows up here. json_schema.h's checker is tested first, so a pass means something.
#include <gtest/gtest.h>

#include <set>

#include "server/http/api_routes.h"
#include "server/http/openapi.h"
#include "tests/server/json_schema.h"
#include "tests/server/service_centers_fixture.h"

namespace muamala::server::testing {
namespace {

// [SECTION] The checker itself

const Json kTinyDocument = Json::parse(R"({"components": {"schemas": {
    "Text": {"type": "object", "required": ["en", "ar"], "additionalProperties": false,
             "properties": {"en": {"type": "string"}, "ar": {"type": "string"}}}}}})");

std::vector<std::string> mismatches(const Json& value, const char* schema) {
    return schema_mismatches(value, Json::parse(schema), kTinyDocument);
}

TEST(JsonSchemaChecker, PassesWhatMatches) {
    EXPECT_TRUE(mismatches(Json{{"en", "a"}, {"ar", "ب"}}, R"({"$ref": "#/components/schemas/Text"})").empty());
    EXPECT_TRUE(mismatches(nullptr, R"({"type": "string", "nullable": true})").empty());
    EXPECT_TRUE(mismatches("2026-02-10", R"({"type": "string", "format": "date"})").empty());
    EXPECT_TRUE(mismatches("2026-02-10T06:00:00.000Z", R"({"type": "string", "format": "date-time"})").empty());
    EXPECT_TRUE(mismatches(Json{{"a", 1}, {"b", true}},
                           R"({"allOf": [{"type": "object", "required": ["a"]}, {"required": ["b"]}]})").empty());
}

TEST(JsonSchemaChecker, NamesEachMismatchWithItsPath) {
    EXPECT_EQ(mismatches(Json{{"en", "a"}}, R"({"$ref": "#/components/schemas/Text"})"),
              std::vector<std::string>{"$: has no ar"});
    EXPECT_EQ(mismatches(Json{{"en", "a"}, {"ar", 2}, {"fr", "b"}}, R"({"$ref": "#/components/schemas/Text"})"),
              (std::vector<std::string>{"$: has fr, which the schema does not describe", "$.ar: is number, not string"}));
    EXPECT_EQ(mismatches(Json::array({1, "x"}), R"({"type": "array", "items": {"type": "integer"}})"),
              std::vector<std::string>{"$[1]: is string, not integer"});
    EXPECT_EQ(mismatches(nullptr, R"({"type": "string"})"), std::vector<std::string>{"$: is null, not string"});
    EXPECT_EQ(mismatches("late", R"({"enum": ["pending", "approved"]})").size(), 1u);
    EXPECT_EQ(mismatches("2026-02-30", R"({"format": "date"})").size(), 1u);
    EXPECT_EQ(mismatches("2026-02-10 06:00", R"({"format": "date-time"})").size(), 1u);
    EXPECT_EQ(mismatches("R-1", R"({"pattern": "^[01]+$"})").size(), 1u);
    EXPECT_EQ(mismatches(1, R"({"$ref": "#/components/schemas/Nothing"})").size(), 1u);
    EXPECT_EQ(mismatches(1, R"({"minimum": 0})"), std::vector<std::string>{"$: the schema uses minimum, which this checker does not know"});
}

TEST(JsonSchemaChecker, FindsTheSchemaOfAStatusOrItsRange) {
    const Json& document = openapi_document();
    EXPECT_NE(response_schema(document, "get", "/api/v1/transactions/{id}", 200), nullptr);
    EXPECT_NE(response_schema(document, "get", "/api/v1/transactions/{id}", 404), nullptr);
    EXPECT_NE(response_schema(document, "get", "/api/v1/health", 414), nullptr) << "from its 4XX";
    EXPECT_EQ(response_schema(document, "get", "/api/v1/transactions/{id}", 418), nullptr);
    EXPECT_EQ(response_schema(document, "get", "/metrics", 200), nullptr) << "text, not JSON";
}

// [SECTION] Every operation, answered for real

// Calls the seeded server and checks each answer against the document; remembers which operations
// and statuses it saw.
class OpenApiAnswers : public ::testing::Test {
protected:
    CenterServer centers{6, CounterPolicy::area, 3};
    const Json& document = openapi_document();
    std::set<std::string> answered;  // "get /api/v1/health"
    std::set<std::string> statuses;  // "get /api/v1/health 200"

    // `reply` is the answer to `method` on the documented `path`; it must be JSON matching the
    // schema the document gives for its status.
    HttpReply check(const std::string& method, const std::string& path, HttpReply reply) {
        answered.insert(method + " " + path);
        statuses.insert(method + " " + path + " " + std::to_string(reply.status));
        const Json* schema = response_schema(document, method, path, reply.status);
        if (!schema) {
            ADD_FAILURE() << method << " " << path << " answered " << reply.status
                          << ", which the document gives no JSON schema for: " << reply.body.substr(0, 300);
            return reply;
        }
        const Json body = reply.json();
        if (body.is_discarded()) {
            ADD_FAILURE() << method << " " << path << " " << reply.status << " is not JSON";
            return reply;
        }
        for (const std::string& mismatch : schema_mismatches(body, *schema, document))
            ADD_FAILURE() << method << " " << path << " " << reply.status << ": " << mismatch;
        return reply;
    }

    Caller signed_in(const std::string& civil_id, Role role = Role::citizen,
                     const std::optional<std::string>& center = std::nullopt) {
        return sign_in_caller(centers.server, civil_id, role, center);
    }
    int port() const { return centers.server.port(); }
};

TEST_F(OpenApiAnswers, EveryOperationAnswersAsDocumented) {
    const std::string fatima = centers.person("Fatima Al-Mutairi"), ahmed = centers.person("Ahmed Hassan");
    const std::string omar = centers.person("Omar Ahmed");
    const std::string tomorrow = "2026-02-11";

    // System
    check("get", "/api/v1/health", get(port(), "/api/v1/health"));
    check("get", "/api/v1/openapi.json", get(port(), "/api/v1/openapi.json"));
    check("get", "/api/v1/rulebook", get(port(), "/api/v1/rulebook"));
    check("get", "/api/v1/service", get(port(), "/api/v1/service"));
    check("post", "/api/v1/validate", post(port(), "/api/v1/validate", dump(Json{{"check", "civil_id"}, {"value", fatima}})));
    check("post", "/api/v1/validate", post(port(), "/api/v1/validate", dump(Json{{"check", "civil_id"}, {"value", "12"}})));
    check("post", "/api/v1/validate", post(port(), "/api/v1/validate", "not json"));
    answered.insert("get /metrics");
    const HttpReply metrics = get(port(), "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_TRUE(metrics.header("Content-Type").starts_with("text/plain"));

    // Sign-in, step by step
    const TestAccount account = create_test_account(centers.server, staff_civil_id(9));
    check("post", "/api/v1/session", post(port(), "/api/v1/session", dump(Json{{"civil_id", account.civil_id}, {"password", "wrong"}})));
    check("post", "/api/v1/session", post(port(), "/api/v1/session", dump(Json{{"civil_id", "12"}, {"password", ""}})));
    const HttpReply password = check("post", "/api/v1/session",
                                     post(port(), "/api/v1/session",
                                          dump(Json{{"civil_id", account.civil_id}, {"password", account.password}})));
    const Headers password_stage{{"Cookie", session_cookie_in(password)}};
    check("post", "/api/v1/session/verify", post(port(), "/api/v1/session/verify", dump(Json{{"code", "12"}}), "application/json", password_stage));
    const HttpReply verified = check("post", "/api/v1/session/verify",
                                     post(port(), "/api/v1/session/verify",
                                          dump(Json{{"code", next_unused_totp_code(centers.server, account)}}),
                                          "application/json", password_stage));
    const Headers signed_in_cookie{{"Cookie", session_cookie_in(verified)}};
    check("get", "/api/v1/session", get(port(), "/api/v1/session", signed_in_cookie));
    check("delete", "/api/v1/session", del(port(), "/api/v1/session", signed_in_cookie));  // without the CSRF token
    Headers signing_out = signed_in_cookie;
    signing_out.emplace_back("X-CSRF-Token", verified.json()["csrf_token"].get<std::string>());
    check("delete", "/api/v1/session", del(port(), "/api/v1/session", signing_out));
    check("get", "/api/v1/session", get(port(), "/api/v1/session", signed_in_cookie));

    // The counter at Al-Salam opens a paid transaction for Fatima's husband, and its payment times out
    const Caller counter = signed_in(staff_civil_id(1), Role::center_operator, "al-salam-morning");
    const HttpReply at_counter =
        check("post", "/api/v1/counter/transactions",
              counter.post("/api/v1/counter/transactions",
                           {{"sponsor", fatima}, {"kind", "renew_husband_residency"}, {"beneficiary", ahmed},
                            {"form", {{"years", 1}, {"phone", "+965 9900 0001"}}}}, "c-1"));
    ASSERT_EQ(at_counter.status, 201) << at_counter.body;
    const std::string counter_payment = at_counter.json()["payment"]["id"];
    const std::string counter_transaction = at_counter.json()["transaction"]["id"];
    check("post", "/api/v1/counter/payments/{id}/test-gateway",
          counter.post("/api/v1/counter/payments/" + counter_payment + "/test-gateway", {{"outcome", "timeout"}}, "c-2"));
    check("post", "/api/v1/counter/payments/{id}/test-gateway",
          counter.post("/api/v1/counter/payments/P-NOTHING/test-gateway", {{"outcome", "approve"}}, "c-3"));
    check("post", "/api/v1/counter/transactions/{id}/payments",
          counter.post("/api/v1/counter/transactions/" + counter_transaction + "/payments", Json::object(), "c-4"));
    check("post", "/api/v1/counter/transactions/{id}/payments",
          counter.post("/api/v1/counter/transactions/T-NOTHING/payments", Json::object(), "c-5"));

    // The citizen: household, a paid transaction through every payment outcome, receipts, messages
    const Caller citizen = signed_in(fatima);
    check("get", "/api/v1/household", citizen.get("/api/v1/household"));
    const Json renewal{{"kind", "renew_husband_residency"}, {"beneficiary", ahmed},
                       {"form", {{"years", 1}, {"phone", "+965 9900 0001"}}}};
    const HttpReply submitted = check("post", "/api/v1/transactions", citizen.post("/api/v1/transactions", renewal, "t-1"));
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const std::string transaction = submitted.json()["transaction"]["id"];
    const std::string payment = submitted.json()["payment"]["id"];
    check("post", "/api/v1/transactions",
          citizen.post("/api/v1/transactions",
                       {{"kind", "renew_child_residency"}, {"beneficiary", omar}, {"form", {{"years", 11}, {"phone", "12"}}}}, "t-2"));
    check("post", "/api/v1/transactions", citizen.post("/api/v1/transactions", {{"kind", 1}}, "t-3"));
    check("post", "/api/v1/transactions/{id}/payments", citizen.post("/api/v1/transactions/" + transaction + "/payments", Json::object(), "p-0"));
    check("post", "/api/v1/payments/{id}/test-gateway",
          citizen.post("/api/v1/payments/" + payment + "/test-gateway", {{"outcome", "decline"}}, "p-1"));
    check("post", "/api/v1/payments/{id}/test-gateway",
          citizen.post("/api/v1/payments/" + payment + "/test-gateway", {{"outcome", "approve"}}, "p-2"));
    const HttpReply reopened =
        check("post", "/api/v1/transactions/{id}/payments", citizen.post("/api/v1/transactions/" + transaction + "/payments", Json::object(), "p-3"));
    ASSERT_EQ(reopened.status, 201) << reopened.body;
    const HttpReply paid = check("post", "/api/v1/payments/{id}/test-gateway",
                                 citizen.post("/api/v1/payments/" + reopened.json()["payment"]["id"].get<std::string>() + "/test-gateway",
                                              {{"outcome", "approve"}}, "p-4"));
    ASSERT_EQ(paid.status, 200) << paid.body;
    check("post", "/api/v1/transactions/{id}/payments", citizen.post("/api/v1/transactions/" + transaction + "/payments", Json::object(), "p-5"));
    const std::string receipt = paid.json()["receipt"]["number"];
    check("get", "/api/v1/transactions", citizen.get("/api/v1/transactions"));
    check("get", "/api/v1/transactions/{id}", citizen.get("/api/v1/transactions/" + transaction));
    check("get", "/api/v1/transactions/{id}", citizen.get("/api/v1/transactions/T-NOTHING"));
    check("get", "/api/v1/receipts/{number}", citizen.get("/api/v1/receipts/" + receipt));
    check("get", "/api/v1/receipts/{number}", citizen.get("/api/v1/receipts/R-NOTHING"));
    check("get", "/api/v1/receipts/{number}/verify", get(port(), "/api/v1/receipts/" + receipt + "/verify"));
    check("get", "/api/v1/receipts/{number}/verify", get(port(), "/api/v1/receipts/R-NOTHING/verify"));
    check("get", "/api/v1/messages", citizen.get("/api/v1/messages"));
    check("get", "/api/v1/messages", get(port(), "/api/v1/messages"));

    // Centers and their slots
    check("get", "/api/v1/centers", get(port(), "/api/v1/centers?governorate=hawalli"));
    check("get", "/api/v1/centers", get(port(), "/api/v1/centers?shift=night"));
    check("get", "/api/v1/centers/{id}", get(port(), "/api/v1/centers/al-salam-morning"));
    check("get", "/api/v1/centers/{id}", get(port(), "/api/v1/centers/atlantis"));
    const HttpReply day = check("get", "/api/v1/centers/{id}/slots", get(port(), "/api/v1/centers/al-salam-morning/slots?date=" + tomorrow));
    check("get", "/api/v1/centers/{id}/slots", get(port(), "/api/v1/centers/al-salam-morning/slots?date=11/02/2026"));
    const auto slot_at = [&](const HttpReply& slots, const std::string& starts) {
        const Json day_slots = slots.json();  // kept: a loop over part of a temporary would outlive it
        for (const Json& slot : day_slots["slots"])
            if (slot["starts"] == starts) return slot["id"].get<std::int64_t>();
        ADD_FAILURE() << "no slot at " << starts;
        return std::int64_t{0};
    };

    // Appointments: booked, moved, cancelled; one today for the counter to check in
    const HttpReply booked = check("post", "/api/v1/appointments",
                                   citizen.post("/api/v1/appointments", {{"center", "al-salam-morning"}, {"slot", slot_at(day, "10:00")},
                                                                         {"kind", "renew_child_residency"}, {"beneficiary", omar}}, "a-1"));
    ASSERT_EQ(booked.status, 201) << booked.body;
    const std::string appointment = booked.json()["appointment"]["id"];
    check("post", "/api/v1/appointments", citizen.post("/api/v1/appointments", {{"center", "atlantis"}}, "a-2"));
    check("post", "/api/v1/appointments/{id}/reschedule",
          citizen.post("/api/v1/appointments/" + appointment + "/reschedule", {{"slot", slot_at(day, "11:00")}}, "a-3"));
    check("post", "/api/v1/appointments/{id}/reschedule",
          citizen.post("/api/v1/appointments/" + appointment + "/reschedule", {{"slot", "eleven"}}, "a-4"));
    check("get", "/api/v1/appointments", citizen.get("/api/v1/appointments"));
    check("delete", "/api/v1/appointments/{id}", citizen.del("/api/v1/appointments/" + appointment, "a-5"));
    check("delete", "/api/v1/appointments/{id}", citizen.del("/api/v1/appointments/" + appointment, "a-6"));
    check("delete", "/api/v1/appointments/{id}", citizen.del("/api/v1/appointments/A-NOTHING", "a-7"));
    const HttpReply today = get(port(), "/api/v1/centers/al-salam-morning/slots");
    const HttpReply visit = citizen.post("/api/v1/appointments", {{"center", "al-salam-morning"}, {"slot", slot_at(today, "10:00")},
                                                                  {"kind", "renew_husband_residency"}, {"beneficiary", ahmed}}, "a-8");
    ASSERT_EQ(visit.status, 201) << visit.body;

    // The rest of the counter
    check("get", "/api/v1/counter/households/{civil_id}", counter.get("/api/v1/counter/households/" + fatima));
    check("get", "/api/v1/counter/households/{civil_id}", counter.get("/api/v1/counter/households/12345"));
    check("get", "/api/v1/counter/households/{civil_id}", citizen.get("/api/v1/counter/households/" + fatima));
    check("post", "/api/v1/counter/tickets", counter.post("/api/v1/counter/tickets", Json::object(), "c-6"));
    check("post", "/api/v1/counter/tickets", citizen.post("/api/v1/counter/tickets", Json::object(), "c-7"));
    const std::string visit_id = visit.json()["appointment"]["id"];
    check("post", "/api/v1/counter/appointments/{id}/check-in",
          counter.post("/api/v1/counter/appointments/" + visit_id + "/check-in", Json::object(), "c-8"));
    check("post", "/api/v1/counter/appointments/{id}/check-in",
          counter.post("/api/v1/counter/appointments/" + visit_id + "/check-in", Json::object(), "c-9"));
    check("get", "/api/v1/counter/queue", counter.get("/api/v1/counter/queue"));
    check("get", "/api/v1/counter/queue", citizen.get("/api/v1/counter/queue"));

    // The supervisor's figures and the admin's edit
    check("get", "/api/v1/supervisor/kpis", signed_in(staff_civil_id(2), Role::supervisor).get("/api/v1/supervisor/kpis"));
    check("get", "/api/v1/supervisor/kpis", citizen.get("/api/v1/supervisor/kpis"));
    const Caller admin = signed_in(staff_civil_id(3), Role::admin);
    Json center = get(port(), "/api/v1/centers/salmiya-morning").json()["center"];
    center["name"]["en"] = "Salmiya Citizen Service Center (renovated)";
    check("put", "/api/v1/admin/centers/{id}", admin.put("/api/v1/admin/centers/salmiya-morning", center, "e-1"));
    center["slots"]["capacity"] = 0;
    check("put", "/api/v1/admin/centers/{id}", admin.put("/api/v1/admin/centers/salmiya-morning", center, "e-2"));
    check("put", "/api/v1/admin/centers/{id}", admin.put("/api/v1/admin/centers/atlantis", center, "e-3"));
    check("put", "/api/v1/admin/centers/{id}", citizen.put("/api/v1/admin/centers/salmiya-morning", center, "e-4"));

    // Every operation the document lists was answered, and each answer above had a 2xx among them.
    std::set<std::string> documented;
    for (const auto& [path, operations] : document["paths"].items())
        for (const auto& [method, operation] : operations.items()) documented.insert(method + " " + path);
    EXPECT_EQ(answered, documented);
    for (const std::string& operation : documented) {
        const bool succeeded = std::ranges::any_of(statuses, [&](const std::string& seen) {
            return seen.starts_with(operation + " 2");
        });
        EXPECT_TRUE(succeeded || operation == "get /metrics") << operation << " never answered with success here";
    }
}

}  // namespace
}  // namespace muamala::server::testing
