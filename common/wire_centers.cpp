// Index of this file:
// [SECTION] Reading fields (centers, admin edits and the data file share these)
// [SECTION] Writing
// [SECTION] Reading a center, and an admin's edit
// [SECTION] The data file
#include "common/wire_centers.h"

#include <algorithm>
#include <iterator>

#include "common/center_directory.h"

namespace muamala {
namespace {

// [SECTION] Reading fields (centers, admin edits and the data file share these)

// The names of the weekdays on the wire, by weekday_of() number.
constexpr std::string_view kWeekdayNames[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// `object[key]`, or null when `object` is not an object or has no such key: never throws.
Json member(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? Json(nullptr) : *found;
}

struct Problems {
    std::vector<Problem>& list;
    void add(std::string field, std::string code, Text message) {
        list.push_back({std::move(code), std::move(message), std::move(field)});
    }
};

std::optional<Text> read_name(const Json& value, const std::string& field, Problems problems) {
    const auto part = [&](const char* language) -> std::string {
        const Json text_json = member(value, language);
        if (!text_json.is_string()) return {};
        const std::string text = text_json.get<std::string>();
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

std::optional<int> read_clock_time(const Json& value) {
    return value.is_string() ? parse_clock_time(value.get<std::string>()) : std::nullopt;
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
    const Json days = member(value, "days");
    bool days_ok = days.is_array() && !days.empty();
    for (const Json& day : days_ok ? days : Json::array()) {
        const auto known = day.is_string() ? std::find(std::begin(kWeekdayNames), std::end(kWeekdayNames), day.get<std::string>())
                                           : std::end(kWeekdayNames);
        const unsigned bit = 1u << (known - std::begin(kWeekdayNames));
        if (known == std::end(kWeekdayNames) || (hours.weekdays & bit)) days_ok = false;
        else hours.weekdays |= bit;
    }
    if (!days_ok)
        problems.add(field + ".days", "center.hours_days",
                     {"List the days the center opens, each once, by name in English: sunday, monday, ... saturday",
                      "اذكر أيام عمل المركز، كل يوم مرة واحدة، باسمه بالإنجليزية: sunday وmonday ... saturday"});
    const std::optional<int> opens = read_clock_time(member(value, "opens"));
    const std::optional<int> closes = read_clock_time(member(value, "closes"));
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
        const Json number = member(value, name);
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
        if (!area.is_string() || std::find(areas.begin(), areas.end(), area.get<std::string>()) != areas.end()) ok = false;
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

std::optional<Shift> read_shift(const Json& value) {
    if (!value.is_string()) return std::nullopt;
    return parse_shift(value.get<std::string>());
}

std::optional<Governorate> read_governorate(const Json& value) {
    if (!value.is_string()) return std::nullopt;
    return parse_governorate(value.get<std::string>());
}

std::optional<bool> read_flag(const Json& value) {
    return value.is_boolean() ? std::optional<bool>(value.get<bool>()) : std::nullopt;
}

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

// [SECTION] Writing

Json to_json(const Center& center) {
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

// [SECTION] Reading a center, and an admin's edit

Center center_from_json(const Json& json, std::vector<Problem>& list) {
    Problems problems{list};
    Center center;
    const Json id = member(json, "id");
    if (id.is_string() && !id.get<std::string>().empty()) center.id = id.get<std::string>();
    else problems.add("id", "center.id", {"A center needs its id", "يلزم معرّف المركز"});
    const std::optional<Governorate> governorate = read_governorate(member(json, "governorate"));
    if (governorate) center.governorate = *governorate;
    else problems.add("governorate", "center.governorate", {"Unknown governorate", "محافظة غير معروفة"});
    const std::optional<Shift> shift = read_shift(member(json, "shift"));
    if (shift) center.shift = *shift;
    else problems.add("shift", "center.shift", {"The shift must be morning or evening", "يجب أن تكون الفترة morning أو evening"});
    if (auto name = read_name(member(json, "name"), "name", problems)) center.name = std::move(*name);
    if (auto hours = read_hours(member(json, "hours"), "hours", problems)) center.hours = *hours;
    if (auto slots = read_slots(member(json, "slots"), "slots", problems)) center.slots = *slots;
    // An evening center's list is its governorate's, which areas_served() gives: none is kept.
    if (center.shift == Shift::morning)
        if (auto areas = read_areas(member(json, "areas"), "areas", problems)) center.areas = std::move(*areas);
    const std::optional<bool> model_center = read_flag(member(json, "model_center"));
    const std::optional<bool> illustrative = read_flag(member(json, "illustrative"));
    if (!model_center || !illustrative)
        problems.add(model_center ? "illustrative" : "model_center", "center.flag",
                     {"Send model_center and illustrative as true or false", "أرسل model_center وillustrative بالقيمة true أو false"});
    center.model_center = model_center.value_or(false);
    center.illustrative = illustrative.value_or(true);
    return center;
}

std::vector<Problem> apply_center_edit(Center& center, const Json& body) {
    std::vector<Problem> list;
    Problems problems{list};
    if (!body.is_object()) {
        problems.add("", "center.not_object", {"Send the center as a JSON object", "أرسل المركز كائن JSON"});
        return list;
    }
    const Json current = to_json(center);
    for (const auto& item : body.items()) {
        const std::string& key = item.key();
        const Json& value = item.value();
        const auto named = [&key](const FieldName& field) { return field.key == key; };
        const auto read_only = std::find_if(std::begin(kReadOnlyFields), std::end(kReadOnlyFields), named);
        const auto editable = std::find_if(std::begin(kEditableFields), std::end(kEditableFields), named);
        if (read_only != std::end(kReadOnlyFields) && value != current[key])
            problems.add(key, "center.read_only",
                         {"The " + read_only->name.en + " of a center cannot be changed", "لا يمكن تغيير " + read_only->name.ar + " للمركز"});
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

    const std::optional<Text> name = read_name(member(body, "name"), "name", problems);
    const std::optional<OpeningHours> hours = read_hours(member(body, "hours"), "hours", problems);
    const std::optional<SlotPlan> slots = read_slots(member(body, "slots"), "slots", problems);
    const std::optional<bool> model_center = read_flag(member(body, "model_center"));
    if (!model_center)
        problems.add("model_center", "center.model_center",
                     {"Send model_center as true or false", "أرسل model_center بالقيمة true أو false"});
    std::optional<std::vector<std::string>> areas;
    if (morning) {
        areas = read_areas(member(body, "areas"), "areas", problems);
    } else if (body.contains("areas") && member(body, "areas") != current["areas"]) {
        problems.add("areas", "center.evening_areas",
                     {"An evening center serves its whole governorate: its areas cannot be chosen",
                      "يخدم المركز المسائي محافظته كلها: لا يمكن اختيار مناطقه"});
    }
    if (!list.empty()) return list;

    center.name = *name;
    center.hours = *hours;
    center.slots = *slots;
    center.model_center = *model_center;
    if (areas) center.areas = std::move(*areas);
    return list;
}

// [SECTION] The data file

CenterDirectoryFile read_center_directory(std::string_view json) {
    const Json root = Json::parse(json, nullptr, /*allow_exceptions=*/false);
    const auto fail = [](std::string what) { return CenterDirectoryFile{{}, std::move(what)}; };
    if (!member(root, "centers").is_array()) return fail("not an object with a \"centers\" array");
    const std::optional<bool> illustrative = read_flag(member(root, "illustrative"));
    if (!illustrative) return fail("\"illustrative\" must be true or false");

    std::vector<Problem> list;
    Problems problems{list};
    const Json shifts = member(root, "shifts");
    const std::optional<OpeningHours> morning_hours = read_hours(member(shifts, "morning"), "shifts.morning", problems);
    const std::optional<OpeningHours> evening_hours = read_hours(member(shifts, "evening"), "shifts.evening", problems);
    const std::optional<SlotPlan> slots = read_slots(member(root, "slots"), "slots", problems);
    if (!list.empty()) return fail(list.front().field + ": " + list.front().message.en);

    std::vector<Center> centers;
    for (const Json& entry : root["centers"]) {
        const Json id = member(entry, "id");
        if (!id.is_string() || id.get<std::string>().empty()) return fail("a center without an id");
        const std::string where = "center \"" + id.get<std::string>() + "\"";
        Center center;
        center.id = id.get<std::string>();
        center.illustrative = *illustrative;
        const std::optional<Governorate> governorate = read_governorate(member(entry, "governorate"));
        const std::optional<Shift> shift = read_shift(member(entry, "shift"));
        const std::optional<bool> model_center = read_flag(member(entry, "model_center"));
        if (!governorate) return fail(where + ": unknown governorate");
        if (!shift) return fail(where + ": the shift must be \"morning\" or \"evening\"");
        if (!model_center) return fail(where + ": model_center must be true or false");
        center.governorate = *governorate;
        center.shift = *shift;
        center.model_center = *model_center;
        center.hours = *shift == Shift::morning ? *morning_hours : *evening_hours;
        center.slots = *slots;
        const std::optional<Text> name = read_name(member(entry, "name"), "name", problems);
        if (*shift == Shift::morning) {
            if (auto areas = read_areas(member(entry, "areas"), "areas", problems)) center.areas = std::move(*areas);
        } else if (entry.contains("areas")) {
            return fail(where + ": an evening center serves its governorate and lists no areas");
        }
        if (!list.empty()) return fail(where + ": " + list.front().field + ": " + list.front().message.en);
        center.name = *name;
        centers.push_back(std::move(center));
    }
    list = check_directory(centers);
    if (!list.empty()) return fail(list.front().message.en);
    return {std::move(centers), {}};
}

}  // namespace muamala
