// The directory of citizen service centers (issue 6, item 1): who each center serves, when it is
// open and how many appointments a slot takes, with the rules a whole directory must keep.
//
// The directory is ILLUSTRATIVE: the real list of Kuwait's 52 centers was not found, so
// server/centers/centers.json (embedded in the binary) holds a plausible one, and every center carries
// that label in the database and the API. Nothing here touches the database: center_store.h does.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/areas.h"
#include "common/date.h"
#include "common/wire.h"
#include "server/centers/counter_policy.h"
#include "server/http/api_errors.h"

namespace muamala::server {

// [SECTION] A center

enum class Shift { morning, evening };
std::string_view name_of(Shift shift);               // "morning" or "evening"
std::optional<Shift> parse_shift(std::string_view name);

// Opening hours in Kuwait time (UTC+3 all year), the same on every open day.
struct OpeningHours {
    unsigned weekdays = 0;   // bit d set: open on weekday d, 0 = Sunday ... 6 = Saturday
    int opens_minute = 0;    // minutes after midnight
    int closes_minute = 0;   // after opens_minute, at most 24:00
    bool open_on(const Date& date) const;
};
int weekday_of(const Date& date);                    // 0 = Sunday ... 6 = Saturday
std::string clock_time(int minute_of_day);           // 450 -> "07:30"

// How the day is cut into appointment slots.
struct SlotPlan {
    int minutes = 30;   // one slot's length; the last slot ends by closing time
    int capacity = 4;   // appointments a slot takes (counters working side by side)
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
};

// A morning center serves its own areas; an evening center every area of its governorate.
bool serves_area(const Center& center, std::string_view area_id);
std::vector<std::string> areas_served(const Center& center);  // what serves_area() is true for, in areas.h order
void sort_areas(std::vector<std::string>& areas);              // into areas.h order; unknown ids last

// The morning center serving `area_id` (nullptr if none), and the evening centers of its governorate.
const Center* morning_center_for(std::span<const Center> centers, std::string_view area_id);
std::vector<const Center*> evening_centers_for(std::span<const Center> centers, std::string_view area_id);
const Center* find_center(std::span<const Center> centers, std::string_view id);
ApiReply unknown_center_reply();  // 404 center.unknown, for an id that names no center

// Whether `center` serves a sponsor whose home is `home_area` ("" when not recorded), under
// `policy`; and, when it does not, the words that say so and name the centers that do.
bool serves_sponsor(CounterPolicy policy, const Center& center, std::string_view home_area);
Text outside_area_message(std::span<const Center> centers, const Center& center, std::string_view home_area);

// [SECTION] The directory's rules

// Every way `centers` breaks the rules across fields and centers: a duplicate id, a slot longer than
// the opening hours, an unknown area or one in another governorate, an evening center that lists
// areas, a morning center serving none, an area served by no morning center or by two, a
// governorate without an evening center. (A single field's own form, such as "07:30", is checked
// where it is read.) Each message names the center or area; `field` is the center field at fault
// ("areas", "slots.minutes", ...). Empty: all good.
std::vector<FieldProblem> check_directory(std::span<const Center> centers);

// [SECTION] JSON

// {"id","name":{en,ar},"governorate","shift","serves":"areas"|"governorate","areas":[ids],
//  "hours":{"days":["sunday",...],"opens":"07:30","closes":"14:00"},"slots":{"minutes","capacity"},
//  "model_center","illustrative"}. An evening center's areas are its governorate's.
Json center_json(const Center& center);

// An admin's edit: `body` is a center as center_json() gives it, with name, hours, slots,
// model_center (and areas, for a morning center) changed as wanted. id, governorate, shift, serves
// and illustrative cannot change: if sent they must be as they are. Every problem is returned, with
// the body's field name ("hours.opens"); `center` is changed only when there are none. The rules
// across centers are check_directory()'s.
std::vector<FieldProblem> apply_center_edit(Center& center, const Json& body);

// [SECTION] The data file

// server/centers/centers.json, embedded at build time (data/centers_data.cpp.in).
std::string_view embedded_center_directory_json();

// The centers of a data file, in the file's order. Throws std::runtime_error naming the first
// problem: a file that breaks check_directory() would leave areas without a center.
std::vector<Center> parse_center_directory(std::string_view json);

}  // namespace muamala::server
