// libFuzzer target: one line to the rules driver (common/rules_request.h), the entry point behind
// muamala-rules, the golden vectors and the browser's own decisions. It reads the request JSON, the
// registry, the transaction request and its form, and runs evaluate() on the embedded rulebook.
// Whatever the bytes, the answer must be a JSON object that survives a round trip as text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/rules_request.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const muamala::Rulebook rulebook = muamala::load_embedded_rulebook().rulebook;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const muamala::RulesAnswer answer = muamala::answer_driver_line(rulebook, line);
    if (!answer.answer.is_object()) std::abort();
    const std::string text = muamala::dump(answer.answer);
    if (muamala::Json::parse(text, nullptr, false).is_discarded()) std::abort();
    return 0;
}
