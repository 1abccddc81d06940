#include "client/text/i18n.h"

#include <cmath>
#include <cstdio>

#include "common/calendar_words.h"
#include "common/counting.h"
#include "common/reasons.h"

namespace muamala::client {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    const std::string_view* next = values.begin();
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && next != values.end()) {
            out += *next++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string for_display(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size();) {
        // YYYY-MM-DD, not already inside a run of digits.
        const std::string_view rest = text.substr(i);
        const bool starts_date = rest.size() >= 10 && (i == 0 || !is_digit(text[i - 1])) && is_digit(rest[0]) &&
                                 is_digit(rest[1]) && is_digit(rest[2]) && is_digit(rest[3]) && rest[4] == '-' &&
                                 is_digit(rest[5]) && is_digit(rest[6]) && rest[7] == '-' && is_digit(rest[8]) &&
                                 is_digit(rest[9]) && (rest.size() == 10 || !is_digit(rest[10]));
        if (starts_date) {
            out += ltr(rest.substr(0, 10));
            i += 10;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string format_date(const Date& date, Language language) { return pick(date_in_words(date), language); }

std::string format_month(std::string_view year_month, Language language) {
    int year = 0, month = 0;
    const std::string text(year_month);
    if (text.size() != 7 || std::sscanf(text.c_str(), "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12) return text;
    return pick(month_in_words(year, month), language);
}

std::string format_share(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", round_to_tenths(share * 100.0));
    return text;
}

double round_to_tenths(double value) { return std::floor(value * 10.0 + 0.5) / 10.0; }

std::string format_money(int64_t fils, Language language) {
    return language == Language::Arabic ? format_kd_ar(fils) : format_kd_en(fils);
}

std::string format_days_left(int64_t days, Language language) {
    const Text count = count_of(days, CountedNoun::day);
    return language == Language::Arabic ? "باقي " + count.ar : count.en + " left";
}

std::string format_years(int64_t years, Language language) { return pick(count_of(years, CountedNoun::year), language); }

std::string format_timestamp(std::string_view iso_utc, Language language) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    const std::string text(iso_utc.substr(0, 16));  // sscanf wants a NUL-terminated string
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) != 5 ||
        !is_real_date(year, month, day) || hour > 23 || minute > 59)
        return std::string(iso_utc);
    constexpr int kKuwaitUtcOffsetHours = 3;
    const int kuwait_hour = hour + kKuwaitUtcOffsetHours;
    const Date kuwait_day = add_days(Date{year, month, day}, kuwait_hour / 24);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", kuwait_hour % 24, minute);
    return format_date(kuwait_day, language) + (language == Language::Arabic ? "، " : ", ") + clock;
}

}  // namespace muamala::client
