// libFuzzer target: the rulebook loader (common/rulebook.h), which a deployment will feed from a
// file. A text it cannot accept must come back as problems, never as a crash; one it accepts must
// give a rulebook that evaluate() can decide with.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/rules_request.h"
#include "common/rulebook.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const muamala::RulebookLoad load = muamala::load_rulebook(text);
    if (!load.problems.empty()) return 0;
    // A renewal for the demo's first household: exercises the versions, fees and caps just loaded.
    static constexpr std::string_view request =
        R"({"op":"evaluate","today":"2026-06-01","transaction":{"kind":"renew_husband_residency","sponsor":"281081300008","beneficiary":"276081300001","form":{"years":1}},"registry":{"persons":[]}})";
    (void)muamala::answer_driver_line(load.rulebook, request);
    return 0;
}
