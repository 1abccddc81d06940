// Payments go through a PaymentProvider, so the built-in test gateway can be replaced by a real KNET
// provider without touching the transaction flow. The flow is authorise-then-capture: the rules are
// checked again just before the provider settles, so no one pays for a document that cannot be issued.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "common/problem.h"
#include "common/statuses.h"
#include "common/wire.h"

namespace muamala::server {

struct Settlement {
    PaymentStatus status = PaymentStatus::declined;  // approved, declined or timed_out: never pending
    std::string provider_reference;  // the gateway's own id for the charge; empty unless approved
};

class PaymentProvider {
public:
    virtual ~PaymentProvider() = default;
    virtual std::string_view name() const = 0;  // stored with each payment
    virtual bool is_test() const = 0;           // true: no real money moves, and every screen says so
    virtual bool available() const { return true; }  // false: nothing can be paid (NoPaymentProvider)
    virtual Text label() const = 0;             // what the citizen is told the gateway is

    // The gateway's answer for one payment. A real provider reads the gateway's signed callback from
    // `gateway_answer`; the test gateway takes the outcome the citizen chose on its test screen.
    virtual Settlement settle(std::string_view payment_id, std::int64_t amount_fils, const Json& gateway_answer) = 0;
};

// SIMULATED: stands in for KNET in demos and tests. It approves, declines or times out as told
// ({"outcome":"approve"|"decline"|"timeout"}) and charges nothing.
class TestGateway final : public PaymentProvider {
public:
    std::string_view name() const override { return "test-gateway"; }
    bool is_test() const override { return true; }
    Text label() const override;
    Settlement settle(std::string_view payment_id, std::int64_t amount_fils, const Json& gateway_answer) override;
};

// What a real deployment has until a KNET provider is configured: nothing can be paid. A transaction
// with a fee is refused (payments.unavailable) before anything is stored, instead of taking pretend
// money; those without a fee are done as before. The test gateway is for demo databases only.
class NoPaymentProvider final : public PaymentProvider {
public:
    std::string_view name() const override { return "none"; }
    bool is_test() const override { return false; }
    bool available() const override { return false; }
    Text label() const override;
    Settlement settle(std::string_view payment_id, std::int64_t amount_fils, const Json& gateway_answer) override;
};

}  // namespace muamala::server
