// The server's second opinion on a civil ID: POST /api/v1/validate {"check":"civil_id","value":..}.
// The request and the reading of its answer live here, apart from any drawing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/problem.h"

namespace muamala::client {

struct ServerAnswer {
    enum class Kind {
        Accepted,     // 200 {"ok":true,"normalized":..}
        Rejected,     // 422 with the standard error body: `problems` says why
        Unreachable,  // no HTTP answer at all
        Unexpected,   // any other status, or a body that does not read as the API promises
    };
    Kind kind = Kind::Unreachable;
    std::string normalized;         // Accepted: the 12 ASCII digits
    std::vector<Problem> problems;  // Rejected: each field's problem, or the error itself when no field is named
    int http_status = 0;            // Unexpected
};

// Relative to the page, like every URL the app fetches: the app keeps working behind a proxy that
// serves it under a path prefix.
inline constexpr std::string_view kValidateUrl = "api/v1/validate";

std::string civil_id_check_request(std::string_view typed);        // the JSON body, `typed` as typed
ServerAnswer read_civil_id_check(int http_status, std::string_view body);

}  // namespace muamala::client
