// Reading JSON into core types without ever throwing (the wasm build has no exceptions): each
// missing or mistyped member becomes one Problem naming its JSON path, and reading goes on, so a
// caller gets every problem at once. For common/wire_*.cpp only; callers use their from_json().
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/reasons.h"
#include "common/wire.h"
#include "common/wire_names.h"

namespace muamala {

class WireReader {
public:
    // Each problem gets `code` (a reason of common/reasons.cpp that quotes {name}) and the path.
    WireReader(std::vector<Problem>& problems, const char* code) : problems_(problems), code_(code) {}

    void bad(const std::string& path) { problems_.push_back(reason(code_, {.name = path})); }

    // The member, or nullptr when it is absent or null.
    const Json* find(const Json& object, const char* key) const {
        if (!object.is_object()) return nullptr;
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    std::string text(const Json& object, const char* key, const std::string& path, bool required = true) {
        const Json* value = find(object, key);
        if (!value) {
            if (required) bad(path + "." + key);
            return {};
        }
        if (!value->is_string()) return bad(path + "." + key), std::string{};
        return value->get<std::string>();
    }

    // {"en":..,"ar":..}, both strings.
    Text bilingual(const Json& object, const char* key, const std::string& path) {
        const Json* value = object_member(object, key, path, true);
        if (!value) return {};
        return {text(*value, "en", path + "." + key), text(*value, "ar", path + "." + key)};
    }

    Date date(const Json& object, const char* key, const std::string& path) {
        const auto parsed = optional_date(object, key, path);
        if (!parsed && !find(object, key)) bad(path + "." + key);
        return parsed.value_or(Date{});
    }

    std::optional<Date> optional_date(const Json& object, const char* key, const std::string& path) {
        const Json* value = find(object, key);
        if (!value) return std::nullopt;
        const auto parsed = value->is_string() ? parse_iso_date(value->get_ref<const std::string&>()) : std::nullopt;
        if (!parsed) bad(path + "." + key);
        return parsed;
    }

    // Money: a whole number of fils, never negative; absent reads as 0 unless `required`.
    int64_t fils(const Json& object, const char* key, const std::string& path, bool required = false) {
        const Json* value = find(object, key);
        if (!value) {
            if (required) bad(path + "." + key);
            return 0;
        }
        if (!value->is_number_integer() || value->get<int64_t>() < 0) return bad(path + "." + key), 0;
        return value->get<int64_t>();
    }

    int64_t integer(const Json& object, const char* key, const std::string& path) {
        const Json* value = find(object, key);
        if (!value || !value->is_number_integer()) return bad(path + "." + key), 0;
        return value->get<int64_t>();
    }

    bool flag(const Json& object, const char* key, const std::string& path, bool required = false) {
        const Json* value = find(object, key);
        if (!value) {
            if (required) bad(path + "." + key);
            return false;
        }
        if (!value->is_boolean()) return bad(path + "." + key), false;
        return value->get<bool>();
    }

    // An object member: nullptr when absent (a problem only if `required`) or not an object (a problem).
    const Json* object_member(const Json& parent, const char* key, const std::string& path, bool required = false) {
        const Json* value = find(parent, key);
        if (!value) {
            if (required) bad(path + "." + key);
            return nullptr;
        }
        if (!value->is_object()) return bad(path + "." + key), nullptr;
        return value;
    }

    template <typename Each>
    void array(const Json& parent, const char* key, const std::string& path, Each each, bool required = false) {
        const Json* value = find(parent, key);
        if (!value) {
            if (required) bad(path + "." + key);
            return;
        }
        if (!value->is_array()) return bad(path + "." + key);
        for (size_t i = 0; i < value->size(); ++i) {
            const std::string at = path + "." + key + "[" + std::to_string(i) + "]";
            if (!(*value)[i].is_object()) bad(at);
            else each((*value)[i], at);
        }
    }

    // One of the names in `names`; `fallback` (and a problem) for any other, or when absent.
    template <typename Enum, std::size_t N>
    Enum choice(const Json& object, const char* key, const std::string& path, const WireNames<Enum, N>& names,
                Enum fallback) {
        const std::string name = text(object, key, path);
        if (const std::optional<Enum> value = from_wire_name(names, name)) return *value;
        if (!name.empty()) bad(path + "." + key);
        return fallback;
    }

    // The same, for an enum whose names its own header parses (statuses.h, transactions.h).
    template <typename Enum>
    Enum named(const Json& object, const char* key, const std::string& path, std::optional<Enum> (*parse)(std::string_view),
               Enum fallback) {
        const std::string name = text(object, key, path);
        if (const std::optional<Enum> value = parse(name)) return *value;
        if (!name.empty()) bad(path + "." + key);
        return fallback;
    }

private:
    std::vector<Problem>& problems_;
    const char* code_;
};

}  // namespace muamala
