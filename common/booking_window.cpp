#include "common/booking_window.h"

#include "common/calendar_words.h"

namespace muamala {

BookingWindow booking_window(const Date& today) { return {today, add_days(today, kBookingWindowDays)}; }

std::vector<Date> bookable_days(const Center& center, const Date& today, int at_most) {
    const BookingWindow window = booking_window(today);
    std::vector<Date> days;
    for (Date day = window.first; window.contains(day) && static_cast<int>(days.size()) < at_most; day = add_days(day, 1))
        if (center.hours.open_on(day)) days.push_back(day);
    return days;
}

Problem outside_booking_window(const BookingWindow& window) {
    const Text last = date_in_words(window.last);
    return {"slots.date_outside_window",
            {"Appointments can be booked from today to " + last.en + ". Choose a date in that range",
             "يمكن حجز المواعيد من اليوم حتى " + last.ar + ". اختر تاريخًا ضمن هذه الفترة"},
            "date"};
}

}  // namespace muamala
