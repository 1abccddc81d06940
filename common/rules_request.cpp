#include "common/rules_request.h"

#include "common/civil_id.h"
#include "common/phone.h"

namespace muamala {
namespace {

RulesAnswer malformed(const char* code, Text message) {
    return {to_json(rejected(Problem{code, std::move(message)})), true};
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
    // allow_exceptions=false: a parse error gives a discarded value instead of throwing. nlohmann's
    // lexer also rejects invalid UTF-8 inside strings, so such a line lands here too.
    const Json request = Json::parse(request_json.begin(), request_json.end(), nullptr, false);
    if (request.is_discarded())
        return malformed("request.invalid_json",
                         {"The request is not valid JSON (or not valid UTF-8)",
                          "الطلب ليس JSON صالحًا (أو ليس UTF-8 صالحًا)"});
    return answer_rules_request(request);
}

}  // namespace muamala
