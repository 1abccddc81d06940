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
    {"registration_window_days", &TransactionRules::registration_window_days},
    {"passport_min_months_left", &TransactionRules::passport_min_months_left},
    {"abroad_limit_days", &TransactionRules::abroad_limit_days},
    {"abroad_exempt_if_mother_kuwaiti_by_birth", &TransactionRules::abroad_exempt_if_mother_kuwaiti_by_birth},
    {"son_max_age_years", &TransactionRules::son_max_age_years},
    {"min_age_years", &TransactionRules::min_age_years},
    {"fines_block", &TransactionRules::fines_block},
    {"needs_health_insurance", &TransactionRules::needs_health_insurance},
    {"refused_if_employed", &TransactionRules::refused_if_employed},
    {"max_years_if_mother_naturalised", &TransactionRules::max_years_if_mother_naturalised},
    {"fee_per_year_if_mother_naturalised_fils", &TransactionRules::fee_per_year_if_mother_naturalised_fils},
    {"health_insurance_fee_per_year_fils", &TransactionRules::health_insurance_fee_per_year_fils},
    {"health_insurance_waived_if_mother_kuwaiti_by_birth", &TransactionRules::health_insurance_waived_if_mother_kuwaiti_by_birth},
    {"health_insurance_waived_under_age_months", &TransactionRules::health_insurance_waived_under_age_months},
    {"passport_update_grace_months", &TransactionRules::passport_update_grace_months},
};

const FigureField* find_figure_field(std::string_view name) {
    const auto field = std::find_if(std::begin(kFigureFields), std::end(kFigureFields),
                                    [&](const FigureField& f) { return f.name == name; });
    return field == std::end(kFigureFields) ? nullptr : field;
}

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
        case TransactionKind::issue_newborn_residency:  // and a registration window, in months or days
            return {"max_years", "fee_per_year_fils", "late_fine_per_day_fils", "late_fine_cap_fils",
                    "passport_min_months_left", "fines_block", "needs_health_insurance"};
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
        if (json.is_null()) {  // the instrument ended the rule: the figure no longer applies
            out = Figure{};
            return;
        }
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
        if (!find_source(version, out.source)) fail(where, "cites unknown source \"" + out.source + "\"");
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
            const FigureField* field = find_figure_field(key);
            if (!field) {
                fail(where + "." + key, "unknown figure");
                continue;
            }
            read_figure(value, where + "." + key, version, rules.*(field->member));
        }
    }

    // After the version's own figures are laid over the ones it inherits: is the whole consistent?
    void check_transaction(const std::string& where, TransactionKind kind, const TransactionRules& rules) {
        for (std::string_view name : required_figures(kind))
            if (!(rules.*(find_figure_field(name)->member)).present) fail(where, "misses figure " + std::string(name));
        if (issues_residency(kind) && rules.residency_kind.empty()) fail(where, "misses residency_kind");
        if (rules.late_fine_step_after_days.present != rules.late_fine_per_day_after_step_fils.present)
            fail(where, "late_fine_step_after_days and late_fine_per_day_after_step_fils come together");
        if (kind == TransactionKind::issue_newborn_residency &&
            rules.registration_window_months.present == rules.registration_window_days.present)
            fail(where, "needs one of registration_window_months and registration_window_days");
    }

    // `previous` is the version in force before this one (nullptr for the first): this one starts from it.
    void read_version(const Json& json, const std::string& where, const RulebookVersion* previous, Rulebook& rulebook) {
        if (!json.is_object()) return fail(where, "must be an object");
        RulebookVersion version;
        if (previous) {
            version.sources = previous->sources;
            version.transactions = previous->transactions;
        }
        if (!json.contains("id") || !json["id"].is_string()) return fail(where, "misses id");
        version.id = json["id"].get<std::string>();
        const std::string at = where + "(" + version.id + ")";
        if (!json.contains("title") || !read_text(json["title"], at + ".title", version.title)) return;
        const auto from = json.contains("effective_from") && json["effective_from"].is_string()
                              ? parse_iso_date(json["effective_from"].get<std::string>())
                              : std::nullopt;
        if (!from) return fail(at + ".effective_from", "must be a YYYY-MM-DD date");
        version.effective_from = *from;
        if (previous && !(previous->effective_from < version.effective_from))
            return fail(at + ".effective_from", "must come after " + previous->id + "'s (versions are listed oldest first)");
        if (json.contains("effective_from_confirmed") && json["effective_from_confirmed"].is_boolean())
            version.effective_from_confirmed = json["effective_from_confirmed"].get<bool>();
        if (!json.contains("sources") || !json["sources"].is_array()) return fail(at, "misses sources");
        for (const Json& source : json["sources"]) {
            if (!source.is_object() || !source.contains("id") || !source["id"].is_string() ||
                !source.contains("cite") || !source["cite"].is_string() ||
                (source.contains("url") && !source["url"].is_string())) {
                fail(at + ".sources", "each source needs id and cite, and a url only as a string");
                continue;
            }
            Source read{source["id"].get<std::string>(), source["cite"].get<std::string>(),
                        source.contains("url") ? source["url"].get<std::string>() : std::string()};
            if (!read.url.empty() && !read.url.starts_with("https://") && !read.url.starts_with("http://"))
                fail(at + ".sources." + read.id + ".url", "must be an http(s) address");
            // An id keeps one meaning in the whole rulebook: figures inherited from earlier versions cite it.
            if (find_source(version, read.id)) fail(at + ".sources." + read.id, "is already declared");
            else version.sources.push_back(std::move(read));
        }
        const std::string instrument = json.contains("instrument_source") && json["instrument_source"].is_string()
                                           ? json["instrument_source"].get<std::string>()
                                           : std::string();
        const Source* cited = find_source(version, instrument);
        if (!cited || cited->url.empty())
            fail(at + ".instrument_source", "must name a source of this version with a url");
        version.instrument_source = instrument;
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
        for (TransactionKind kind : kAllTransactionKinds)
            if (version.rules_for(kind).offered)
                check_transaction(at + ".transactions." + std::string(name_of(kind)), kind, version.rules_for(kind));
        rulebook.versions.push_back(std::move(version));
    }

    static const Source* find_source(const RulebookVersion& version, std::string_view id) {
        for (const Source& source : version.sources)
            if (source.id == id) return &source;
        return nullptr;
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
    const Json& versions = json["versions"];
    for (size_t i = 0; i < versions.size(); ++i) {
        const RulebookVersion* previous = load.rulebook.versions.empty() ? nullptr : &load.rulebook.versions.back();
        loader.read_version(versions[i], "versions[" + std::to_string(i) + "]", previous, load.rulebook);
    }
    if (load.rulebook.versions.empty()) loader.fail("rulebook", "has no version");
    load.problems = std::move(loader.problems);
    return load;
}

RulebookLoad load_embedded_rulebook() { return load_rulebook(embedded_rulebook_json()); }

}  // namespace muamala
