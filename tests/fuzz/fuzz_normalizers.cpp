// libFuzzer target: what people type, normalised and judged by common/ (civil ID, phone, date,
// numbers, passport text). Beyond not crashing, each accepted value must be a fixed point: judging
// the normalised form again accepts it and gives the same form (the server re-judges what the
// browser normalised, and must agree).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/civil_id.h"
#include "common/date.h"
#include "common/form_input.h"
#include "common/normalize.h"
#include "common/phone.h"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

template <typename Judge>
void check_fixed_point(Judge judge, std::string_view typed) {
    const muamala::Validation first = judge(typed);
    if (!first.ok) return;
    const muamala::Validation again = judge(first.normalized);
    require(again.ok && again.normalized == first.normalized);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view typed(reinterpret_cast<const char*>(data), size);
    check_fixed_point([](std::string_view text) { return muamala::validate_civil_id(text); }, typed);
    check_fixed_point([](std::string_view text) { return muamala::validate_phone(text); }, typed);
    if (const auto civil_id = muamala::validate_civil_id(typed); civil_id.ok) {
        require(civil_id.normalized.size() == 12);
        require(muamala::civil_id_birth_date(civil_id.normalized).has_value());
    }
    if (const auto date = muamala::parse_iso_date(typed)) require(muamala::to_iso(*date) == typed);
    (void)muamala::normalize_number_input(typed);
    const std::string passport = muamala::normalize_passport_text(typed);
    require(muamala::normalize_passport_text(passport) == passport);
    return 0;
}
