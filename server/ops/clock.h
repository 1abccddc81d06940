// Time, passed in: the core has no clock, and the server's tests need to choose "today".
#pragma once
#include <chrono>

#include "common/date.h"

namespace muamala::server {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// A clock that says what it is told; tests move it forward to cross windows and expiries.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::chrono::system_clock::time_point start) : now_(start) {}
    std::chrono::system_clock::time_point now() const override { return now_; }
    void advance(std::chrono::seconds by) { now_ += by; }
    void set(std::chrono::system_clock::time_point to) { now_ = to; }

private:
    std::chrono::system_clock::time_point now_;
};

// The calendar date in Kuwait (UTC+3 all year, no daylight saving), which is the "today" of every
// decision: a renewal at 01:00 in Kuwait belongs to that Kuwaiti day, not to the UTC one before.
Date kuwait_date(std::chrono::system_clock::time_point at);
inline Date kuwait_today(const Clock& clock) { return kuwait_date(clock.now()); }
int kuwait_minute_of_day(std::chrono::system_clock::time_point at);  // 0..1439, Kuwait's wall clock
std::chrono::system_clock::time_point kuwait_instant(const Date& date, int minute_of_day);  // the inverse

// ISO-8601 UTC with milliseconds, as stored in the database: 2026-11-27T20:15:00.123Z
std::string iso_timestamp(std::chrono::system_clock::time_point at);

// Seconds since 1970 (UTC), for expiry arithmetic on stored times.
inline long long unix_seconds(std::chrono::system_clock::time_point at) {
    return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

}  // namespace muamala::server
