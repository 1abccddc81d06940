// /api/v1 over real HTTP: health, validate, and bad input of every kind, each answered with the one
// error body (docs/design.md, "API shape") while the server goes on serving.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "common/civil_id.h"
#include "common/rules_request.h"
#include "server/storage/schema.h"
#include "test_support.h"

namespace muamala::server::testing {
namespace {

// The error body's shape, whatever the error: {"error":{"code","message":{"en","ar"},"fields":[...]}}.
void expect_error_body(const HttpReply& reply, int status, const std::string& code) {
    SCOPED_TRACE(reply.body);
    EXPECT_EQ(reply.status, status);
    EXPECT_EQ(reply.header("Content-Type"), "application/json");
    const Json body = reply.json();
    ASSERT_TRUE(body.is_object());
    ASSERT_EQ(body.size(), 1u);
    const Json& error = body.at("error");
    EXPECT_EQ(error.at("code"), code);
    EXPECT_FALSE(error.at("message").at("en").get<std::string>().empty());
    EXPECT_FALSE(error.at("message").at("ar").get<std::string>().empty());
    EXPECT_TRUE(error.at("fields").is_array());
}

void expect_still_serving(int port) {
    EXPECT_EQ(get(port, "/api/v1/health").status, 200);
    EXPECT_EQ(post(port, "/api/v1/validate", R"({"check":"civil_id","value":"280010101234"})").status, 200);
}

std::string validate_request(const std::string& check, const std::string& value) {
    return dump(Json{{"check", check}, {"value", value}});
}

// [SECTION] Health

TEST(ApiHealth, ReportsVersionAndTheSchemaVersionReadFromTheDatabase) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/api/v1/health");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "application/json");
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    EXPECT_EQ(reply.json(), (Json{{"status", "ok"},
                                  {"version", MUAMALA_VERSION},
                                  {"database", "ok"},
                                  {"schema_version", schema_migrations().size()}}));
}

TEST(ApiHealth, AnswersServiceUnavailableWhenTheQueryFailsAndLogsWhyUnderTheRequestId) {
    RunningServer server;
    Connection::open(server.database_file()).execute("ALTER TABLE schema_migrations RENAME COLUMN version TO step");

    const HttpReply reply = get(server.port(), "/api/v1/health");
    expect_error_body(reply, 503, "service.unavailable");
    EXPECT_EQ(reply.body.find("version"), std::string::npos) << "internals must not reach the client";

    const std::string log = server.stop_and_read_log();
    const std::string request_id = reply.header("X-Request-Id");
    ASSERT_FALSE(request_id.empty());
    EXPECT_NE(log.find(R"("level":"error","request_id":")" + request_id + R"(","message":"health check: )"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("no such column: version"), std::string::npos) << log;
}

TEST(ApiHealth, AnswersServiceUnavailableWhenTheSchemaIsNotThisServers) {
    RunningServer server;
    Connection::open(server.database_file()).execute("DROP TABLE schema_migrations");
    expect_error_body(get(server.port(), "/api/v1/health"), 503, "service.unavailable");
    EXPECT_NE(server.stop_and_read_log().find("the database has schema version 0, this server needs "),
              std::string::npos);
}

// [SECTION] Validate

TEST(ApiValidate, AcceptsArabicIndicDigitsAndAnswersTheCanonicalForm) {
    RunningServer server;
    const HttpReply reply = post(server.port(), "/api/v1/validate", validate_request("civil_id", "٢٨٠٠١٠١٠١٢٣٤"));
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, R"({"ok":true,"normalized":"280010101234"})");
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
}

TEST(ApiValidate, AnswersTheSameBytesAsTheCoreForAnAcceptedValue) {
    RunningServer server;
    const std::string request = validate_request("phone", "+965 5000 0000");
    EXPECT_EQ(post(server.port(), "/api/v1/validate", request).body, dump(answer_rules_line(request).answer));
}

TEST(ApiValidate, ListsTheFailureAsAFieldUnderTheSummaryWith422) {
    RunningServer server;
    const HttpReply reply = post(server.port(), "/api/v1/validate", validate_request("civil_id", "12345"));
    EXPECT_EQ(reply.status, 422);
    const Problem expected = validate_civil_id("12345").errors.at(0);
    ASSERT_EQ(expected.code, "civil_id.length");
    EXPECT_EQ(reply.json(),
              (Json{{"error",
                     {{"code", "validation_failed"},
                      {"message", {{"en", "There is a problem"}, {"ar", "هناك مشكلة"}}},
                      {"fields",
                       Json::array({{{"field", "value"},
                                     {"code", expected.code},
                                     {"message", {{"en", expected.message.en}, {"ar", expected.message.ar}}}}})}}}}));
}

TEST(ApiValidate, AnswersMalformedRequestsWith400AndTheCoreReasonThenGoesOnServing) {
    RunningServer server;
    const struct {
        const char* why;
        std::string body;
        const char* code;
    } cases[] = {
        {"empty body", "", "request.invalid_json"},
        {"not JSON", "{\"check\":", "request.invalid_json"},
        {"invalid UTF-8 in a string", "{\"check\":\"civil_id\",\"value\":\"28001\xff\xfe\"}", "request.invalid_json"},
        {"overlong UTF-8 encoding", "{\"check\":\"civil_id\",\"value\":\"\xc0\xaf\"}", "request.invalid_json"},
        {"not an object", "[\"civil_id\",\"280010101234\"]", "request.not_object"},
        {"value is a number", R"({"check":"civil_id","value":280010101234})", "request.value_missing"},
        {"check is a number", R"({"check":7,"value":"280010101234"})", "request.check_missing"},
        {"value missing", R"({"check":"civil_id"})", "request.value_missing"},
        {"unknown check", R"({"check":"passport","value":"X1234567"})", "request.unknown_check"},
    };
    for (const auto& malformed : cases) {
        SCOPED_TRACE(malformed.why);
        const HttpReply reply = post(server.port(), "/api/v1/validate", malformed.body);
        expect_error_body(reply, 400, malformed.code);
        EXPECT_EQ(reply.json().at("error").at("fields"), Json::array());
    }
    expect_still_serving(server.port());
}

TEST(ApiValidate, RequiresABodyDeclaredAsJson) {
    RunningServer server;
    const std::string request = validate_request("civil_id", "280010101234");
    expect_error_body(post(server.port(), "/api/v1/validate", request, "text/plain"), 400, "request.content_type");
    expect_error_body(post(server.port(), "/api/v1/validate", request, "application/jsonx"), 400, "request.content_type");
    EXPECT_EQ(post(server.port(), "/api/v1/validate", request, "application/json; charset=utf-8").status, 200);
    EXPECT_EQ(post(server.port(), "/api/v1/validate", request, "Application/JSON").status, 200);
}

// [SECTION] Limits

TEST(ApiLimits, ReadsABodyOfExactlyTheLimit) {
    RunningServer server;
    const std::string empty = validate_request("civil_id", "");
    const std::string at_limit = validate_request("civil_id", std::string(request_body_limit_bytes - empty.size(), 'x'));
    ASSERT_EQ(at_limit.size(), request_body_limit_bytes);
    const HttpReply reply = post(server.port(), "/api/v1/validate", at_limit);
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.json().at("error").at("fields").at(0).at("code"), "civil_id.not_digits");
}

