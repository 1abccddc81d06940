#include "common/date.h"

#include <cstdio>

namespace muamala {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_real_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int k = 0; k < lengths[p]; ++k) {
            const char c = text[starts[p] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    if (!is_real_date(parts[0], parts[1], parts[2])) return std::nullopt;
    return Date{parts[0], parts[1], parts[2]};
}

std::string to_iso(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain description).
int64_t day_number(const Date& date) {
    const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t year_of_era = y - era * 400;
    const int64_t shifted_month = date.month + (date.month > 2 ? -3 : 9);
    const int64_t day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date date_from_day_number(int64_t days) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t day_of_era = days - era * 146097;
    const int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int64_t shifted_month = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

int64_t days_between(const Date& from, const Date& to) { return day_number(to) - day_number(from); }

Date add_days(const Date& date, int64_t days) { return date_from_day_number(day_number(date) + days); }

int weekday_of(const Date& date) {
    // 1970-01-01 was a Thursday (4); the modulo is kept non-negative for dates before it.
    return static_cast<int>(((day_number(date) + 4) % 7 + 7) % 7);
}

Date add_months(const Date& date, int months) {
    const int total = date.year * 12 + (date.month - 1) + months;
    const int year = total / 12, month = total % 12 + 1;
    const int last = days_in_month(year, month);
    return {year, month, date.day < last ? date.day : last};
}

Date add_years(const Date& date, int years) { return add_months(date, years * 12); }

int age_on(const Date& birth, const Date& on) {
    int age = on.year - birth.year;
    if (age > 0 && add_years(birth, age) > on) --age;
    return age;
}

}  // namespace muamala
