#include "common/centers.h"

#include <algorithm>
#include <cstdio>

namespace muamala {
namespace {

// Where an area comes in areas.h, so every list of areas reads in the same order.
std::size_t area_position(std::string_view id) {
    const auto areas = all_areas();
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (areas[i].id == id) return i;
    return areas.size();  // unknown ids last (check_directory reports them)
}

}  // namespace

// [SECTION] A center

std::string_view name_of(Shift shift) { return shift == Shift::evening ? "evening" : "morning"; }

std::optional<Shift> parse_shift(std::string_view name) {
    if (name == "morning") return Shift::morning;
    if (name == "evening") return Shift::evening;
    return std::nullopt;
}

Text shift_name(Shift shift) { return shift == Shift::evening ? Text{"Evening", "مسائي"} : Text{"Morning", "صباحي"}; }

bool OpeningHours::open_on(const Date& date) const { return (weekdays >> weekday_of(date)) & 1u; }

std::string clock_time(int minute_of_day) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60 % 100, minute_of_day % 60);
    return text;
}

std::optional<int> parse_clock_time(std::string_view text) {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0'), minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

// [SECTION] Whom a center serves

bool serves_area(const Center& center, std::string_view area_id) {
    if (center.shift == Shift::morning) return std::find(center.areas.begin(), center.areas.end(), area_id) != center.areas.end();
    const Area* area = find_area(area_id);
    return area && area->governorate == center.governorate;
}

std::vector<std::string> areas_served(const Center& center) {
    if (center.shift == Shift::morning) return center.areas;
    std::vector<std::string> areas;
    for (const Area& area : all_areas())
        if (area.governorate == center.governorate) areas.emplace_back(area.id);
    return areas;
}

void sort_areas(std::vector<std::string>& areas) {
    // std::ranges is not in the wasm toolchain's library yet: plain algorithms throughout common/.
    std::stable_sort(areas.begin(), areas.end(),
                     [](const std::string& a, const std::string& b) { return area_position(a) < area_position(b); });
}

const Center* morning_center_for(std::span<const Center> centers, std::string_view area_id) {
    for (const Center& center : centers)
        if (center.shift == Shift::morning && serves_area(center, area_id)) return &center;
    return nullptr;
}

std::vector<const Center*> evening_centers_for(std::span<const Center> centers, std::string_view area_id) {
    std::vector<const Center*> found;
    for (const Center& center : centers)
        if (center.shift == Shift::evening && serves_area(center, area_id)) found.push_back(&center);
    return found;
}

const Center* find_center(std::span<const Center> centers, std::string_view id) {
    for (const Center& center : centers)
        if (center.id == id) return &center;
    return nullptr;
}

std::string_view name_of(CounterPolicy policy) { return policy == CounterPolicy::any ? "any" : "area"; }

std::optional<CounterPolicy> parse_counter_policy(std::string_view name) {
    if (name == "area") return CounterPolicy::area;
    if (name == "any") return CounterPolicy::any;
    return std::nullopt;
}

bool serves_sponsor(CounterPolicy policy, const Center& center, std::string_view home_area) {
    return policy == CounterPolicy::any || serves_area(center, home_area);
}

Text outside_area_message(std::span<const Center> centers, const Center& center, std::string_view home_area) {
    const Text governorate = governorate_info(center.governorate).name;
    const Text serves = center.shift == Shift::morning
                            ? Text{center.name.en + " serves the sponsors of its own areas.",
                                   center.name.ar + " يخدم سكان مناطقه فقط."}
                            : Text{center.name.en + " serves the sponsors of " + governorate.en + ".",
                                   center.name.ar + " يخدم سكان محافظة " + governorate.ar + " فقط."};
    const Area* area = find_area(home_area);
    if (!area)
        return {serves.en + " This sponsor's home area is not recorded, so no center is assigned to her yet.",
                serves.ar + " منطقة سكن هذه المواطنة غير مسجلة، لذلك لم يُحدَّد لها مركز بعد."};
    Text answer{serves.en + " For a home in " + area->name.en + ", go to ",
                serves.ar + " لمن تسكن في منطقة " + area->name.ar + " المركز المختص هو "};
    if (const Center* morning = morning_center_for(centers, home_area)) {
        answer.en += morning->name.en;
        answer.ar += morning->name.ar;
    }
    for (const Center* evening : evening_centers_for(centers, home_area)) {
        answer.en += ", or in the evening " + evening->name.en;
        answer.ar += "، أو مساءً " + evening->name.ar;
    }
    return {answer.en + ".", answer.ar + "."};
}

}  // namespace muamala