TEST(ApiLimits, RefusesABodyOverTheLimitWith413AndTheErrorBodyThenGoesOnServing) {
    RunningServer server;
    const std::string one_megabyte = validate_request("civil_id", std::string(1024 * 1024, '1'));
    expect_error_body(post(server.port(), "/api/v1/validate", one_megabyte), 413, "request.too_large");

    const std::string empty = validate_request("civil_id", "");
    const std::string one_over = validate_request("civil_id", std::string(request_body_limit_bytes + 1 - empty.size(), 'x'));
    expect_error_body(post(server.port(), "/api/v1/validate", one_over), 413, "request.too_large");
    expect_still_serving(server.port());
}

TEST(ApiLimits, RefusesAChunkedBodyWhoseSizeCannotBeBoundedThenGoesOnServing) {
    RunningServer server;
    const HttpReply reply = post_chunked(server.port(), "/api/v1/validate", validate_request("civil_id", "280010101234"));
    expect_error_body(reply, 400, "request.length_required");
    EXPECT_EQ(reply.header("Connection"), "close");
    expect_still_serving(server.port());
}

// [SECTION] Everything else

TEST(ApiRouting, AnswersUnknownApiPathsAndMethodsWith404AndTheErrorBody) {
    RunningServer server;
    expect_error_body(get(server.port(), "/api/v1/nothing-here"), 404, "not_found");
    expect_error_body(post(server.port(), "/api/v1/nothing-here", "{}"), 404, "not_found");
    expect_error_body(get(server.port(), "/api/v1/validate"), 404, "not_found");
    expect_error_body(post(server.port(), "/api/v1/health", "{}"), 404, "not_found");
}

