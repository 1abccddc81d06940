#include "tests/server/json_schema.h"

#include <regex>

#include "common/date.h"

namespace muamala::server::testing {
namespace {

// "#/components/schemas/Transaction" in `document`; nullptr when it names nothing.
const Json* resolve(const Json& document, const std::string& reference) {
    if (!reference.starts_with("#/")) return nullptr;
    const Json* at = &document;
    std::size_t start = 2;
    while (start <= reference.size()) {
        const std::size_t end = std::min(reference.find('/', start), reference.size());
        const std::string key = reference.substr(start, end - start);
        if (!at->is_object() || !at->contains(key)) return nullptr;
        at = &(*at)[key];
        start = end + 1;
    }
    return at;
}

bool is_date_time(const std::string& text) {
    static const std::regex kDateTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)");
    return std::regex_match(text, kDateTime) && parse_iso_date(text.substr(0, 10)).has_value();
}

bool has_type(const Json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    return false;
}

class Checker {
public:
    explicit Checker(const Json& document) : document_(document) {}

    void check(const Json& value, const Json& schema, const std::string& path) {
        if (!schema.is_object()) return mismatch(path, "the schema is not an object");
        if (const auto reference = schema.find("$ref"); reference != schema.end()) {
            const Json* target = reference->is_string() ? resolve(document_, reference->get<std::string>()) : nullptr;
            if (!target) return mismatch(path, "$ref " + reference->dump() + " names nothing in the document");
            return check(value, *target, path);
        }
        if (value.is_null() && schema.value("nullable", false)) return;
        for (const auto& [keyword, argument] : schema.items()) {
            if (keyword == "type") {
                if (!has_type(value, argument.get<std::string>()))
                    mismatch(path, "is " + std::string(value.type_name()) + ", not " + argument.get<std::string>());
            } else if (keyword == "enum") {
                if (std::find(argument.begin(), argument.end(), value) == argument.end())
                    mismatch(path, value.dump() + " is not one of " + argument.dump());
            } else if (keyword == "allOf") {
                for (const Json& part : argument) check(value, part, path);
            } else if (keyword == "required") {
                if (value.is_object())
                    for (const Json& name : argument)
                        if (!value.contains(name.get<std::string>())) mismatch(path, "has no " + name.get<std::string>());
            } else if (keyword == "properties") {
                if (value.is_object())
                    for (const auto& [name, property] : argument.items())
                        if (value.contains(name)) check(value[name], property, path + "." + name);
            } else if (keyword == "additionalProperties") {
                if (value.is_object()) additional(value, schema, argument, path);
            } else if (keyword == "items") {
                if (value.is_array())
                    for (std::size_t i = 0; i < value.size(); ++i) check(value[i], argument, path + "[" + std::to_string(i) + "]");
            } else if (keyword == "format") {
                format(value, argument.get<std::string>(), path);
            } else if (keyword == "pattern") {
                if (value.is_string() && !std::regex_search(value.get<std::string>(), std::regex(argument.get<std::string>())))
                    mismatch(path, value.dump() + " does not match " + argument.get<std::string>());
            } else if (keyword != "nullable" && keyword != "description" && keyword != "example" && keyword != "title") {
                mismatch(path, "the schema uses " + keyword + ", which this checker does not know");
            }
        }
    }

    std::vector<std::string> mismatches;

private:
    void mismatch(const std::string& path, const std::string& what) { mismatches.push_back(path + ": " + what); }

    // Members the schema's properties do not name: refused (false), or checked against a schema.
    void additional(const Json& value, const Json& schema, const Json& argument, const std::string& path) {
        const Json properties = schema.value("properties", Json::object());
        for (const auto& [name, member] : value.items()) {
            if (properties.contains(name)) continue;
            if (argument.is_boolean() && !argument.get<bool>()) mismatch(path, "has " + name + ", which the schema does not describe");
            else if (argument.is_object()) check(member, argument, path + "." + name);
        }
    }

    void format(const Json& value, const std::string& name, const std::string& path) {
        if (!value.is_string()) return;  // `type` says what a value must be; a format only narrows strings
        const std::string& text = value.get_ref<const std::string&>();
        if (name == "date" && !parse_iso_date(text)) mismatch(path, text + " is not a date (YYYY-MM-DD)");
        else if (name == "date-time" && !is_date_time(text)) mismatch(path, text + " is not an ISO-8601 UTC time");
        else if (name != "date" && name != "date-time") mismatch(path, "format " + name + " is not one this checker knows");
    }

    const Json& document_;
};

}  // namespace

std::vector<std::string> schema_mismatches(const Json& value, const Json& schema, const Json& document) {
    Checker checker(document);
    checker.check(value, schema, "$");
    return std::move(checker.mismatches);
}

const Json* response_schema(const Json& document, std::string_view method, std::string_view path, int status) {
    const Json* operation = resolve(document, "#/paths");
    if (!operation || !operation->contains(std::string(path))) return nullptr;
    operation = &(*operation)[std::string(path)];
    if (!operation->contains(std::string(method))) return nullptr;
    const Json& responses = (*operation)[std::string(method)]["responses"];
    const std::string exact = std::to_string(status), range = exact.substr(0, 1) + "XX";
    const Json* response = responses.contains(exact) ? &responses[exact] : responses.contains(range) ? &responses[range] : nullptr;
    if (response && response->contains("$ref")) response = resolve(document, (*response)["$ref"].get<std::string>());
    if (!response || !response->contains("content") || !(*response)["content"].contains("application/json")) return nullptr;
    const Json& media = (*response)["content"]["application/json"];
    return media.contains("schema") ? &media["schema"] : nullptr;
}

}  // namespace muamala::server::testing
