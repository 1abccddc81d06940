// One request to the rules, as a JSON text, answered as a JSON text. This is the single entry point
// behind the muamala-rules driver (native and wasm), the golden vectors and the server's
// /api/v1/validate, so all of them give the same bytes for the same request.
#pragma once
#include <string>
#include <string_view>

#include "common/rulebook.h"
#include "common/wire.h"

namespace muamala {

// The outcome of one request: `answer` is what the driver prints. `malformed` is true when the
// request itself could not be understood (not JSON, wrong types, unknown op), as opposed to a
// well-formed request whose value failed validation.
struct RulesAnswer {
    Json answer;
    bool malformed = false;
};

// Requests: {"check":"civil_id"|"phone","value":"..."}.
// Answers: {"ok":true,"normalized":"..."} or {"ok":false,"errors":[{"code","message":{en,ar}}]}.
RulesAnswer answer_rules_line(std::string_view request_json);  // one line of JSON text
RulesAnswer answer_rules_request(const Json& request);

// Everything the muamala-rules driver answers: the checks above, and
// {"op":"evaluate","today":"YYYY-MM-DD","transaction":{...},"registry":{...}} answered with the
// decision (see wire_transactions.h). Missing or contradictory data gives a decision that names it.
RulesAnswer answer_driver_line(const Rulebook& rulebook, std::string_view request_json);

}  // namespace muamala
