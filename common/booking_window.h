// How far ahead a visit can be booked, and which days of that window a center can be booked on.
// The server refuses a day outside the window; the app offers only days inside it.
#pragma once
#include <vector>

#include "common/centers.h"

namespace muamala {

inline constexpr int kBookingWindowDays = 30;  // slots are shown and booked from today to this many days on

struct BookingWindow {
    Date first;  // today (Kuwait's date)
    Date last;   // kBookingWindowDays after it
    bool contains(const Date& date) const { return date >= first && date <= last; }
};
BookingWindow booking_window(const Date& today);

// The first `at_most` days of the window on which `center` opens, in order.
std::vector<Date> bookable_days(const Center& center, const Date& today, int at_most);

// The refusal of a day outside the window: "Appointments can be booked from today to 2 October 2026".
Problem outside_booking_window(const BookingWindow& window);

}  // namespace muamala
