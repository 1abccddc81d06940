// libFuzzer target: the JSON readers of common/wire_transactions.h (registry, transaction request,
// form) on any JSON value, the shapes a browser or an import file can send. They must never throw
// or crash; what they cannot read becomes a Problem.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/wire_transactions.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const muamala::Json json = muamala::Json::parse(text, nullptr, false);
    if (json.is_discarded()) return -1;  // not JSON: the parser's own business, not these readers'
    std::vector<muamala::Problem> problems;
    (void)muamala::registry_from_json(json, problems);
    (void)muamala::request_from_json(json, problems);
    (void)muamala::form_from_json(json, problems);
    if (json.is_object() && json.contains("registry")) (void)muamala::registry_from_json(json["registry"], problems);
    if (json.is_object() && json.contains("form")) (void)muamala::form_from_json(json["form"], problems);
    return 0;
}
