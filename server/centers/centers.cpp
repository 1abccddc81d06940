// Index of this file:
// [SECTION] Shifts, days and times
// [SECTION] Who a center serves
// [SECTION] Reading fields (the data file and admin edits share these)
// [SECTION] The directory's rules
// [SECTION] JSON
// [SECTION] The data file
#include "server/centers/centers.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

namespace muamala::server {
namespace {

// [SECTION] Shifts, days and times

constexpr std::string_view kWeekdayNames[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// "HH:MM" on the 24-hour clock, 00:00 to 24:00 (the end of the day, for a closing time).
std::optional<int> parse_clock_time(const Json& value) {
    if (!value.is_string()) return std::nullopt;
    const std::string text = value.get<std::string>();
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0'), minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

// Where an area comes in areas.h, so every list of areas reads in the same order.
std::size_t area_position(std::string_view id) {
    const auto areas = all_areas();
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (areas[i].id == id) return i;
    return areas.size();  // unknown ids last (check_directory reports them)
}

Text governorate_name(Governorate governorate) { return governorate_info(governorate).name; }

}  // namespace

std::string_view name_of(Shift shift) { return shift == Shift::evening ? "evening" : "morning"; }

std::optional<Shift> parse_shift(std::string_view name) {
    if (name == "morning") return Shift::morning;
    if (name == "evening") return Shift::evening;
    return std::nullopt;
}

int weekday_of(const Date& date) {
    // 1970-01-01 was a Thursday (4); the modulo is kept non-negative for dates before it.
    return static_cast<int>(((day_number(date) + 4) % 7 + 7) % 7);
}

void sort_areas(std::vector<std::string>& areas) {
    std::ranges::stable_sort(areas, {}, [](const std::string& id) { return area_position(id); });
}

bool OpeningHours::open_on(const Date& date) const { return (weekdays >> weekday_of(date)) & 1u; }

std::string clock_time(int minute_of_day) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60 % 100, minute_of_day % 60);
    return text;
}

// [SECTION] Who a center serves

bool serves_area(const Center& center, std::string_view area_id) {
    if (center.shift == Shift::morning) return std::ranges::find(center.areas, area_id) != center.areas.end();
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

ApiReply unknown_center_reply() {
    ApiError error = error_for_status(404);
    error.code = "center.unknown";
    error.message = {"There is no service center with this id", "لا يوجد مركز خدمة بهذا المعرّف"};
    return refusal(error);
}

bool serves_sponsor(CounterPolicy policy, const Center& center, std::string_view home_area) {
    return policy == CounterPolicy::any || serves_area(center, home_area);
}

Text outside_area_message(std::span<const Center> centers, const Center& center, std::string_view home_area) {
    const Text governorate = governorate_name(center.governorate);
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

// [SECTION] Reading fields (the data file and admin edits share these)

namespace {

struct Problems {
    std::vector<FieldProblem>& list;
    void add(std::string field, std::string code, Text message) {
        list.push_back({std::move(field), {std::move(code), std::move(message), {}}});
    }
};

std::optional<Text> read_name(const Json& value, const std::string& field, Problems problems) {
    const auto part = [&](const char* language) -> std::string {
        if (!value.is_object() || !value.contains(language) || !value[language].is_string()) return {};
        std::string text = value[language].get<std::string>();
        const auto first = text.find_first_not_of(' '), last = text.find_last_not_of(' ');
        return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    };
    const std::string en = part("en"), ar = part("ar");
    if (en.empty() || ar.empty() || en.size() > 200 || ar.size() > 200) {
        problems.add(field, "center.name",
                     {"Give the center's name in English and in Arabic, as {\"en\": ..., \"ar\": ...}, each up to 200 bytes",
                      "أدخل اسم المركز بالإنجليزية والعربية بالشكل {\"en\": ..., \"ar\": ...}، وكل منهما حتى 200 بايت"});
        return std::nullopt;
    }
    return Text{en, ar};
}

std::optional<OpeningHours> read_hours(const Json& value, const std::string& field, Problems problems) {
    if (!value.is_object()) {
        problems.add(field, "center.hours",
                     {"Give the opening hours as {\"days\": [...], \"opens\": \"07:30\", \"closes\": \"14:00\"}",
                      "أدخل مواعيد العمل بالشكل {\"days\": [...], \"opens\": \"07:30\", \"closes\": \"14:00\"}"});
        return std::nullopt;
    }
    const std::size_t before = problems.list.size();
    OpeningHours hours;
    const Json days = value.value("days", Json());
    bool days_ok = days.is_array() && !days.empty();
    for (const Json& day : days_ok ? days : Json::array()) {
        const auto known = day.is_string() ? std::ranges::find(kWeekdayNames, day.get<std::string>()) : std::end(kWeekdayNames);
        const unsigned bit = 1u << (known - std::begin(kWeekdayNames));
        if (known == std::end(kWeekdayNames) || (hours.weekdays & bit)) days_ok = false;
        else hours.weekdays |= bit;
    }
    if (!days_ok)
        problems.add(field + ".days", "center.hours_days",
                     {"List the days the center opens, each once, by name in English: sunday, monday, ... saturday",
                      "اذكر أيام عمل المركز، كل يوم مرة واحدة، باسمه بالإنجليزية: sunday وmonday ... saturday"});
    const std::optional<int> opens = parse_clock_time(value.value("opens", Json()));
    const std::optional<int> closes = parse_clock_time(value.value("closes", Json()));
    for (const auto& [time, name] : {std::pair{opens, "opens"}, std::pair{closes, "closes"}})
        if (!time)
            problems.add(field + "." + name, "center.hours_time",
                         {"Give the time as HH:MM on the 24-hour clock, for example 07:30",
                          "أدخل الوقت بالشكل HH:MM بنظام 24 ساعة، مثل 07:30"});
    if (opens && closes && *closes <= *opens)
        problems.add(field + ".closes", "center.hours_order",
                     {"The closing time must be after the opening time", "يجب أن يكون وقت الإغلاق بعد وقت الافتتاح"});
    if (problems.list.size() != before) return std::nullopt;
    hours.opens_minute = *opens;
    hours.closes_minute = *closes;
    return hours;
}

std::optional<SlotPlan> read_slots(const Json& value, const std::string& field, Problems problems) {
    const auto whole = [&](const char* name, int low, int high) -> std::optional<int> {
        const Json number = value.is_object() ? value.value(name, Json()) : Json();
        if (number.is_number_integer() && number.get<std::int64_t>() >= low && number.get<std::int64_t>() <= high)
            return static_cast<int>(number.get<std::int64_t>());
        return std::nullopt;
    };
    const std::optional<int> minutes = whole("minutes", 5, 240), capacity = whole("capacity", 1, 100);
    if (!minutes)
        problems.add(field + ".minutes", "center.slot_minutes",
                     {"Give the length of an appointment slot in minutes, from 5 to 240",
                      "أدخل مدة موعد الحجز بالدقائق، من 5 إلى 240"});
    if (!capacity)
        problems.add(field + ".capacity", "center.slot_capacity",
                     {"Give how many appointments one slot takes, from 1 to 100",
                      "أدخل عدد المواعيد التي تتسع لها الفترة الواحدة، من 1 إلى 100"});
    if (!minutes || !capacity) return std::nullopt;
    return SlotPlan{*minutes, *capacity};
}

// A list of distinct area ids. Whether each is a real area of the center's governorate is
// check_directory()'s to say, once the whole directory is known.
std::optional<std::vector<std::string>> read_areas(const Json& value, const std::string& field, Problems problems) {
    std::vector<std::string> areas;
    bool ok = value.is_array();
    for (const Json& area : ok ? value : Json::array()) {
        if (!area.is_string() || std::ranges::find(areas, area.get<std::string>()) != areas.end()) ok = false;
        else areas.push_back(area.get<std::string>());
    }
    if (!ok) {
        problems.add(field, "center.areas",
                     {"List the areas the center serves as area ids, each once, for example [\"al_salam\", \"hateen\"]",
                      "اذكر المناطق التي يخدمها المركز بمعرّفاتها، كل منطقة مرة واحدة، مثل [\"al_salam\", \"hateen\"]"});
        return std::nullopt;
    }
    sort_areas(areas);
    return areas;
}

}  // namespace

// [SECTION] The directory's rules

std::vector<FieldProblem> check_directory(std::span<const Center> centers) {
    std::vector<FieldProblem> list;
    Problems problems{list};
    std::set<std::string_view> ids;
    std::map<std::string_view, const Center*> morning_of_area;
    std::set<Governorate> with_evening_center;
    for (const Center& center : centers) {
        const std::string& who_en = center.name.en.empty() ? center.id : center.name.en;
        const std::string& who_ar = center.name.ar.empty() ? center.id : center.name.ar;
        if (center.id.empty() || !ids.insert(center.id).second)
            problems.add("id", "center.duplicate_id",
                         {"Two centers have the id \"" + center.id + "\": each needs its own",
                          "يحمل مركزان المعرّف \"" + center.id + "\": يجب أن يكون لكل مركز معرّف خاص به"});
        const int open_minutes = center.hours.closes_minute - center.hours.opens_minute;
        if (center.slots.minutes > open_minutes)
            problems.add("slots.minutes", "center.slot_longer_than_day",
                         {"An appointment slot of " + std::to_string(center.slots.minutes) + " minutes does not fit in " +
                              who_en + "'s opening hours",
                          "موعد حجز مدته " + std::to_string(center.slots.minutes) + " دقيقة لا يتسع ضمن مواعيد عمل " +
                              who_ar});
        if (center.shift == Shift::evening) {
            with_evening_center.insert(center.governorate);
            if (!center.areas.empty())
                problems.add("areas", "center.evening_areas",
                             {who_en + " is an evening center: it serves its whole governorate, so it lists no areas",
                              who_ar + " مركز مسائي يخدم محافظته كلها، فلا تُحدَّد له مناطق"});
            continue;
        }
        if (center.areas.empty())
            problems.add("areas", "center.no_areas",
                         {who_en + " would serve no area: every morning center serves at least one",
                          who_ar + " لن يخدم أي منطقة: يجب أن يخدم كل مركز صباحي منطقة واحدة على الأقل"});
        for (const std::string& id : center.areas) {
            const Area* area = find_area(id);
            if (!area) {
                problems.add("areas", "center.unknown_area",
                             {"There is no residential area with the id \"" + id + "\"",
                              "لا توجد منطقة سكنية بالمعرّف \"" + id + "\""});
                continue;
            }
            if (area->governorate != center.governorate) {
                const Text governorate = governorate_name(center.governorate);
                problems.add("areas", "center.area_in_other_governorate",
                             {area->name.en + " is not in " + governorate.en + ", the governorate of " + who_en,
                              "منطقة " + area->name.ar + " ليست في محافظة " + governorate.ar + " التي يتبعها " + who_ar});
            }  // and still counted as served below, so one mistake is reported once
            const auto [other, inserted] = morning_of_area.emplace(area->id, &center);
            if (!inserted)
                problems.add("areas", "center.area_served_twice",
                             {area->name.en + " is already served by " + other->second->name.en +
                                  ": an area has one morning center",
                              "منطقة " + area->name.ar + " يخدمها بالفعل " + other->second->name.ar +
                                  ": لكل منطقة مركز صباحي واحد"});
        }
    }
    for (const Area& area : all_areas())
        if (!morning_of_area.contains(area.id))
            problems.add("areas", "center.area_unserved",
                         {area.name.en + " would have no morning center: give it to one",
                          "منطقة " + area.name.ar + " ستبقى بلا مركز صباحي: أسندها إلى أحد المراكز"});
    for (Governorate governorate : kAllGovernorates)
        if (!with_evening_center.contains(governorate)) {
            const Text name = governorate_name(governorate);
            problems.add("shift", "center.governorate_without_evening_center",
                         {name.en + " has no evening center: every governorate needs one",
                          "محافظة " + name.ar + " ليس لها مركز مسائي: يجب أن يكون لكل محافظة مركز مسائي"});
        }
    return list;
}

// [SECTION] JSON

namespace {

Json hours_json(const OpeningHours& hours) {
    Json days = Json::array();
    for (unsigned day = 0; day < 7; ++day)
        if ((hours.weekdays >> day) & 1u) days.push_back(kWeekdayNames[day]);
    return {{"days", std::move(days)}, {"opens", clock_time(hours.opens_minute)}, {"closes", clock_time(hours.closes_minute)}};
}

struct FieldName {
    std::string_view key;
    Text name;
};
const FieldName kReadOnlyFields[] = {{"id", {"id", "المعرّف"}},
                                     {"governorate", {"governorate", "المحافظة"}},
                                     {"shift", {"shift", "الفترة"}},
                                     {"serves", {"\"serves\"", "\"serves\""}},
                                     {"illustrative", {"\"illustrative\" label", "وصف \"illustrative\""}}};
const FieldName kEditableFields[] = {{"name", {"name", "الاسم"}},
                                     {"hours", {"opening hours", "مواعيد العمل"}},
                                     {"slots", {"appointment slots", "فترات الحجز"}},
                                     {"model_center", {"model center flag (true or false)", "صفة المركز النموذجي (true أو false)"}},
                                     {"areas", {"areas", "المناطق"}}};

}  // namespace

Json center_json(const Center& center) {
    return {{"id", center.id},
            {"name", to_json(center.name)},
            {"governorate", governorate_info(center.governorate).id},
            {"shift", name_of(center.shift)},
            {"serves", center.shift == Shift::morning ? "areas" : "governorate"},
            {"areas", areas_served(center)},
            {"hours", hours_json(center.hours)},
            {"slots", {{"minutes", center.slots.minutes}, {"capacity", center.slots.capacity}}},
            {"model_center", center.model_center},
            {"illustrative", center.illustrative}};
}

std::vector<FieldProblem> apply_center_edit(Center& center, const Json& body) {
    std::vector<FieldProblem> list;
    Problems problems{list};
    const Json current = center_json(center);
    for (const auto& [key, value] : body.items()) {
        const auto read_only = std::ranges::find(kReadOnlyFields, key, &FieldName::key);
        const auto editable = std::ranges::find(kEditableFields, key, &FieldName::key);
        if (read_only != std::end(kReadOnlyFields) && value != current[key])
            problems.add(key, "center.read_only",
                         {"The " + read_only->name.en + " of a center cannot be changed",
                          "لا يمكن تغيير " + read_only->name.ar + " للمركز"});
        else if (read_only == std::end(kReadOnlyFields) && editable == std::end(kEditableFields))
            problems.add(key, "center.unknown_field",
                         {"A center has no field \"" + key + "\"", "لا يوجد في المركز حقل باسم \"" + key + "\""});
    }
    const bool morning = center.shift == Shift::morning;
    for (const FieldName& field : kEditableFields)
        if (!body.contains(field.key) && (morning || field.key != "areas"))
            problems.add(std::string(field.key), "center.field_required",
                         {"Send the center's " + field.name.en, "أرسل " + field.name.ar + " للمركز"});
    if (!list.empty()) return list;

    const std::optional<Text> name = read_name(body["name"], "name", problems);
    const std::optional<OpeningHours> hours = read_hours(body["hours"], "hours", problems);
    const std::optional<SlotPlan> slots = read_slots(body["slots"], "slots", problems);
    if (!body["model_center"].is_boolean())
        problems.add("model_center", "center.model_center",
                     {"Send model_center as true or false", "أرسل model_center بالقيمة true أو false"});
    std::optional<std::vector<std::string>> areas;
    if (morning) {
        areas = read_areas(body["areas"], "areas", problems);
    } else if (body.contains("areas") && body["areas"] != current["areas"]) {
        problems.add("areas", "center.evening_areas",
                     {"An evening center serves its whole governorate: its areas cannot be chosen",
                      "يخدم المركز المسائي محافظته كلها: لا يمكن اختيار مناطقه"});
    }
    if (!list.empty()) return list;

    center.name = *name;
    center.hours = *hours;
    center.slots = *slots;
    center.model_center = body["model_center"].get<bool>();
    if (areas) center.areas = std::move(*areas);
    return list;
}

// [SECTION] The data file

std::vector<Center> parse_center_directory(std::string_view json) {
    const Json root = Json::parse(json, nullptr, false);
    const auto fail = [](const std::string& what) { throw std::runtime_error("the center directory data: " + what); };
    if (!root.is_object() || !root.value("centers", Json()).is_array()) fail("not an object with a \"centers\" array");
    if (!root.value("illustrative", Json()).is_boolean()) fail("\"illustrative\" must be true or false");

    std::vector<FieldProblem> list;
    Problems problems{list};
    const Json shifts = root.value("shifts", Json::object());
    const std::optional<OpeningHours> morning_hours = read_hours(shifts.value("morning", Json()), "shifts.morning", problems);
    const std::optional<OpeningHours> evening_hours = read_hours(shifts.value("evening", Json()), "shifts.evening", problems);
    const std::optional<SlotPlan> slots = read_slots(root.value("slots", Json()), "slots", problems);
    if (!list.empty()) fail(list.front().field + ": " + list.front().problem.message.en);

    std::vector<Center> centers;
    for (const Json& entry : root["centers"]) {
        const std::string id = entry.is_object() ? entry.value("id", "") : "";
        const std::string where = "center \"" + id + "\"";
        if (!entry.is_object() || id.empty()) fail("a center without an id");
        Center center;
        center.id = id;
        center.illustrative = root["illustrative"].get<bool>();
        const auto governorate = parse_governorate(entry.value("governorate", ""));
        const auto shift = parse_shift(entry.value("shift", ""));
        if (!governorate) fail(where + ": unknown governorate");
        if (!shift) fail(where + ": the shift must be \"morning\" or \"evening\"");
        if (!entry.value("model_center", Json()).is_boolean()) fail(where + ": model_center must be true or false");
        center.governorate = *governorate;
        center.shift = *shift;
        center.model_center = entry["model_center"].get<bool>();
        center.hours = *shift == Shift::morning ? *morning_hours : *evening_hours;
        center.slots = *slots;
        const std::optional<Text> name = read_name(entry.value("name", Json()), "name", problems);
        if (*shift == Shift::morning) {
            if (auto areas = read_areas(entry.value("areas", Json()), "areas", problems)) center.areas = std::move(*areas);
        } else if (entry.contains("areas")) {
            fail(where + ": an evening center serves its governorate and lists no areas");
        }
        if (!list.empty()) fail(where + ": " + list.front().field + ": " + list.front().problem.message.en);
        center.name = *name;
        centers.push_back(std::move(center));
    }
    list = check_directory(centers);
    if (!list.empty()) fail(list.front().problem.message.en);
    return centers;
}

}  // namespace muamala::server
