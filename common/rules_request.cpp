#include "common/rules_request.h"

#include "common/civil_id.h"
#include "common/evaluate.h"
#include "common/phone.h"
#include "common/reasons.h"
#include "common/wire_transactions.h"

namespace muamala {
namespace {

RulesAnswer malformed(const char* code, Text message) {
    return {to_json(rejected(Problem{code, std::move(message)})), true};
}

Json parse_request(std::string_view request_json) {
    // allow_exceptions=false: a parse error gives a discarded value instead of throwing. nlohmann's
    // lexer also rejects invalid UTF-8 inside strings, so such a line lands here too.
    return Json::parse(request_json.begin(), request_json.end(), nullptr, false);
}

RulesAnswer invalid_json() {
    return malformed("request.invalid_json",
                     {"The request is not valid JSON (or not valid UTF-8)", "الطلب ليس JSON صالحًا (أو ليس UTF-8 صالحًا)"});
}

RulesAnswer answer_evaluate(const Rulebook& rulebook, const Json& request) {
    std::vector<Problem> problems;
    const TransactionRequest transaction = request_from_json(request, problems);
    const auto registry_json = request.find("registry");
    Registry registry;
    if (registry_json == request.end()) problems.push_back(reason("registry.invalid", {.name = "registry"}));
    else registry = registry_from_json(*registry_json, problems);
    if (!problems.empty()) {
        // The request cannot be decided as sent: a refusal that names every problem.
        Decision refused;
        refused.kind = transaction.kind;
        if (transaction.today_valid) refused.today = transaction.today;
        refused.reasons = std::move(problems);
        return {to_json(refused), false};
    }
    return {to_json(evaluate(rulebook, registry, transaction)), false};
}

}  // namespace

RulesAnswer answer_rules_request(const Json& request) {
    if (!request.is_object())
        return malformed("request.not_object", {"The request must be a JSON object", "يجب أن يكون الطلب كائن JSON"});
    const auto check = request.find("check");
    if (check == request.end() || !check->is_string())
        return malformed("request.check_missing",
                         {"The request must name a check as a string in \"check\"",
                          "يجب أن يحدد الطلب نوع التحقق كنص في الحقل \"check\""});
    const auto value = request.find("value");
    if (value == request.end() || !value->is_string())
        return malformed("request.value_missing",
                         {"The request must carry the value to check as a string in \"value\"",
                          "يجب أن يحمل الطلب القيمة المطلوب التحقق منها كنص في الحقل \"value\""});
    const std::string& kind = check->get_ref<const std::string&>();
    const std::string& text = value->get_ref<const std::string&>();
    if (kind == "civil_id") return {to_json(validate_civil_id(text)), false};
    if (kind == "phone") return {to_json(validate_phone(text)), false};
    return malformed("request.unknown_check",
                     {"Unknown check. Use \"civil_id\" or \"phone\"",
                      "نوع تحقق غير معروف. استخدم \"civil_id\" أو \"phone\""});
}

RulesAnswer answer_rules_line(std::string_view request_json) {
    const Json request = parse_request(request_json);
    return request.is_discarded() ? invalid_json() : answer_rules_request(request);
}

RulesAnswer answer_driver_line(const Rulebook& rulebook, std::string_view request_json) {
    const Json request = parse_request(request_json);
    if (request.is_discarded()) return invalid_json();
    const auto op = request.is_object() ? request.find("op") : request.end();
    if (!request.is_object() || op == request.end()) return answer_rules_request(request);
    if (!op->is_string() || *op != "evaluate")
        return malformed("request.unknown_op", {"Unknown op. Use \"evaluate\", or \"check\" without an op",
                                                "عملية غير معروفة. استخدم \"evaluate\"، أو \"check\" دون عملية"});
    return answer_evaluate(rulebook, request);
}

}  // namespace muamala
