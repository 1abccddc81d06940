// The one place that turns a reason code into bilingual text that tells the person what to do.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/problem.h"

namespace muamala {

// Values a message may quote. Each reason's text says which it uses.
struct ReasonDetails {
    int64_t amount_fils = 0;
    std::optional<Date> date;
    int64_t number = 0;
    std::string name;                    // a field or registry path, for data problems
};

Problem reason(std::string_view code, const ReasonDetails& details = {}, std::string field = {});

// "KD 35.000" / "35.000 د.ك": three decimals, as Kuwait prints fils.
std::string format_kd_en(int64_t fils);
std::string format_kd_ar(int64_t fils);

}  // namespace muamala
