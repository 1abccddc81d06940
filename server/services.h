// What the routes work with, built once at start and shared by every request. Each member is
// thread-safe (the database hands each thread its own connection).
#pragma once
#include <string>

#include "common/centers.h"
#include "common/rulebook.h"
#include "server/ops/clock.h"
#include "server/security/login_throttle.h"
#include "server/storage/database.h"
#include "server/transactions/payments.h"
#include "server/transactions/receipts.h"

namespace muamala::server {

struct Services {
    Database& database;
    const Rulebook& rulebook;  // the embedded data, or --rulebook FILE; checked whole at start
    const Clock& clock;
    PaymentProvider& payments;       // the TestGateway in a demo; NoPaymentProvider until a real KNET provider exists
    const ReceiptSigner& receipts;   // signs every receipt; its public key verifies them
    LoginThrottle login_throttle{};  // failed sign-ins, counted in memory (a restart forgets them)
    bool secure_cookies = false;     // --secure-cookies (implied by --tls-cert): the session cookie goes over TLS only
    // --public-url: where people reach the server ("https://muamala.example"); receipts' verify
    // links and QR codes start with it. Empty: the request's own scheme and Host header.
    std::string public_url;
    bool serves_tls = false;         // --tls-cert: this process speaks HTTPS itself
    CounterPolicy counter_policy = CounterPolicy::area;  // --counter-policy: which sponsors a center serves
    // The text `rulebook` was loaded from, served to the app so that it decides with the same figures.
    std::string_view rulebook_json = embedded_rulebook_json();
    bool demo = false;  // --demo: a seed-demo database (made-up people), said on GET /api/v1/service
};

}  // namespace muamala::server
