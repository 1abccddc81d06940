#include "client/server_check.h"

#include "common/wire.h"

namespace muamala::client {
namespace {

// JSON lookups that never throw (the wasm build has no exceptions): a missing key or a wrong type
// reads as "absent".
const Json* member(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

const std::string* string_member(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_string() ? value->get_ptr<const std::string*>() : nullptr;
}

// {"en":..,"ar":..}, both present.
bool read_text(const Json* json, Text& text) {
    if (!json) return false;
    const std::string* en = string_member(*json, "en");
    const std::string* ar = string_member(*json, "ar");
    if (!en || !ar) return false;
    text = {*en, *ar};
    return true;
}

// {"code":..,"message":{..}} as found in the error body and in each of its fields.
bool read_problem(const Json& json, Problem& problem) {
    const std::string* code = string_member(json, "code");
    if (!code) return false;
    problem.code = *code;
    return read_text(member(json, "message"), problem.message);
}

ServerAnswer unexpected(int http_status) { return {ServerAnswer::Kind::Unexpected, {}, {}, http_status}; }

}  // namespace

std::string civil_id_check_request(std::string_view typed) {
    return dump(Json{{"check", "civil_id"}, {"value", std::string(typed)}});
}

ServerAnswer read_civil_id_check(int http_status, std::string_view body) {
    if (http_status == 0) return {ServerAnswer::Kind::Unreachable, {}, {}, 0};
    const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return unexpected(http_status);

    if (http_status == 200) {
        const Json* ok = member(json, "ok");
        const std::string* normalized = string_member(json, "normalized");
        if (!ok || !ok->is_boolean() || !ok->get<bool>() || !normalized) return unexpected(http_status);
        return {ServerAnswer::Kind::Accepted, *normalized, {}, http_status};
    }
    if (http_status == 422) {
        const Json* error = member(json, "error");
        ServerAnswer answer{ServerAnswer::Kind::Rejected, {}, {}, http_status};
        if (const Json* fields = error ? member(*error, "fields") : nullptr; fields && fields->is_array()) {
            for (const Json& field : *fields) {
                Problem problem;
                if (read_problem(field, problem)) answer.problems.push_back(std::move(problem));
            }
        }
        Problem whole;
        if (answer.problems.empty() && error && read_problem(*error, whole)) answer.problems.push_back(std::move(whole));
        if (answer.problems.empty()) return unexpected(http_status);
        return answer;
    }
    return unexpected(http_status);
}

}  // namespace muamala::client
