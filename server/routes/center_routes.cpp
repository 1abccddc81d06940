#include "server/routes/center_routes.h"

#include <algorithm>

#include "server/accounts/roles.h"
#include "server/appointments/appointments.h"
#include "common/center_directory.h"
#include "common/wire_centers.h"
#include "server/centers/centers.h"
#include "server/security/audit.h"
#include "server/storage/center_store.h"
#include "server/storage/idempotency.h"

namespace muamala::server {
namespace {

const Text kIllustrativeNote{
    "ILLUSTRATIVE: the real list of Kuwait's 52 citizen service centers was not found, so these centers, the areas "
    "they serve and their hours are a plausible stand-in, not official information",
    "بيانات توضيحية: لم يُعثر على القائمة الفعلية لمراكز خدمة المواطن الاثنين والخمسين في الكويت، فهذه المراكز "
    "والمناطق التي تخدمها ومواعيد عملها بديل معقول وليست معلومات رسمية"};

// The core names each problem's field in the problem itself; the error body lists it beside it.
std::vector<FieldProblem> field_problems(std::vector<Problem> problems) {
    std::vector<FieldProblem> fields;
    for (Problem& problem : problems) fields.push_back({problem.field, std::move(problem)});
    return fields;
}

const std::string* query_value(const ApiRequest& request, const char* name) {
    const auto found = request.query.find(name);
    return found == request.query.end() ? nullptr : &found->second;
}

// GET /api/v1/centers?governorate=&area=&shift=: every filter given must be one the directory knows.
ApiReply list_centers(Services& services, const ApiRequest& request) {
    std::vector<FieldProblem> problems;
    const std::string* governorate_text = query_value(request, "governorate");
    const std::string* area_text = query_value(request, "area");
    const std::string* shift_text = query_value(request, "shift");
    const std::optional<Governorate> governorate = governorate_text ? parse_governorate(*governorate_text) : std::nullopt;
    const std::optional<Shift> shift = shift_text ? parse_shift(*shift_text) : std::nullopt;
    if (governorate_text && !governorate)
        problems.push_back({"governorate", {"centers.unknown_governorate",
                                            {"Choose a governorate by its id: capital, hawalli, farwaniya, "
                                             "mubarak_al_kabeer, ahmadi or jahra",
                                             "اختر المحافظة بمعرّفها: capital أو hawalli أو farwaniya أو "
                                             "mubarak_al_kabeer أو ahmadi أو jahra"},
                                            {}}});
    if (area_text && !find_area(*area_text))
        problems.push_back({"area", {"centers.unknown_area",
                                     {"Choose a residential area by its id, for example al_salam",
                                      "اختر المنطقة السكنية بمعرّفها، مثل al_salam"},
                                     {}}});
    if (shift_text && !shift)
        problems.push_back({"shift", {"centers.unknown_shift",
                                      {"Choose the shift as morning or evening", "اختر الفترة: morning أو evening"},
                                      {}}});
    if (!problems.empty()) return refusal(validation_failed(std::move(problems)));

    auto connection = services.database.connect();
    Json listed = Json::array();
    bool illustrative = false;  // of the directory, so an empty answer says it too
    for (const Center& center : read_centers(*connection)) {
        illustrative = illustrative || center.illustrative;
        if (governorate && center.governorate != *governorate) continue;
        if (shift && center.shift != *shift) continue;
        if (area_text && !serves_area(center, *area_text)) continue;
        listed.push_back(to_json(center));
    }
    Json answer{{"illustrative", illustrative}, {"note", illustrative ? to_json(kIllustrativeNote) : Json(nullptr)},
                {"count", listed.size()}, {"centers", std::move(listed)}};
    return {200, std::move(answer)};
}

// PUT /api/v1/admin/centers/:id: the edit is checked against the whole directory it would leave.
ApiReply edit_center(Services& services, const ApiRequest& request) {
    Authorization authorization = require_role(services, request, true, Role::admin);
    if (authorization.refusal) return *authorization.refusal;
    JsonBody body = read_json_object(request);
    if (body.refusal) return *body.refusal;
    const SignedIn who = *authorization.who;
    const std::string now = iso_timestamp(services.clock.now());
    return run_idempotently(services.database, who.account_id, request, now, [&](Connection& connection) -> ApiReply {
        std::vector<Center> centers = read_centers(connection);
        const auto target = std::ranges::find(centers, request.path_params.at("id"), &Center::id);
        if (target == centers.end()) return unknown_center_reply();
        const Center before = *target;
        Center after = before;
        std::vector<Problem> problems = apply_center_edit(after, body.json);
        if (!problems.empty()) return refusal(validation_failed(field_problems(std::move(problems))));

        // Areas it takes from another morning center leave that one; check_directory() then says
        // whether the directory is still whole (no area left behind, no center left empty).
        Json moved = Json::array();
        for (Center& other : centers) {
            if (other.id == after.id) continue;
            for (const std::string& area : after.areas)
                if (std::erase(other.areas, area) > 0) moved.push_back({{"area", area}, {"from", other.id}});
        }
        *target = after;
        problems = check_directory(centers);
        if (!problems.empty()) return refusal(validation_failed(field_problems(std::move(problems))));

        save_center(connection, after, now);
        append_audit(connection, now, who.civil_id, "center.updated", after.id,
                     {{"before", to_json(before)}, {"after", to_json(after)}, {"moved_areas", std::move(moved)}});
        return {200, {{"center", to_json(after)}}};
    });
}

}  // namespace

std::vector<Route> center_routes(Services& services) {
    Services* s = &services;
    return {
        {"GET", "/api/v1/centers", [s](const ApiRequest& request) { return list_centers(*s, request); }},
        {"GET", "/api/v1/centers/:id",
         [s](const ApiRequest& request) -> ApiReply {
             auto connection = s->database.connect();
             const std::vector<Center> centers = read_centers(*connection);
             const Center* center = find_center(centers, request.path_params.at("id"));
             if (!center) return unknown_center_reply();
             return {200, {{"center", to_json(*center)},
                           {"note", center->illustrative ? to_json(kIllustrativeNote) : Json(nullptr)}}};
         }},
        {"GET", "/api/v1/centers/:id/slots",
         [s](const ApiRequest& request) {
             const std::string* date = query_value(request, "date");
             return center_slots(*s, request.path_params.at("id"),
                                 date ? std::optional<std::string_view>(*date) : std::nullopt);
         }},
        {"PUT", "/api/v1/admin/centers/:id", [s](const ApiRequest& request) { return edit_center(*s, request); }},
    };
}

}  // namespace muamala::server
