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

// A count with its noun as Arabic grammar wants it: 1 سنة واحدة, 2 سنتان, 3-10 سنوات, 11+ سنة.
struct ArabicNoun {
    std::string_view one;     // "سنة واحدة"
    std::string_view two;     // "سنتان"
    std::string_view few;     // 3-10: "سنوات"
    std::string_view many;    // 11 and more: "سنة"
};
std::string arabic_count(int64_t n, const ArabicNoun& noun);
inline constexpr ArabicNoun kArabicYears{"سنة واحدة", "سنتان", "سنوات", "سنة"};
inline constexpr ArabicNoun kArabicDays{"يوم واحد", "يومان", "أيام", "يومًا"};

// "KD 35.000" / "35.000 د.ك": three decimals, as Kuwait prints fils.
std::string format_kd_en(int64_t fils);
std::string format_kd_ar(int64_t fils);

}  // namespace muamala
