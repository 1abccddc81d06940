// Dates, months and weekdays in words, in both languages, as every screen and every message writes
// them: "2 September 2029" / «2 سبتمبر 2029». Digits stay Western in Arabic, as on Kuwait's
// government sites, and Gregorian months take the names Kuwait uses (يناير, not كانون الثاني).
#pragma once
#include "common/date.h"
#include "common/problem.h"

namespace muamala {

Text weekday_name(int weekday);             // 0 = Sunday ... 6 = Saturday (weekday_of): "Sunday" / "الأحد"
Text month_name(int month);                 // 1..12: "September" / "سبتمبر"
Text date_in_words(const Date& date);       // "2 September 2029" / "2 سبتمبر 2029"
Text month_in_words(int year, int month);   // "September 2029" / "سبتمبر 2029"

}  // namespace muamala
