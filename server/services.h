// What the routes work with, built once at start and shared by every request. Each member is
// thread-safe (the database hands each thread its own connection).
#pragma once
#include "common/rulebook.h"
#include "server/centers/counter_policy.h"
#include "server/ops/clock.h"
#include "server/security/login_throttle.h"
#include "server/storage/database.h"
#include "server/transactions/payments.h"
#include "server/transactions/receipts.h"

namespace muamala::server {

struct Services {
    Database& database;
    const Rulebook& rulebook;  // loaded from the embedded data; checked whole at start
    const Clock& clock;
    PaymentProvider& payments;       // the TestGateway in a demo; NoPaymentProvider until a real KNET provider exists
    const ReceiptSigner& receipts;   // signs every receipt; its public key verifies them
    LoginThrottle login_throttle{};  // failed sign-ins, counted in memory (a restart forgets them)
    bool secure_cookies = false;     // --secure-cookies: the session cookie is sent over TLS only
    CounterPolicy counter_policy = CounterPolicy::area;  // --counter-policy: which sponsors a center serves
    bool demo = false;  // --demo: a seed-demo database (made-up people), said on GET /api/v1/service
};

}  // namespace muamala::server
