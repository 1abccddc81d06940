#include "common/wire.h"

namespace muamala {

Json to_json(const Text& text) { return Json{{"en", text.en}, {"ar", text.ar}}; }

Json to_json(const Problem& problem) {
    Json json{{"code", problem.code}, {"message", to_json(problem.message)}};
    if (!problem.field.empty()) json["field"] = problem.field;
    return json;
}

Json to_json(const Validation& v) {
    if (v.ok) return Json{{"ok", true}, {"normalized", v.normalized}};
    Json errors = Json::array();
    for (const Problem& problem : v.errors) errors.push_back(to_json(problem));
    return Json{{"ok", false}, {"errors", std::move(errors)}};
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace muamala
