// Index of this file:
// [SECTION] The operator and her center
// [SECTION] Whom the center serves
// [SECTION] Routes
#include "server/routes/counter_routes.h"

#include "common/centers.h"
#include "common/civil_id.h"
#include "common/wire_centers.h"
#include "server/accounts/roles.h"
#include "server/appointments/appointments.h"
#include "server/appointments/queue_tickets.h"
#include "server/security/audit.h"
#include "server/storage/center_store.h"
#include "server/storage/idempotency.h"
#include "server/transactions/household.h"
#include "server/transactions/transactions.h"

namespace muamala::server {
namespace {

// [SECTION] The operator and her center

struct CounterCall {
    std::optional<CounterOperator> at_counter;
    std::optional<ApiReply> refusal;
};

// Signed in as an operator whose account names a center of the directory.
CounterCall counter(Services& services, const ApiRequest& request, bool state_changing) {
    Authorization authorization = require_role(services, request, state_changing, Role::center_operator);
    if (authorization.refusal) return {std::nullopt, std::move(authorization.refusal)};
    const SignedIn& who = *authorization.who;
    auto connection = services.database.connect();
    const std::vector<Center> centers = read_centers(*connection);
    if (!who.center_id || !find_center(centers, *who.center_id))
        return {std::nullopt, refusal({403, "counter.no_center",
                                      {"Your account is not assigned to a service center. Ask an administrator to assign it",
                                       "حسابك غير مرتبط بمركز خدمة. اطلب من مسؤول النظام ربطه بمركز"}})};
    return {CounterOperator{who.account_id, who.civil_id, *who.center_id}, std::nullopt};
}

// The counter's audit entries all say where and by whom: channel center, the center, the operator.
void audit_counter(Connection& connection, std::string_view now, const CounterOperator& at_counter,
                   std::string_view action, std::string_view object, Json details) {
    details["channel"] = "center";
    details["center"] = at_counter.center_id;
    details["operator"] = at_counter.civil_id;
    append_audit(connection, now, at_counter.civil_id, action, object, details);
}

// [SECTION] Whom the center serves

// The sponsor a request names, looked up and checked against the counter policy, or the refusal.
struct SponsorCheck {
    std::string civil_id;  // normalised
    std::optional<ApiReply> refusal;
};

SponsorCheck check_sponsor(Services& services, Connection& connection, const CounterOperator& at_counter,
                           std::string_view field, const std::string& typed) {
    const Validation id = validate_civil_id(typed);
    if (!id.ok) {
        std::vector<FieldProblem> fields;
        for (const Problem& problem : id.errors) fields.push_back({std::string(field), problem});
        return {"", refusal(validation_failed(std::move(fields)))};
    }
    Statement person = connection.prepare("SELECT home_area FROM persons WHERE civil_id = ?1");
    person.bind(1, id.normalized);
    if (!person.step())
        return {"", refusal({404, "counter.sponsor_unknown",
                            {"No one with this civil ID is in the registry. Check the number on the civil ID card",
                             "لا يوجد أحد بهذا الرقم المدني في السجل. تحقق من الرقم على البطاقة المدنية"}})};
    const std::vector<Center> centers = read_centers(connection);
    const Center& center = *find_center(centers, at_counter.center_id);
    if (!serves_sponsor(services.counter_policy, center, person.column_text(0)))
        return {"", refusal({403, "counter.outside_area", outside_area_message(centers, center, person.column_text(0))})};
    return {id.normalized, std::nullopt};
}

// A transaction opened at this operator's center, or nothing: another center's is a 404 here.
std::optional<std::string> sponsor_of_transaction_here(Connection& connection, const CounterOperator& at_counter,
                                                       std::string_view transaction_id) {
    Statement row = connection.prepare("SELECT sponsor FROM transactions WHERE id = ?1 AND channel = 'center' AND center_id = ?2");
    row.bind(1, transaction_id).bind(2, at_counter.center_id);
    if (!row.step()) return std::nullopt;
    return row.column_text(0);
}

Acting acting_at_counter(const CounterOperator& at_counter, std::string sponsor) {
    return {at_counter.account_id, at_counter.civil_id, std::move(sponsor), ActorRole::center_operator, Channel::center,
            at_counter.center_id};
}

using CounterWork = std::function<ApiReply(Connection&, const CounterOperator&, const Json&, const std::string& now)>;

// Signed in as an operator, CSRF-checked, once per Idempotency-Key, inside one write transaction.
ApiReply state_changing(Services& services, const ApiRequest& request, const CounterWork& work) {
    CounterCall call = counter(services, request, true);
    if (call.refusal) return *call.refusal;
    JsonBody body = read_json_object(request);
    if (body.refusal) return *body.refusal;
    const std::string now = iso_timestamp(services.clock.now());
    return run_idempotently(services.database, call.at_counter->account_id, request, now, [&](Connection& connection) {
        return work(connection, *call.at_counter, body.json, now);
    });
}

// [SECTION] Routes

ApiReply look_up_household(Services& services, const ApiRequest& request) {
    CounterCall call = counter(services, request, false);
    if (call.refusal) return *call.refusal;
    auto connection = services.database.connect();
    const SponsorCheck sponsor =
        check_sponsor(services, *connection, *call.at_counter, "civil_id", request.path_params.at("civil_id"));
    if (sponsor.refusal) return *sponsor.refusal;
    Json household = household_json(services, *connection, sponsor.civil_id);
    // Seeing a household is seeing personal data: the trail records who looked, where.
    const std::string now = iso_timestamp(services.clock.now());
    Transaction transaction(*connection);
    audit_counter(*connection, now, *call.at_counter, "counter.household_viewed", sponsor.civil_id, Json::object());
    transaction.commit();
    return {200, std::move(household)};
}

ApiReply submit_at_counter(Services& services, Connection& connection, const CounterOperator& at_counter,
                           const Json& body, const std::string& now) {
    const SponsorCheck sponsor = check_sponsor(services, connection, at_counter, "sponsor",
                                               body.value("sponsor", Json()).is_string() ? body["sponsor"].get<std::string>() : "");
    if (sponsor.refusal) return *sponsor.refusal;
    ApiReply reply = submit_transaction(services, connection, acting_at_counter(at_counter, sponsor.civil_id), body);
    if (reply.status == 201)
        audit_counter(connection, now, at_counter, "counter.transaction_submitted", reply.body["transaction"]["id"].get<std::string>(),
                      {{"sponsor", sponsor.civil_id}, {"kind", reply.body["transaction"]["kind"]},
                       {"status", reply.body["transaction"]["status"]}});
    return reply;
}

ApiReply settle_at_counter(Services& services, Connection& connection, const CounterOperator& at_counter,
                           std::string_view payment_id, const Json& body, const std::string& now) {
    Statement row = connection.prepare("SELECT transaction_id FROM payments WHERE id = ?1");
    row.bind(1, payment_id);
    const std::optional<std::string> sponsor =
        row.step() ? sponsor_of_transaction_here(connection, at_counter, row.column_text(0)) : std::nullopt;
    if (!sponsor) return refusal(not_found());
    ApiReply reply = settle_payment(services, connection, acting_at_counter(at_counter, *sponsor), payment_id, body);
    if (reply.status == 200)
        audit_counter(connection, now, at_counter, "counter.payment_settled", payment_id,
                      {{"sponsor", *sponsor}, {"status", reply.body["payment"]["status"]}});
    return reply;
}

ApiReply reopen_payment_at_counter(Services& services, Connection& connection, const CounterOperator& at_counter,
                                   std::string_view transaction_id, const std::string& now) {
    const std::optional<std::string> sponsor = sponsor_of_transaction_here(connection, at_counter, transaction_id);
    if (!sponsor) return refusal(not_found());
    ApiReply reply = open_new_payment(services, connection, acting_at_counter(at_counter, *sponsor), transaction_id);
    if (reply.status == 201)
        audit_counter(connection, now, at_counter, "counter.payment_opened", reply.body["payment"]["id"].get<std::string>(),
                      {{"sponsor", *sponsor}, {"transaction", std::string(transaction_id)}});
    return reply;
}

ApiReply queue_today(Services& services, const ApiRequest& request) {
    CounterCall call = counter(services, request, false);
    if (call.refusal) return *call.refusal;
    auto connection = services.database.connect();
    const std::vector<Center> centers = read_centers(*connection);
    const Date today = kuwait_today(services.clock);
    return {200, {{"center", to_json(*find_center(centers, call.at_counter->center_id))},
                  {"date", to_iso(today)},
                  {"tickets", tickets_of_day(*connection, call.at_counter->center_id, today)},
                  {"appointments", appointments_at(*connection, call.at_counter->center_id, today)}}};
}

}  // namespace

std::vector<Route> counter_routes(Services& services) {
    Services* s = &services;
    return {
        {"GET", "/api/v1/counter/households/:civil_id",
         [s](const ApiRequest& request) { return look_up_household(*s, request); }},
        {"POST", "/api/v1/counter/transactions",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s](Connection& connection, const CounterOperator& at_counter,
                                                    const Json& body, const std::string& now) {
                 return submit_at_counter(*s, connection, at_counter, body, now);
             });
         }},
        {"POST", "/api/v1/counter/transactions/:id/payments",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s, &request](Connection& connection, const CounterOperator& at_counter,
                                                              const Json&, const std::string& now) {
                 return reopen_payment_at_counter(*s, connection, at_counter, request.path_params.at("id"), now);
             });
         }},
        {"POST", "/api/v1/counter/payments/:id/test-gateway",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s, &request](Connection& connection, const CounterOperator& at_counter,
                                                              const Json& body, const std::string& now) {
                 return settle_at_counter(*s, connection, at_counter, request.path_params.at("id"), body, now);
             });
         }},
        {"POST", "/api/v1/counter/appointments/:id/check-in",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s, &request](Connection& connection, const CounterOperator& at_counter,
                                                              const Json&, const std::string& now) {
                 ApiReply reply = check_in_appointment(*s, connection, at_counter, request.path_params.at("id"));
                 if (reply.status == 200)
                     audit_counter(connection, now, at_counter, "appointment.checked_in", request.path_params.at("id"),
                                   {{"sponsor", reply.body["appointment"]["sponsor"]["civil_id"]},
                                    {"ticket", reply.body["ticket"]["number"]}});
                 return reply;
             });
         }},
        {"POST", "/api/v1/counter/tickets",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s](Connection& connection, const CounterOperator& at_counter,
                                                    const Json&, const std::string& now) -> ApiReply {
                 Json ticket = issue_ticket(connection, at_counter.center_id, kuwait_today(s->clock), "",
                                            at_counter.account_id, now);
                 audit_counter(connection, now, at_counter, "queue.ticket_issued", std::to_string(ticket["id"].get<std::int64_t>()),
                               {{"number", ticket["number"]}, {"source", "walk_in"}});
                 return {201, {{"ticket", std::move(ticket)}}};
             });
         }},
        {"GET", "/api/v1/counter/queue", [s](const ApiRequest& request) { return queue_today(*s, request); }},
    };
}

}  // namespace muamala::server
