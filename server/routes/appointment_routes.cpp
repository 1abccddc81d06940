#include "server/routes/appointment_routes.h"

#include "server/accounts/roles.h"
#include "server/appointments/appointments.h"
#include "server/storage/idempotency.h"

namespace muamala::server {
namespace {

using AppointmentWork = std::function<ApiReply(Connection&, const Booker&, const Json&)>;

// Signed in as a citizen, CSRF-checked, once per Idempotency-Key. A DELETE carries no body.
ApiReply state_changing(Services& services, const ApiRequest& request, bool with_body, const AppointmentWork& work) {
    Authorization authorization = require_role(services, request, true, Role::citizen);
    if (authorization.refusal) return *authorization.refusal;
    JsonBody body{Json::object(), std::nullopt};
    if (with_body) body = read_json_object(request);
    if (body.refusal) return *body.refusal;
    const Booker booker{authorization.who->account_id, authorization.who->civil_id};
    return run_idempotently(services.database, booker.account_id, request, iso_timestamp(services.clock.now()),
                            [&](Connection& connection) { return work(connection, booker, body.json); });
}

}  // namespace

std::vector<Route> appointment_routes(Services& services) {
    Services* s = &services;
    return {
        {"POST", "/api/v1/appointments",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, true, [s](Connection& connection, const Booker& booker, const Json& body) {
                 return book_appointment(*s, connection, booker, body);
             });
         }},
        {"GET", "/api/v1/appointments",
         [s](const ApiRequest& request) -> ApiReply {
             Authorization authorization = require_role(*s, request, false, Role::citizen);
             if (authorization.refusal) return *authorization.refusal;
             auto connection = s->database.connect();
             return list_appointments(*connection, authorization.who->civil_id);
         }},
        {"DELETE", "/api/v1/appointments/:id",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, false, [s, &request](Connection& connection, const Booker& booker, const Json&) {
                 return cancel_appointment(*s, connection, booker, request.path_params.at("id"));
             });
         }},
        {"POST", "/api/v1/appointments/:id/reschedule",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, true, [s, &request](Connection& connection, const Booker& booker, const Json& body) {
                 return reschedule_appointment(*s, connection, booker, request.path_params.at("id"), body);
             });
         }},
    };
}

}  // namespace muamala::server
