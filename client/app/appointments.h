// Service centers and appointments, apart from their drawing: the calls the finder, the
// booking page and the appointments pages share, and how a center's hours, areas and an
// appointment's time are put into words.
#pragma once
#include <string>
#include <string_view>

#include "client/app/app.h"
#include "client/text/i18n.h"

namespace muamala::client {

// [SECTION] Calls
void load_centers(App& app);       // GET /centers (all of them), unless loaded or under way
void load_appointments(App& app);  // GET /appointments, unless under way

const Center* find_center(const App& app, std::string_view id);        // nullptr until loaded, or when unknown
const AppointmentRecord* find_appointment(const App& app, std::string_view id);  // nullptr until loaded, or when not hers

// [SECTION] Words
std::string opening_hours(const Center& center, Language language);  // "Sunday to Thursday, 07:30 to 14:00"
std::string areas_text(const Center& center, Language language);     // "Areas: Al-Salam, Hateen, Shuhada"
std::string area_name(std::string_view area_id, Language language);  // the id itself when unknown
std::string day_text(const Date& date, Language language);           // "Sunday 29 November 2026"
std::string time_text(std::string_view starts, std::string_view ends, Language language);  // "07:30 to 08:00"
std::string when_text(const AppointmentRecord& appointment, Language language);  // "Sunday 29 November 2026, 07:30 to 08:00"

// A booked appointment whose time has not come: the only kind that can be cancelled or moved.
// The server decides to the minute; the day is enough to offer the actions.
bool still_to_come(const AppointmentRecord& appointment, const Date& today);

}  // namespace muamala::client
