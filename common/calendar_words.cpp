#include "common/calendar_words.h"

#include <algorithm>

namespace muamala {
namespace {

struct Words {
    const char* en;
    const char* ar;
};

constexpr Words kWeekdays[] = {{"Sunday", "الأحد"},     {"Monday", "الاثنين"}, {"Tuesday", "الثلاثاء"},
                               {"Wednesday", "الأربعاء"}, {"Thursday", "الخميس"}, {"Friday", "الجمعة"},
                               {"Saturday", "السبت"}};

constexpr Words kMonths[] = {{"January", "يناير"}, {"February", "فبراير"}, {"March", "مارس"},
                             {"April", "أبريل"},   {"May", "مايو"},       {"June", "يونيو"},
                             {"July", "يوليو"},    {"August", "أغسطس"},   {"September", "سبتمبر"},
                             {"October", "أكتوبر"}, {"November", "نوفمبر"}, {"December", "ديسمبر"}};

Text text_of(const Words& words) { return {words.en, words.ar}; }

}  // namespace

// Out-of-range numbers are clamped rather than read past the tables: a damaged date from outside
// then prints a wrong name, never crashes the page.
Text weekday_name(int weekday) { return text_of(kWeekdays[std::clamp(weekday, 0, 6)]); }
Text month_name(int month) { return text_of(kMonths[std::clamp(month, 1, 12) - 1]); }

Text date_in_words(const Date& date) {
    const Text month = month_name(date.month);
    const std::string day = std::to_string(date.day) + " ", year = " " + std::to_string(date.year);
    return {day + month.en + year, day + month.ar + year};
}

Text month_in_words(int year, int month) {
    const Text name = month_name(month);
    return {name.en + " " + std::to_string(year), name.ar + " " + std::to_string(year)};
}

}  // namespace muamala
