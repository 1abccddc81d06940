#include "client/app/appointments.h"

#include "client/app/calls.h"
#include "client/text/strings.h"
#include "common/areas.h"
#include "common/calendar_words.h"

namespace muamala::client {

// [SECTION] Calls ---------------------------------------------------------------------------------

void load_centers(App& app) {
    if (app.centers.directory || app.centers.load.waiting) return;
    load_into(app, app.centers.load, api::kCenters, &read_centers, app.centers.directory);
}

void load_appointments(App& app) {
    if (app.appointments.load.waiting) return;
    load_into(app, app.appointments.load, api::kAppointments, &read_appointments, app.appointments.list);
}

const Center* find_center(const App& app, std::string_view id) {
    if (!app.centers.directory) return nullptr;
    for (const Center& center : app.centers.directory->centers)
        if (center.id == id) return &center;
    return nullptr;
}

const AppointmentRecord* find_appointment(const App& app, std::string_view id) {
    if (!app.appointments.list) return nullptr;
    for (const AppointmentRecord& appointment : *app.appointments.list)
        if (appointment.id == id) return &appointment;
    return nullptr;
}

// [SECTION] Words ---------------------------------------------------------------------------------

std::string opening_hours(const Center& center, Language language) {
    // Consecutive days read as a range ("Sunday to Thursday"), as centers post them; others as a list.
    std::vector<int> days;
    for (int d = 0; d < 7; ++d)
        if ((center.hours.weekdays >> d) & 1u) days.push_back(d);
    std::string days_text;
    const bool consecutive = days.size() > 2 && days.back() - days.front() + 1 == static_cast<int>(days.size());
    if (consecutive) {
        days_text = fill(pick(strings::days_range, language),
                         {pick(weekday_name(days.front()), language), pick(weekday_name(days.back()), language)});
    } else {
        for (int d : days) {
            if (!days_text.empty()) days_text += pick(strings::list_separator, language);
            days_text += pick(weekday_name(d), language);
        }
    }
    return fill(pick(strings::hours_line, language),
                {days_text, ltr(clock_time(center.hours.opens_minute)), ltr(clock_time(center.hours.closes_minute))});
}

std::string area_name(std::string_view area_id, Language language) {
    const Area* area = find_area(area_id);
    return area ? pick(area->name, language) : std::string(area_id);
}

std::string areas_text(const Center& center, Language language) {
    if (center.shift == Shift::evening)
        return fill(pick(strings::serves_governorate, language), {pick(governorate_info(center.governorate).name, language)});
    std::string names;
    for (const std::string& area : center.areas) {
        if (!names.empty()) names += pick(strings::list_separator, language);
        names += area_name(area, language);
    }
    return fill(pick(strings::areas_served, language), {names});
}

std::string day_text(const Date& date, Language language) {
    return fill(pick(strings::day_option, language), {pick(weekday_name(weekday_of(date)), language), format_date(date, language)});
}

std::string time_text(std::string_view starts, std::string_view ends, Language language) {
    return fill(pick(strings::time_value, language), {ltr(starts), ltr(ends)});
}

std::string when_text(const AppointmentRecord& appointment, Language language) {
    std::string text = day_text(appointment.slot.date, language);
    text += pick(strings::list_separator, language);
    text += time_text(appointment.slot.starts, appointment.slot.ends, language);
    return text;
}

bool still_to_come(const AppointmentRecord& appointment, const Date& today) {
    return appointment.status == AppointmentStatus::booked && appointment.slot.date >= today;
}

}  // namespace muamala::client
