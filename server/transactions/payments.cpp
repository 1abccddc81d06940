#include "server/transactions/payments.h"

#include "server/security/crypto.h"

namespace muamala::server {

Text TestGateway::label() const {
    return {"Test payment gateway (simulated KNET): no real money moves",
            "بوابة دفع تجريبية (محاكاة لكي نت): لا تُحوَّل أموال حقيقية"};
}

Settlement TestGateway::settle(std::string_view, std::int64_t, const Json& gateway_answer) {
    const auto outcome = gateway_answer.find("outcome");
    const std::string chosen = outcome != gateway_answer.end() && outcome->is_string() ? outcome->get<std::string>() : "";
    if (chosen == "approve") return {PaymentStatus::approved, "TEST-" + to_hex(random_bytes(8))};
    if (chosen == "timeout") return {PaymentStatus::timed_out, ""};
    return {PaymentStatus::declined, ""};
}

Text NoPaymentProvider::label() const {
    return {"Online payment is not available yet: no payment provider is configured",
            "الدفع الإلكتروني غير متاح بعد: لم تُضبط أي جهة دفع"};
}

Settlement NoPaymentProvider::settle(std::string_view, std::int64_t, const Json&) {
    return {PaymentStatus::declined, ""};  // never reached: the transaction service refuses first
}

}  // namespace muamala::server
