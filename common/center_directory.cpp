#include "common/center_directory.h"

#include <map>
#include <set>
#include <string_view>

namespace muamala {

std::vector<Problem> check_directory(std::span<const Center> centers) {
    std::vector<Problem> problems;
    const auto add = [&](std::string field, std::string code, Text message) {
        problems.push_back({std::move(code), std::move(message), std::move(field)});
    };
    std::set<std::string_view> ids;
    std::map<std::string_view, const Center*> morning_of_area;
    std::set<Governorate> with_evening_center;
    for (const Center& center : centers) {
        const std::string& who_en = center.name.en.empty() ? center.id : center.name.en;
        const std::string& who_ar = center.name.ar.empty() ? center.id : center.name.ar;
        if (center.id.empty() || !ids.insert(center.id).second)
            add("id", "center.duplicate_id",
                {"Two centers have the id \"" + center.id + "\": each needs its own",
                 "يحمل مركزان المعرّف \"" + center.id + "\": يجب أن يكون لكل مركز معرّف خاص به"});
        const int open_minutes = center.hours.closes_minute - center.hours.opens_minute;
        if (center.slots.minutes > open_minutes)
            add("slots.minutes", "center.slot_longer_than_day",
                {"An appointment slot of " + std::to_string(center.slots.minutes) + " minutes does not fit in " + who_en +
                     "'s opening hours",
                 "موعد حجز مدته " + std::to_string(center.slots.minutes) + " دقيقة لا يتسع ضمن مواعيد عمل " + who_ar});
        if (center.shift == Shift::evening) {
            with_evening_center.insert(center.governorate);
            if (!center.areas.empty())
                add("areas", "center.evening_areas",
                    {who_en + " is an evening center: it serves its whole governorate, so it lists no areas",
                     who_ar + " مركز مسائي يخدم محافظته كلها، فلا تُحدَّد له مناطق"});
            continue;
        }
        if (center.areas.empty())
            add("areas", "center.no_areas",
                {who_en + " would serve no area: every morning center serves at least one",
                 who_ar + " لن يخدم أي منطقة: يجب أن يخدم كل مركز صباحي منطقة واحدة على الأقل"});
        for (const std::string& id : center.areas) {
            const Area* area = find_area(id);
            if (!area) {
                add("areas", "center.unknown_area",
                    {"There is no residential area with the id \"" + id + "\"", "لا توجد منطقة سكنية بالمعرّف \"" + id + "\""});
                continue;
            }
            if (area->governorate != center.governorate) {
                const Text governorate = governorate_info(center.governorate).name;
                add("areas", "center.area_in_other_governorate",
                    {area->name.en + " is not in " + governorate.en + ", the governorate of " + who_en,
                     "منطقة " + area->name.ar + " ليست في محافظة " + governorate.ar + " التي يتبعها " + who_ar});
            }  // and still counted as served below, so one mistake is reported once
            const auto [other, inserted] = morning_of_area.emplace(area->id, &center);
            if (!inserted)
                add("areas", "center.area_served_twice",
                    {area->name.en + " is already served by " + other->second->name.en + ": an area has one morning center",
                     "منطقة " + area->name.ar + " يخدمها بالفعل " + other->second->name.ar + ": لكل منطقة مركز صباحي واحد"});
        }
    }
    for (const Area& area : all_areas())
        if (!morning_of_area.contains(area.id))
            add("areas", "center.area_unserved",
                {area.name.en + " would have no morning center: give it to one",
                 "منطقة " + area.name.ar + " ستبقى بلا مركز صباحي: أسندها إلى أحد المراكز"});
    for (Governorate governorate : kAllGovernorates)
        if (!with_evening_center.contains(governorate)) {
            const Text name = governorate_info(governorate).name;
            add("shift", "center.governorate_without_evening_center",
                {name.en + " has no evening center: every governorate needs one",
                 "محافظة " + name.ar + " ليس لها مركز مسائي: يجب أن يكون لكل محافظة مركز مسائي"});
        }
    return problems;
}

}  // namespace muamala
