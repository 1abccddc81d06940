// The transaction service: a request is decided by the core, paid through the
// PaymentProvider, and completed at once: the new document is written, a signed receipt issued, an
// SMS queued and the audit trail extended, all in the one database transaction that settles the
// payment. Nothing here knows HTTP; routes/citizen_routes.cpp and routes/counter_routes.cpp carry requests in and
// replies out.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "common/decision.h"
#include "common/statuses.h"
#include "server/http/api_errors.h"
#include "server/services.h"
#include "server/storage/database.h"

namespace muamala::server {

// Who is acting, and for whom: the sponsor herself online, or an operator at a center on her behalf.
struct Acting {
    std::int64_t account_id = 0;
    std::string actor_civil_id;    // who signed in
    std::string sponsor_civil_id;  // whose household
    ActorRole role = ActorRole::sponsor;
    Channel channel = Channel::online;
    std::string center_id;  // set when the channel is a center
};

// Each runs inside the caller's write transaction on `connection` (see run_idempotently). Without a
// payment provider (NoPaymentProvider), a transaction with a fee is refused with 503
// payments.unavailable before anything is stored; settle_payment works with the test gateway only.
// body: {"kind": ..., "beneficiary": civil ID, "form": {...}}
ApiReply submit_transaction(Services& services, Connection& connection, const Acting& acting, const Json& body);
// body: the gateway's answer; for the test gateway {"outcome":"approve"|"decline"|"timeout"}
ApiReply settle_payment(Services& services, Connection& connection, const Acting& acting, std::string_view payment_id,
                        const Json& body);
ApiReply open_new_payment(Services& services, Connection& connection, const Acting& acting,
                          std::string_view transaction_id);

// Reads, for the sponsor's own transactions only (another's id is a 404, as if it did not exist).
ApiReply list_transactions(Services& services, Connection& connection, std::string_view sponsor_civil_id);
ApiReply get_transaction(Services& services, Connection& connection, std::string_view sponsor_civil_id,
                         std::string_view transaction_id);

// The mobile number the "document issued" SMS of a completed transaction went to: the one given in
// its form. "" when no such SMS was queued.
std::string issued_sms_recipient(Connection& connection, std::string_view transaction_id);

}  // namespace muamala::server
