#include "common/rulebook.h"

#include <algorithm>

#include "common/wire.h"

namespace muamala {
namespace {

struct FigureField {
    std::string_view name;
    Figure TransactionRules::*member;
};

constexpr FigureField kFigureFields[] = {
    {"max_years", &TransactionRules::max_years},
    {"term_years", &TransactionRules::term_years},
    {"fee_per_year_fils", &TransactionRules::fee_per_year_fils},
    {"fee_fils", &TransactionRules::fee_fils},
    {"opens_days_before_expiry", &TransactionRules::opens_days_before_expiry},
    {"opens_months_before_expiry", &TransactionRules::opens_months_before_expiry},
    {"late_fine_per_day_fils", &TransactionRules::late_fine_per_day_fils},
    {"late_fine_step_after_days", &TransactionRules::late_fine_step_after_days},
    {"late_fine_per_day_after_step_fils", &TransactionRules::late_fine_per_day_after_step_fils},
    {"late_fine_cap_fils", &TransactionRules::late_fine_cap_fils},
    {"registration_window_months", &TransactionRules::registration_window_months},
    {"passport_min_months_left", &TransactionRules::passport_min_months_left},
    {"abroad_limit_days", &TransactionRules::abroad_limit_days},
    {"abroad_exempt_if_mother_kuwaiti_by_birth", &TransactionRules::abroad_exempt_if_mother_kuwaiti_by_birth},
    {"son_max_age_years", &TransactionRules::son_max_age_years},
    {"min_age_years", &TransactionRules::min_age_years},
    {"fines_block", &TransactionRules::fines_block},
    {"needs_health_insurance", &TransactionRules::needs_health_insurance},
};

// The figures evaluate() reads for each transaction; a version that offers a transaction must set
// all of them (optional figures, such as a son's age limit, are not listed).
std::vector<std::string_view> required_figures(TransactionKind kind) {
    switch (kind) {
        case TransactionKind::renew_husband_residency:
            return {"max_years", "fee_per_year_fils", "opens_days_before_expiry", "late_fine_per_day_fils",
                    "late_fine_cap_fils", "passport_min_months_left", "abroad_limit_days", "fines_block",
                    "needs_health_insurance"};
        case TransactionKind::renew_child_residency:
            return {"max_years", "fee_per_year_fils", "opens_days_before_expiry", "late_fine_per_day_fils",
                    "late_fine_cap_fils", "passport_min_months_left", "abroad_limit_days",
                    "abroad_exempt_if_mother_kuwaiti_by_birth", "fines_block", "needs_health_insurance"};
        case TransactionKind::renew_child_licence:
            return {"term_years", "fee_fils", "opens_months_before_expiry", "min_age_years", "fines_block"};
        case TransactionKind::issue_newborn_residency:
            return {"max_years", "fee_per_year_fils", "registration_window_months", "late_fine_per_day_fils",
                    "late_fine_cap_fils", "passport_min_months_left", "fines_block", "needs_health_insurance"};
        case TransactionKind::transfer_residency_passport:
            return {"fee_fils", "passport_min_months_left", "fines_block"};
    }
    return {};
}

bool issues_residency(TransactionKind kind) {
    return kind == TransactionKind::renew_husband_residency || kind == TransactionKind::renew_child_residency ||
           kind == TransactionKind::issue_newborn_residency;
}

class Loader {
public:
    std::vector<std::string> problems;

    void fail(const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); }

    bool read_text(const Json& json, const std::string& where, Text& out) {
        if (!json.is_object() || !json.contains("en") || !json.contains("ar") || !json["en"].is_string() ||
            !json["ar"].is_string()) {
            fail(where, "must be {\"en\":..., \"ar\":...}");
            return false;
        }
        out = {json["en"].get<std::string>(), json["ar"].get<std::string>()};
        return true;
    }

    void read_figure(const Json& json, const std::string& where, const RulebookVersion& version, Figure& out) {
        if (!json.is_object() || !json.contains("value") || !json["value"].is_number_integer() ||
            !json.contains("source") || !json["source"].is_string() || !json.contains("confirmed") ||
            !json["confirmed"].is_boolean()) {
            fail(where, "must be {\"value\": integer, \"source\": id, \"confirmed\": bool}");
            return;
        }
        out.value = json["value"].get<int64_t>();
        out.source = json["source"].get<std::string>();
        out.confirmed = json["confirmed"].get<bool>();
        out.present = true;
        if (out.value < 0) fail(where, "a figure is never negative");
        const bool known = std::any_of(version.sources.begin(), version.sources.end(),
                                       [&](const Source& s) { return s.id == out.source; });
        if (!known) fail(where, "cites unknown source \"" + out.source + "\"");
    }

