#include "server/ops/clock.h"

#include <cstdio>
#include <string>

namespace muamala::server {
namespace {

constexpr std::chrono::hours kKuwaitOffset{3};  // UTC+3 all year: Kuwait keeps no daylight saving

}  // namespace

Date kuwait_date(std::chrono::system_clock::time_point at) {
    const auto kuwait = at + kKuwaitOffset;
    const auto days = std::chrono::floor<std::chrono::days>(kuwait).time_since_epoch().count();
    return date_from_day_number(days);
}

int kuwait_minute_of_day(std::chrono::system_clock::time_point at) {
    const auto kuwait = at + kKuwaitOffset;
    return static_cast<int>(std::chrono::floor<std::chrono::minutes>(kuwait - std::chrono::floor<std::chrono::days>(kuwait)).count());
}

std::chrono::system_clock::time_point kuwait_instant(const Date& date, int minute_of_day) {
    return std::chrono::sys_days{std::chrono::days{day_number(date)}} + std::chrono::minutes(minute_of_day) - kKuwaitOffset;
}

std::string iso_timestamp(std::chrono::system_clock::time_point at) {
    const auto millis = std::chrono::floor<std::chrono::milliseconds>(at).time_since_epoch().count();
    const auto days = millis >= 0 ? millis / 86400000 : (millis - 86399999) / 86400000;
    const long long in_day = millis - days * 86400000;
    const Date date = date_from_day_number(days);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02lld:%02lld:%02lld.%03lldZ", date.year, date.month, date.day,
                  in_day / 3600000, in_day / 60000 % 60, in_day / 1000 % 60, in_day % 1000);
    return buffer;
}

}  // namespace muamala::server
