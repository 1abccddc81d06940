// The one error body of the API (DESIGN.md, "API shape"), and the catalogue of errors the server
// sends on its own. Whatever goes wrong, a client reads
//   {"error":{"code":"...","message":{"en":"...","ar":"..."},"fields":[{"field","code","message"}]}}
// and can key on `code`, show `message` in the person's language, and mark each listed field.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/problem.h"
#include "common/wire.h"

namespace muamala::server {

// One input that failed, named as the request named it ("value").
struct FieldProblem {
    std::string field;
    Problem problem;
};

struct ApiError {
    int status = 500;
    std::string code;                  // stable, machine-readable; never reworded
    Text message;                      // the summary line ("There is a problem")
    std::vector<FieldProblem> fields;  // empty unless specific inputs failed
};

// A body that is not JSON, sent as it is.
struct RawBody {
    std::string content_type;
    std::string bytes;
};

// The JSON answer to one API call, before it becomes HTTP.
struct ApiReply {
    int status = 200;
    Json body;
    std::string log_detail;  // why it failed, for the server's log only: never sent to the client
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, Retry-After)
    std::optional<RawBody> raw;  // sent instead of `body` when set (GET /metrics: Prometheus text)
};

Json to_json(const ApiError& error);  // the error body; "fields" is always present, maybe empty
ApiReply to_reply(const ApiError& error);

// A refusal with its own code and message on the given status's error body; `extra` members (a
// decision, say) are added beside "error".
ApiReply refusal(int status, std::string code, Text message, const Json& extra = nullptr);

// [SECTION] The catalogue
ApiError error_for_status(int status);                           // the default body of an HTTP error status
ApiError validation_failed(std::vector<FieldProblem> fields);    // 422 "There is a problem"
ApiError malformed_request(Problem problem);                     // 400 with the core's own reason
ApiError wrong_content_type();                                   // 400: the body is not declared as JSON
ApiError length_required();                                      // 400: body without Content-Length
ApiError service_unavailable();                                  // 503: a dependency (the database) is down

}  // namespace muamala::server