TEST(ApiRouting, GivesEvenARequestHttplibCannotParseTheErrorBodyAndHeaders) {
    RunningServer server;
    const std::string answer = raw_exchange(server.port(), "NONSENSE\r\n\r\n");
    ASSERT_TRUE(answer.starts_with("HTTP/1.1 400 ")) << answer;
    EXPECT_NE(answer.find("\r\nX-Request-Id: "), std::string::npos) << answer;
    EXPECT_NE(answer.find("\r\nX-Content-Type-Options: nosniff"), std::string::npos) << answer;
    EXPECT_NE(answer.find(R"({"error":{"code":"request.malformed",)"), std::string::npos) << answer;
}

TEST(ApiHeaders, EveryKindOfResponseCarriesTheSecurityHeadersAndARequestId) {
    RunningServer server;
    const HttpReply replies[] = {
        get(server.port(), "/api/v1/health"),
        get(server.port(), "/"),
        get(server.port(), "/missing.js"),
        post(server.port(), "/api/v1/validate", validate_request("civil_id", "1")),
        post(server.port(), "/api/v1/validate", std::string(request_body_limit_bytes + 1, ' ')),
    };
    for (const HttpReply& reply : replies) {
        SCOPED_TRACE(reply.status);
        EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(reply.header("Referrer-Policy"), "no-referrer");
        EXPECT_EQ(reply.header("X-Frame-Options"), "DENY");
        EXPECT_EQ(reply.header("Content-Security-Policy"),
                  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                  "frame-ancestors 'none'");
        EXPECT_EQ(reply.header("X-Request-Id").size(), 32u);
    }
    EXPECT_NE(replies[0].header("X-Request-Id"), replies[1].header("X-Request-Id"));
}

TEST(ApiLog, WritesOneJsonLinePerRequestWithItsIdAndNeverTheQueryString) {
    RunningServer server;
    const HttpReply health = get(server.port(), "/api/v1/health");
    const HttpReply missing = get(server.port(), "/api/v1/nowhere?token=secret-token");
    const std::string log = server.stop_and_read_log();

    // A line is written once its response is sent, so two requests may log in either order.
    std::map<std::string, Json> by_request_id;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        Json entry = Json::parse(line);
        by_request_id.emplace(entry.at("request_id").get<std::string>(), std::move(entry));
    }
    ASSERT_EQ(by_request_id.size(), 2u) << log;
    const Json& first = by_request_id[health.header("X-Request-Id")];
    EXPECT_EQ(first.value("level", ""), "access");
    EXPECT_EQ(first.value("method", ""), "GET");
    EXPECT_EQ(first.value("path", ""), "/api/v1/health");
    EXPECT_EQ(first.value("status", 0), 200);
    EXPECT_GE(first.value("duration_ms", -1.0), 0.0);
    EXPECT_TRUE(first.value("time", "").ends_with("Z"));
    const Json& second = by_request_id[missing.header("X-Request-Id")];
    EXPECT_EQ(second.value("path", ""), "/api/v1/nowhere");
    EXPECT_EQ(second.value("status", 0), 404);
    EXPECT_EQ(log.find("secret-token"), std::string::npos);
}

}  // namespace
}  // namespace muamala::server::testing
