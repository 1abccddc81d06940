// Calendar dates (proleptic Gregorian), with no clock: "today" is always passed in by the caller.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace muamala {

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..days_in_month
    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);                 // 0 if month is not 1..12
bool is_real_date(int year, int month, int day);

std::optional<Date> parse_iso_date(std::string_view text);  // strictly YYYY-MM-DD, a real date
std::string to_iso(const Date& date);                        // YYYY-MM-DD

int64_t day_number(const Date& date);       // days since 1970-01-01 (negative before)
Date date_from_day_number(int64_t days);
int64_t days_between(const Date& from, const Date& to);  // to - from, in days
Date add_days(const Date& date, int64_t days);
int weekday_of(const Date& date);                         // 0 = Sunday ... 6 = Saturday, as Kuwait's week starts

// Calendar arithmetic as registries do it: a day that does not exist in the target month falls
// back to that month's last day (29 Feb + 1 year = 28 Feb; 31 Jan + 1 month = 28/29 Feb).
Date add_months(const Date& date, int months);
Date add_years(const Date& date, int years);

// Whole years from birth to on (a person born on 29 Feb turns a year older on 28 Feb in common
// years, as with add_years).
int age_on(const Date& birth, const Date& on);

}  // namespace muamala
