#include "server/transactions/household.h"

#include "common/areas.h"
#include "common/evaluate.h"
#include "common/forms.h"
#include "common/wire_centers.h"
#include "common/wire_transactions.h"
#include "server/ops/clock.h"
#include "server/storage/center_store.h"
#include "server/storage/registry_store.h"

namespace muamala::server {
namespace {

Json document(std::string_view type, const Date& expires, const Date& today, Json details) {
    const std::int64_t days = days_between(today, expires);
    Json json{{"type", type},
              {"expires", to_iso(expires)},
              {"days_to_expiry", days},
              {"state", days < 0 ? "expired" : days <= kExpiringWithinDays ? "expiring" : "valid"}};
    for (const auto& item : details.items()) json[item.key()] = item.value();
    return json;
}

Json documents_of(const Person& p, const Date& today) {
    Json documents = Json::array();
    if (p.residency)
        documents.push_back(document("residency", p.residency->expires, today,
                                     {{"kind", p.residency->kind}, {"sponsor", p.residency->sponsor_civil_id}}));
    if (p.licence) documents.push_back(document("driving_licence", p.licence->expires, today, {{"class", p.licence->licence_class}}));
    if (p.passport)
        documents.push_back(document("passport", p.passport->expires, today,
                                     {{"number", p.passport->number}, {"country", p.passport->country}}));
    if (p.health_insurance_expires) documents.push_back(document("health_insurance", *p.health_insurance_expires, today, Json::object()));
    return documents;
}

Json form_json(TransactionKind kind, const TransactionRules& rules) {
    Json fields = Json::array();
    for (const FormField& field : form_fields(kind)) {
        Json json{{"id", field.id}, {"label", to_json(field.label)}, {"hint", to_json(field.hint)}};
        switch (field.type) {
            case FieldType::years: json["type"] = "years"; json["max"] = rules.max_years.value; break;
            case FieldType::phone: json["type"] = "phone"; break;
            case FieldType::passport_number: json["type"] = "passport_number"; break;
            case FieldType::country_code: json["type"] = "country_code"; break;
            case FieldType::date: json["type"] = "date"; break;
        }
        fields.push_back(std::move(json));
    }
    return fields;
}

// The transactions that make sense for a member: what they hold decides what can be renewed.
std::vector<TransactionKind> kinds_for(const Person& member, bool husband) {
    if (husband) return {TransactionKind::renew_husband_residency, TransactionKind::transfer_residency_passport};
    if (!member.residency) return {TransactionKind::issue_newborn_residency};
    std::vector<TransactionKind> kinds{TransactionKind::renew_child_residency};
    if (member.licence) kinds.push_back(TransactionKind::renew_child_licence);
    kinds.push_back(TransactionKind::transfer_residency_passport);
    return kinds;
}

Json offers_for(Services& services, const Registry& household, const Person& sponsor, const Person& member,
                bool husband, const std::string& phone, const Date& today) {
    const RulebookVersion* version = services.rulebook.version_on(today);
    Json offers = Json::array();
    for (TransactionKind kind : kinds_for(member, husband)) {
        const Decision decision =
            probe_decision(services.rulebook, household, sponsor.civil_id, member.civil_id, kind, phone, today);
        Json offer{{"kind", name_of(kind)}, {"title", to_json(title_of(kind))}, {"decision", to_json(decision)}};
        if (version) offer["form"] = form_json(kind, rules_for_sponsor(version->rules_for(kind), kind, sponsor));
        offers.push_back(std::move(offer));
    }
    return offers;
}

Json area_json(std::string_view id) {
    const Area* area = find_area(id);
    if (!area) return nullptr;
    const GovernorateInfo governorate = governorate_info(area->governorate);
    return {{"id", area->id}, {"name", to_json(area->name)},
            {"governorate", {{"id", governorate.id}, {"name", to_json(governorate.name)}}}};
}

Json person_json(const Person& p, const Date& today) {
    return {{"civil_id", p.civil_id}, {"name", to_json(p.name)}, {"birth_date", to_iso(p.birth_date)},
            {"age", age_on(p.birth_date, today)}, {"sex", p.sex == Sex::male ? "male" : "female"},
            {"nationality", p.nationality}};
}

}  // namespace

Decision probe_decision(const Rulebook& rulebook, const Registry& household, std::string_view sponsor,
                        std::string_view member, TransactionKind kind, std::string_view phone, const Date& today) {
    TransactionForm probe;
    probe.years = 1;
    probe.phone = phone;
    Decision decision = evaluate(rulebook, household,
                                 {std::string(name_of(kind)), std::string(sponsor), std::string(member),
                                  ActorRole::sponsor, std::string(sponsor), today, true, probe});
    // The probe's own form answers are not the person's: leave out what the form will ask.
    std::erase_if(decision.reasons, [](const Problem& reason) { return !reason.field.empty(); });
    decision.eligible = decision.reasons.empty();
    return decision;
}

Json household_json(Services& services, Connection& connection, std::string_view sponsor_civil_id) {
    const Date today = kuwait_today(services.clock);
    const Registry household = load_household(connection, sponsor_civil_id);
    const Person* sponsor = household.find_person(sponsor_civil_id);
    if (!sponsor) return nullptr;
    const std::string phone = phone_of(connection, sponsor_civil_id);
    const RulebookVersion* version = services.rulebook.version_on(today);

    Json members = Json::array();
    for (const Person& member : household.persons) {
        if (member.civil_id == sponsor->civil_id) continue;
        const Marriage* marriage = household.find_marriage(sponsor->civil_id, member.civil_id);
        const bool husband = marriage != nullptr;
        Json json = person_json(member, today);
        json["relation"] = husband ? "husband" : member.sex == Sex::male ? "son" : "daughter";
        if (marriage)
            json["marriage"] = marriage->status == MarriageStatus::married ? "married"
                               : marriage->status == MarriageStatus::divorced ? "divorced"
                                                                             : "widowed";
        json["documents"] = documents_of(member, today);
        json["transactions"] = offers_for(services, household, *sponsor, member, husband, phone, today);
        members.push_back(std::move(json));
    }
    Json sponsor_json = person_json(*sponsor, today);
    sponsor_json["phone"] = phone;
    sponsor_json["home_area"] = area_json(sponsor->home_area);
    // "Your center": the morning center of her area and the evening centers of her governorate.
    const std::vector<Center> centers = read_centers(connection);
    const Center* center = morning_center_for(centers, sponsor->home_area);
    sponsor_json["center"] = center ? to_json(*center) : Json(nullptr);
    sponsor_json["evening_centers"] = Json::array();
    for (const Center* evening : evening_centers_for(centers, sponsor->home_area))
        sponsor_json["evening_centers"].push_back(to_json(*evening));
    return {{"today", to_iso(today)},
            {"rulebook", version ? Json{{"id", version->id}, {"title", to_json(version->title)}} : Json(nullptr)},
            {"sponsor", std::move(sponsor_json)},
            {"members", std::move(members)},
            {"registry", to_json(household)}};
}

}  // namespace muamala::server
