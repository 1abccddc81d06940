#include "common/wire_transactions.h"

#include "common/wire_reader.h"

namespace muamala {
namespace {

constexpr WireNames<Sex, 2> kSexes = {{Sex::female, "female"}, {Sex::male, "male"}};
constexpr WireNames<KuwaitiBy, 3> kKuwaitiBy = {
    {KuwaitiBy::not_kuwaiti, "none"}, {KuwaitiBy::birth, "birth"}, {KuwaitiBy::naturalisation, "naturalisation"}};
constexpr WireNames<Employment, 3> kEmployments = {
    {Employment::none, "none"}, {Employment::government, "government"}, {Employment::private_sector, "private"}};
constexpr WireNames<MarriageStatus, 3> kMarriageStatuses = {
    {MarriageStatus::married, "married"}, {MarriageStatus::divorced, "divorced"}, {MarriageStatus::widowed, "widowed"}};
constexpr WireNames<ActorRole, 2> kActorRoles = {{ActorRole::sponsor, "sponsor"}, {ActorRole::center_operator, "operator"}};

Person person_from_json(WireReader& r, const Json& json, const std::string& at) {
    Person p;
    p.civil_id = r.text(json, "civil_id", at);
    if (const Json* name = r.object_member(json, "name", at)) {
        p.name.en = r.text(*name, "en", at + ".name");
        p.name.ar = r.text(*name, "ar", at + ".name");
    }
    p.birth_date = r.date(json, "birth_date", at);
    p.sex = r.choice(json, "sex", at, kSexes, Sex::female);
    p.nationality = r.text(json, "nationality", at);
    p.kuwaiti_by = p.nationality == "KWT" ? r.choice(json, "kuwaiti_by", at, kKuwaitiBy, KuwaitiBy::birth)
                                          : KuwaitiBy::not_kuwaiti;
    p.home_area = r.text(json, "home_area", at, false);
    if (r.find(json, "employment")) p.employment = r.choice(json, "employment", at, kEmployments, Employment::none);
    if (const Json* residency = r.object_member(json, "residency", at)) {
        const std::string path = at + ".residency";
        p.residency = Residency{r.text(*residency, "kind", path), r.date(*residency, "issued", path),
                                r.date(*residency, "expires", path), r.text(*residency, "sponsor", path)};
    }
    if (const Json* licence = r.object_member(json, "licence", at))
        p.licence = DrivingLicence{r.text(*licence, "class", at + ".licence"), r.date(*licence, "expires", at + ".licence")};
    if (const Json* passport = r.object_member(json, "passport", at)) {
        const std::string path = at + ".passport";
        p.passport = Passport{r.text(*passport, "number", path), r.text(*passport, "country", path),
                              r.date(*passport, "expires", path)};
    }
    p.health_insurance_expires = r.optional_date(json, "health_insurance_expires", at);
    if (const Json* holds = r.object_member(json, "holds", at)) {
        const std::string path = at + ".holds";
        p.holds.unpaid_traffic_fines_fils = r.fils(*holds, "traffic_fines_fils", path);
        p.holds.unpaid_utility_dues_fils = r.fils(*holds, "utility_dues_fils", path);
        p.holds.security_hold = r.flag(*holds, "security_hold", path);
        p.holds.outside_kuwait_since = r.optional_date(*holds, "outside_kuwait_since", path);
    }
    return p;
}

Json text_json(const Text& text) { return to_json(text); }

Json optional_date_json(const std::optional<Date>& date) { return date ? Json(to_iso(*date)) : Json(nullptr); }

}  // namespace

// [SECTION] From JSON

Registry registry_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, "registry.invalid");
    Registry registry;
    if (!json.is_object()) {
        r.bad("registry");
        return registry;
    }
    r.array(json, "persons", "registry", [&](const Json& each, const std::string& at) {
        registry.persons.push_back(person_from_json(r, each, at));
    });
    r.array(json, "marriages", "registry", [&](const Json& each, const std::string& at) {
        registry.marriages.push_back({r.text(each, "wife", at), r.text(each, "husband", at),
                                      r.choice(each, "status", at, kMarriageStatuses, MarriageStatus::married)});
    });
    r.array(json, "parents", "registry", [&](const Json& each, const std::string& at) {
        registry.parentages.push_back({r.text(each, "child", at), r.text(each, "mother", at),
                                       r.text(each, "father", at, false)});
    });
    return registry;
}

TransactionForm form_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, "request.invalid_field");
    TransactionForm form;
    if (!json.is_object()) return r.bad("transaction.form"), form;
    if (const Json* years = r.find(json, "years")) {
        if (years->is_number_integer()) form.years = years->get<int64_t>();
        else r.bad("transaction.form.years");
    }
    form.phone = r.text(json, "phone", "transaction.form", false);
    form.new_passport_number = r.text(json, "new_passport_number", "transaction.form", false);
    form.new_passport_country = r.text(json, "new_passport_country", "transaction.form", false);
    form.new_passport_expires = r.text(json, "new_passport_expires", "transaction.form", false);
    return form;
}

