// Kuwait's citizen service centers: who each center serves, when it is open and how many
// appointments a slot takes. The server keeps the directory; the app finds, shows and books
// centers with these same rules, so both agree on whom a center serves and when it opens.
//
// The directory is ILLUSTRATIVE: the real list of Kuwait's 52 centers was not found, so the data
// file the server carries (server/centers/centers.json) holds a plausible one, and every center
// carries that label.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/areas.h"
#include "common/date.h"
#include "common/problem.h"

namespace muamala {

// [SECTION] A center

enum class Shift { morning, evening };
std::string_view name_of(Shift shift);               // "morning" or "evening"
std::optional<Shift> parse_shift(std::string_view name);
Text shift_name(Shift shift);                        // "Morning" / "صباحي"

// Opening hours in Kuwait time (UTC+3 all year), the same on every open day.
struct OpeningHours {
    unsigned weekdays = 0;   // bit d set: open on weekday d (weekday_of: 0 = Sunday ... 6 = Saturday)
    int opens_minute = 0;    // minutes after midnight
    int closes_minute = 0;   // after opens_minute, at most 24:00
    bool open_on(const Date& date) const;
    bool operator==(const OpeningHours&) const = default;
};
std::string clock_time(int minute_of_day);                 // 450 -> "07:30"
std::optional<int> parse_clock_time(std::string_view text);  // "07:30" -> 450; "24:00" is the day's end

// How the day is cut into appointment slots.
struct SlotPlan {
    int minutes = 30;   // one slot's length; the last slot ends by closing time
    int capacity = 4;   // appointments a slot takes (counters working side by side)
    bool operator==(const SlotPlan&) const = default;
};

struct Center {
    std::string id;  // stable key, e.g. "al-salam-morning"
    Text name;
    Governorate governorate = Governorate::capital;
    Shift shift = Shift::morning;
    OpeningHours hours;
    SlotPlan slots;
    bool model_center = false;
    bool illustrative = true;        // from the illustrative data file, not an official list
    std::vector<std::string> areas;  // morning: the areas it serves, in areas.h order; evening: empty
    bool operator==(const Center&) const = default;
};

// [SECTION] Whom a center serves

// A morning center serves its own areas; an evening center every area of its governorate.
bool serves_area(const Center& center, std::string_view area_id);
std::vector<std::string> areas_served(const Center& center);  // what serves_area() is true for, in areas.h order
void sort_areas(std::vector<std::string>& areas);              // into areas.h order; unknown ids last

// The morning center serving `area_id` (nullptr if none), and the evening centers of its governorate.
const Center* morning_center_for(std::span<const Center> centers, std::string_view area_id);
std::vector<const Center*> evening_centers_for(std::span<const Center> centers, std::string_view area_id);
const Center* find_center(std::span<const Center> centers, std::string_view id);  // nullptr when unknown

// Which sponsors a center serves, at its counter and in its appointment book. A deployment chooses;
// the default follows the model of a center for each area.
enum class CounterPolicy {
    area,  // a morning center serves the sponsors of its areas, an evening center its whole governorate
    any,   // every center serves every sponsor
};
std::string_view name_of(CounterPolicy policy);                            // "area" or "any"
std::optional<CounterPolicy> parse_counter_policy(std::string_view name);  // nullopt for anything else

// Whether `center` serves a sponsor whose home is `home_area` ("" when not recorded), under
// `policy`; and, when it does not, the words that say so and name the centers that do.
bool serves_sponsor(CounterPolicy policy, const Center& center, std::string_view home_area);
Text outside_area_message(std::span<const Center> centers, const Center& center, std::string_view home_area);

}  // namespace muamala
