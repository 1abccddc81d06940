#include "server/routes/citizen_routes.h"

#include "server/accounts/roles.h"
#include "server/messages/outbox.h"
#include "server/storage/idempotency.h"
#include "server/storage/registry_store.h"
#include "server/transactions/household.h"
#include "server/transactions/receipt_page.h"
#include "server/transactions/receipts.h"
#include "server/transactions/transactions.h"

namespace muamala::server {
namespace {

// A citizen acts for her own household only; other roles use their own routes (the counter).
struct CitizenCall {
    std::optional<Acting> acting;
    std::optional<ApiReply> refusal;
};

CitizenCall citizen(Services& services, const ApiRequest& request, bool state_changing) {
    Authorization authorization = require_role(services, request, state_changing, Role::citizen);
    if (authorization.refusal) return {std::nullopt, std::move(authorization.refusal)};
    const SignedIn& who = *authorization.who;
    return {Acting{who.account_id, who.civil_id, who.civil_id, ActorRole::sponsor, Channel::online, ""}, std::nullopt};
}

// The verify address printed (as a QR code) on a receipt: absolute, so a phone camera can open it.
// --public-url names it; without, the address this request came to.
std::string verify_url(const Services& services, const ApiRequest& request, std::string_view number) {
    std::string origin = services.public_url;
    if (origin.empty()) {
        const std::string host = request.header("Host");
        origin = (services.serves_tls ? "https://" : "http://") + (host.empty() ? std::string("127.0.0.1") : host);
    }
    return origin + "/api/v1/receipts/" + std::string(number) + "/verify";
}

ApiReply state_changing(Services& services, const ApiRequest& request,
                        const std::function<ApiReply(Connection&, const Acting&, const Json&)>& work) {
    CitizenCall call = citizen(services, request, true);
    if (call.refusal) return *call.refusal;
    JsonBody body = read_json_object(request);
    if (body.refusal) return *body.refusal;
    return run_idempotently(services.database, call.acting->account_id, request, iso_timestamp(services.clock.now()),
                            [&](Connection& connection) { return work(connection, *call.acting, body.json); });
}

ApiReply receipt_reply(Services& services, const ApiRequest& request, bool owner_only) {
    const std::string number = request.path_params.at("number");
    auto connection = services.database.connect();
    const auto receipt = find_receipt(*connection, number);
    if (owner_only) {
        CitizenCall call = citizen(services, request, false);
        if (call.refusal) return *call.refusal;
        if (!receipt) return refusal(not_found());
        Statement owner = connection->prepare("SELECT sponsor FROM transactions WHERE id = ?1");
        owner.bind(1, receipt->transaction_id);
        if (!owner.step() || owner.column_text(0) != call.acting->sponsor_civil_id) return refusal(not_found());
        const std::string url = verify_url(services, request, number);
        const std::string sms_to = issued_sms_recipient(*connection, receipt->transaction_id);
        // sms_to is hers to see, not the public check's: it is not part of the signed receipt.
        return {200, {{"receipt", Json::parse(receipt->payload)},
                      {"signature", receipt->signature},
                      {"verify_url", url},
                      {"qr", {{"text", url}, {"modules", qr_modules(url)}}},
                      {"sms_to", sms_to.empty() ? Json(nullptr) : Json(sms_to)}}};
    }
    // Public: a receipt number (unguessable) shows what the printed receipt shows, and whether its
    // signature holds. Nothing more about the household. A browser (a scanned QR code) gets a page.
    if (prefers_html(request.header("Accept"))) {
        const auto html = [](int status, std::string page) {
            ApiReply reply{status, nullptr, {}, {{"Vary", "Accept"}}};
            reply.raw = RawBody{"text/html; charset=utf-8", std::move(page)};
            return reply;
        };
        if (!receipt) return html(404, unknown_receipt_page());
        return html(200, receipt_verification_page(Json::parse(receipt->payload),
                                                   services.receipts.verify(receipt->payload, receipt->signature)));
    }
    if (!receipt) return refusal(not_found());
    return {200, {{"valid", services.receipts.verify(receipt->payload, receipt->signature)},
                  {"receipt", Json::parse(receipt->payload)},
                  {"signature", receipt->signature},
                  {"public_key", services.receipts.public_key_base64()},
                  {"algorithm", "Ed25519"}}};
}

}  // namespace

std::vector<Route> citizen_routes(Services& services) {
    Services* s = &services;
    return {
        {"GET", "/api/v1/household",
         [s](const ApiRequest& request) -> ApiReply {
             CitizenCall call = citizen(*s, request, false);
             if (call.refusal) return *call.refusal;
             auto connection = s->database.connect();
             Json household = household_json(*s, *connection, call.acting->sponsor_civil_id);
             if (household.is_null()) return refusal(not_found());
             return {200, std::move(household)};
         }},
        {"POST", "/api/v1/transactions",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s](Connection& connection, const Acting& acting, const Json& body) {
                 return submit_transaction(*s, connection, acting, body);
             });
         }},
        {"GET", "/api/v1/transactions",
         [s](const ApiRequest& request) -> ApiReply {
             CitizenCall call = citizen(*s, request, false);
             if (call.refusal) return *call.refusal;
             auto connection = s->database.connect();
             return list_transactions(*s, *connection, call.acting->sponsor_civil_id);
         }},
        {"GET", "/api/v1/transactions/:id",
         [s](const ApiRequest& request) -> ApiReply {
             CitizenCall call = citizen(*s, request, false);
             if (call.refusal) return *call.refusal;
             auto connection = s->database.connect();
             return get_transaction(*s, *connection, call.acting->sponsor_civil_id, request.path_params.at("id"));
         }},
        {"POST", "/api/v1/transactions/:id/payments",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s, &request](Connection& connection, const Acting& acting, const Json&) {
                 return open_new_payment(*s, connection, acting, request.path_params.at("id"));
             });
         }},
        {"POST", "/api/v1/payments/:id/test-gateway",
         [s](const ApiRequest& request) {
             return state_changing(*s, request, [s, &request](Connection& connection, const Acting& acting, const Json& body) {
                 return settle_payment(*s, connection, acting, request.path_params.at("id"), body);
             });
         }},
        {"GET", "/api/v1/receipts/:number", [s](const ApiRequest& request) { return receipt_reply(*s, request, true); }},
        {"GET", "/api/v1/receipts/:number/verify",
         [s](const ApiRequest& request) { return receipt_reply(*s, request, false); }},
        {"GET", "/api/v1/messages",
         [s](const ApiRequest& request) -> ApiReply {
             CitizenCall call = citizen(*s, request, false);
             if (call.refusal) return *call.refusal;
             auto connection = s->database.connect();
             return {200, messages_for(*connection, phone_of(*connection, call.acting->sponsor_civil_id))};
         }},
    };
}

}  // namespace muamala::server