TransactionRequest request_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, "request.invalid_field");
    TransactionRequest request;
    if (!json.is_object()) return r.bad("request"), request;
    const auto today = r.optional_date(json, "today", "request");
    if (!today && !r.find(json, "today")) r.bad("request.today");
    request.today = today.value_or(Date{});
    request.today_valid = today.has_value();
    const Json* transaction = r.object_member(json, "transaction", "request");
    if (!transaction) {
        if (!r.find(json, "transaction")) r.bad("request.transaction");
        return request;
    }
    request.kind = r.text(*transaction, "kind", "transaction");
    request.sponsor_civil_id = r.text(*transaction, "sponsor", "transaction");
    request.beneficiary_civil_id = r.text(*transaction, "beneficiary", "transaction");
    if (const Json* actor = r.object_member(*transaction, "actor", "transaction")) {
        request.actor_role = r.choice(*actor, "role", "transaction.actor", kActorRoles, ActorRole::sponsor);
        request.actor_civil_id = r.text(*actor, "civil_id", "transaction.actor");
    } else {
        r.bad("transaction.actor");
    }
    if (const Json* form = r.object_member(*transaction, "form", "transaction")) request.form = form_from_json(*form, problems);
    return request;
}

// [SECTION] To JSON

Json to_json(const Person& p) {
    Json json{{"civil_id", p.civil_id}, {"name", text_json(p.name)}, {"birth_date", to_iso(p.birth_date)},
              {"sex", wire_name(kSexes, p.sex)}, {"nationality", p.nationality}};
    if (p.is_kuwaiti()) json["kuwaiti_by"] = wire_name(kKuwaitiBy, p.kuwaiti_by);
    if (!p.home_area.empty()) json["home_area"] = p.home_area;
    if (p.employment != Employment::none) json["employment"] = wire_name(kEmployments, p.employment);
    if (p.residency)
        json["residency"] = {{"kind", p.residency->kind}, {"issued", to_iso(p.residency->issued)},
                             {"expires", to_iso(p.residency->expires)}, {"sponsor", p.residency->sponsor_civil_id}};
    if (p.licence) json["licence"] = {{"class", p.licence->licence_class}, {"expires", to_iso(p.licence->expires)}};
    if (p.passport)
        json["passport"] = {{"number", p.passport->number}, {"country", p.passport->country},
                            {"expires", to_iso(p.passport->expires)}};
    if (p.health_insurance_expires) json["health_insurance_expires"] = to_iso(*p.health_insurance_expires);
    Json holds = Json::object();
    if (p.holds.unpaid_traffic_fines_fils) holds["traffic_fines_fils"] = p.holds.unpaid_traffic_fines_fils;
    if (p.holds.unpaid_utility_dues_fils) holds["utility_dues_fils"] = p.holds.unpaid_utility_dues_fils;
    if (p.holds.security_hold) holds["security_hold"] = true;
    if (p.holds.outside_kuwait_since) holds["outside_kuwait_since"] = to_iso(*p.holds.outside_kuwait_since);
    if (!holds.empty()) json["holds"] = std::move(holds);
    return json;
}

Json to_json(const Registry& registry) {
    Json persons = Json::array(), marriages = Json::array(), parents = Json::array();
    for (const Person& p : registry.persons) persons.push_back(to_json(p));
    for (const Marriage& m : registry.marriages)
        marriages.push_back({{"wife", m.wife_civil_id}, {"husband", m.husband_civil_id},
                             {"status", wire_name(kMarriageStatuses, m.status)}});
    for (const Parentage& p : registry.parentages) {
        Json parent{{"child", p.child_civil_id}, {"mother", p.mother_civil_id}};
        if (!p.father_civil_id.empty()) parent["father"] = p.father_civil_id;
        parents.push_back(std::move(parent));
    }
    return Json{{"persons", std::move(persons)}, {"marriages", std::move(marriages)}, {"parents", std::move(parents)}};
}

Json to_json(const TransactionForm& form) {
    Json json = Json::object();
    if (form.years) json["years"] = *form.years;
    if (!form.phone.empty()) json["phone"] = form.phone;
    if (!form.new_passport_number.empty()) json["new_passport_number"] = form.new_passport_number;
    if (!form.new_passport_country.empty()) json["new_passport_country"] = form.new_passport_country;
    if (!form.new_passport_expires.empty()) json["new_passport_expires"] = form.new_passport_expires;
    return json;
}

Json to_json(const NewRecord& record) {
    Json json{{"document", record.document}, {"holder", record.holder_civil_id}, {"kind", record.kind}};
    if (!record.sponsor_civil_id.empty()) json["sponsor"] = record.sponsor_civil_id;
    if (!record.passport_number.empty()) json["passport_number"] = record.passport_number;
    json["issued"] = to_iso(record.issued);
    json["expires"] = to_iso(record.expires);
    return json;
}

Json to_json(const Decision& d) {
    Json reasons = Json::array(), notes = Json::array(), lines = Json::array();
    for (const Problem& problem : d.reasons) reasons.push_back(to_json(problem));
    for (const Problem& note : d.notes) notes.push_back(to_json(note));
    for (const FeeLine& line : d.fees)
        lines.push_back({{"code", line.code}, {"label", text_json(line.label)}, {"amount_fils", line.amount_fils},
                         {"source", line.source}, {"confirmed", line.confirmed}});
    return Json{{"kind", d.kind},
                {"rulebook", d.rulebook_id.empty() ? Json(nullptr) : Json(d.rulebook_id)},
                {"today", optional_date_json(d.today)},
                {"eligible", d.eligible},
                {"reasons", std::move(reasons)},
                {"notes", std::move(notes)},
                {"fees", {{"lines", std::move(lines)}, {"total_fils", d.total_fils}}},
                {"current_expiry", optional_date_json(d.current_expiry)},
                {"new_expiry", optional_date_json(d.new_expiry)},
                {"limited_by", d.limited_by.empty() ? Json(nullptr) : Json(d.limited_by)},
                {"new_record", d.new_record ? to_json(*d.new_record) : Json(nullptr)}};
}

}  // namespace muamala
