// The one error body of the API, and the catalogue of errors the server
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

// The one builder of a refusal: the error body of `error` on its status, with `extra` members (a
// decision, say) beside "error". Every refusal the server sends is made here, from an ApiError of
// the catalogue below or written where the refusal is decided: {409, "payment.not_pending", {...}}.
ApiReply refusal(const ApiError& error, const Json& extra = nullptr);

// [SECTION] The catalogue
ApiError error_for_status(int status);                           // the default body of an HTTP error status
// 422 "There is a problem", with every problem found, each under the request's name for its field.
// Its code is always "validation_failed": what failed is in `fields`, never in the top-level code,
// so a client reads a 422 one way whether one thing or five were wrong.
ApiError validation_failed(std::vector<FieldProblem> fields);
// 404 for anything not found, and for what exists but is not the caller's: the same answer for both,
// so a caller cannot tell someone else's transaction from one that was never made.
ApiError not_found();
ApiError malformed_request(Problem problem);                     // 400 with the core's own reason
ApiError wrong_content_type();                                   // 400: the body is not declared as JSON
ApiError length_required();                                      // 400: body without Content-Length
ApiError service_unavailable();                                  // 503: a dependency (the database) is down

}  // namespace muamala::server
