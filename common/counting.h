// A number with the noun it counts, in both languages: the one place that knows how Arabic counts.
//
// Arabic chooses the noun's form by the number: 1 and 2 have words of their own (يوم واحد, يومان);
// 3 to 10 take the plural (3 أيام); 11 to 99 the singular accusative (11 يومًا); 100, 1000 and
// their multiples the singular genitive (100 يوم); and a compound number follows its last two
// digits (103 أيام, 111 يومًا, 102 يوم).
#pragma once
#include <cstdint>

#include "common/problem.h"

namespace muamala {

enum class CountedNoun { day, month, year };

// "1 day" / "يوم واحد", "2 days" / "يومان", "3 days" / "3 أيام", "11 days" / "11 يومًا",
// "100 days" / "100 يوم".
Text count_of(int64_t n, CountedNoun noun);

}  // namespace muamala