    void read_transaction(const Json& json, const std::string& where, TransactionKind kind,
                          RulebookVersion& version) {
        TransactionRules& rules = version.transactions[static_cast<size_t>(kind)];
        rules.offered = true;
        if (!json.is_object()) return fail(where, "must be an object");
        for (const auto& item : json.items()) {
            const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture those
            const Json& value = item.value();
            if (key == "residency_kind") {
                if (value.is_string()) rules.residency_kind = value.get<std::string>();
                else fail(where + "." + key, "must be a string");
                continue;
            }
            const auto field = std::find_if(std::begin(kFigureFields), std::end(kFigureFields),
                                            [&](const FigureField& f) { return f.name == key; });
            if (field == std::end(kFigureFields)) {
                fail(where + "." + key, "unknown figure");
                continue;
            }
            read_figure(value, where + "." + key, version, rules.*(field->member));
        }
        for (std::string_view name : required_figures(kind)) {
            const auto field = std::find_if(std::begin(kFigureFields), std::end(kFigureFields),
                                            [&](const FigureField& f) { return f.name == name; });
            if (!(rules.*(field->member)).present) fail(where, "misses figure " + std::string(name));
        }
        if (issues_residency(kind) && rules.residency_kind.empty()) fail(where, "misses residency_kind");
        if (rules.late_fine_step_after_days.present != rules.late_fine_per_day_after_step_fils.present)
            fail(where, "late_fine_step_after_days and late_fine_per_day_after_step_fils come together");
    }

    void read_version(const Json& json, const std::string& where, Rulebook& rulebook) {
        if (!json.is_object()) return fail(where, "must be an object");
        RulebookVersion version;
        if (!json.contains("id") || !json["id"].is_string()) return fail(where, "misses id");
        version.id = json["id"].get<std::string>();
        const std::string at = where + "(" + version.id + ")";
        if (!json.contains("title") || !read_text(json["title"], at + ".title", version.title)) return;
        const auto from = json.contains("effective_from") && json["effective_from"].is_string()
                              ? parse_iso_date(json["effective_from"].get<std::string>())
                              : std::nullopt;
        if (!from) return fail(at + ".effective_from", "must be a YYYY-MM-DD date");
        version.effective_from = *from;
        if (json.contains("effective_from_confirmed") && json["effective_from_confirmed"].is_boolean())
            version.effective_from_confirmed = json["effective_from_confirmed"].get<bool>();
        if (!json.contains("sources") || !json["sources"].is_array()) return fail(at, "misses sources");
        for (const Json& source : json["sources"]) {
            if (!source.is_object() || !source.contains("id") || !source["id"].is_string() ||
                !source.contains("cite") || !source["cite"].is_string()) {
                fail(at + ".sources", "each source needs id and cite");
                continue;
            }
            version.sources.push_back({source["id"].get<std::string>(), source["cite"].get<std::string>()});
        }
        if (!json.contains("transactions") || !json["transactions"].is_object())
            return fail(at, "misses transactions");
        for (const auto& item : json["transactions"].items()) {
            const std::string& name = item.key();
            const auto kind = parse_transaction_kind(name);
            if (!kind) {
                fail(at + ".transactions." + name, "unknown transaction");
                continue;
            }
            read_transaction(item.value(), at + ".transactions." + name, *kind, version);
        }
        rulebook.versions.push_back(std::move(version));
    }
};

}  // namespace

const RulebookVersion* Rulebook::version_on(const Date& day) const {
    const RulebookVersion* in_force = nullptr;
    for (const RulebookVersion& version : versions)
        if (version.effective_from <= day) in_force = &version;
    return in_force;
}

RulebookLoad load_rulebook(std::string_view json_text) {
    RulebookLoad load;
    Loader loader;
    const Json json = Json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("versions") || !json["versions"].is_array()) {
        load.problems.push_back("rulebook: not a JSON object with a versions array");
        return load;
    }
    for (size_t i = 0; i < json["versions"].size(); ++i)
        loader.read_version(json["versions"][i], "versions[" + std::to_string(i) + "]", load.rulebook);
    auto& versions = load.rulebook.versions;
    std::sort(versions.begin(), versions.end(),
              [](const RulebookVersion& a, const RulebookVersion& b) { return a.effective_from < b.effective_from; });
    for (size_t i = 1; i < versions.size(); ++i)
        if (versions[i].effective_from == versions[i - 1].effective_from)
            loader.fail(versions[i].id, "starts on the same day as " + versions[i - 1].id);
    if (versions.empty()) loader.fail("rulebook", "has no version");
    load.problems = std::move(loader.problems);
    return load;
}

RulebookLoad load_embedded_rulebook() { return load_rulebook(embedded_rulebook_json()); }

}  // namespace muamala
