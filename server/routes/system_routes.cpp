#include "server/routes/system_routes.h"

#include <string>

#include "common/rules_request.h"
#include "server/http/openapi.h"
#include "server/storage/database.h"
#include "server/storage/schema.h"

namespace muamala::server {
namespace {

// The core's {"code","message":{"en","ar"}}, back into the type it came from.
Problem problem_from_json(const Json& problem) {
    const Json& message = problem.at("message");
    return {problem.at("code").get<std::string>(),
            {message.at("en").get<std::string>(), message.at("ar").get<std::string>()}};
}

}  // namespace

ApiReply health(Database& database) {
    const int needed = static_cast<int>(schema_migrations().size());
    std::string problem;
    try {
        const int version = schema_version(*database.connect());
        if (version == needed)
            return {200,
                    Json{{"status", "ok"}, {"version", MUAMALA_VERSION}, {"database", "ok"}, {"schema_version", version}},
                    {}};
        // Someone changed the file under the running server (a restore from an old backup, say).
        problem = "the database has schema version " + std::to_string(version) + ", this server needs " +
                  std::to_string(needed);
    } catch (const DatabaseError& failure) {
        problem = failure.what();
    }
    ApiReply reply = refusal(service_unavailable());
    reply.log_detail = "health check: " + problem;
    return reply;
}

ApiReply validate(std::string_view content_type, std::string_view body) {
    if (!is_json_media_type(content_type)) return refusal(wrong_content_type());

    const RulesAnswer answer = answer_rules_line(body);
    if (answer.answer.at("ok").get<bool>()) return {200, answer.answer, {}};

    const Json& errors = answer.answer.at("errors");
    if (answer.malformed) return refusal(malformed_request(problem_from_json(errors.at(0))));
    std::vector<FieldProblem> fields;
    for (const Json& error : errors) fields.push_back({"value", problem_from_json(error)});
    return refusal(validation_failed(std::move(fields)));
}

std::vector<Route> system_routes(Services& services) {
    return {
        {"GET", "/api/v1/health", [&services](const ApiRequest&) { return health(services.database); }},
        {"GET", "/api/v1/service",
         [&services](const ApiRequest&) {
             const PaymentProvider& payments = services.payments;
             return ApiReply{200, {{"demo", services.demo},
                                   {"payments", {{"available", payments.available()}, {"test_gateway", payments.is_test()},
                                                 {"label", to_json(payments.label())}}}}};
         }},
        {"GET", "/api/v1/openapi.json", [](const ApiRequest&) { return ApiReply{200, openapi_document()}; }},
        // The figures the server decides with, as the text it loaded: the app runs the same loader on it.
        {"GET", "/api/v1/rulebook",
         [&services](const ApiRequest&) {
             ApiReply reply{200, nullptr};
             reply.raw = RawBody{"application/json", std::string(services.rulebook_json)};
             return reply;
         }},
        {"POST", "/api/v1/validate",
         [](const ApiRequest& request) { return validate(request.header("Content-Type"), request.body); }},
    };
}

}  // namespace muamala::server
