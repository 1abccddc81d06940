// Where a transaction, a payment and an appointment stand, and by which channel a transaction was
// done. Each has a wire name, stored in the database and sent in the API, that is never reworded.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace muamala {

enum class TransactionStatus {
    awaiting_payment,  // decided and recorded; a fee is due
    completed,         // the document is issued and the receipt signed
    failed,            // the rules no longer allowed it when it came to be paid; nothing was charged
};

enum class PaymentStatus {
    pending,    // opened, waiting for the gateway's answer
    approved,   // the money was taken
    declined,   // refused by the gateway, or by the rules before any money moved
    timed_out,  // the gateway did not answer; nothing was charged
};

enum class AppointmentStatus {
    booked,      // a visit still to come, or missed
    checked_in,  // she came: the counter gave her a queue ticket
    cancelled,   // she gave the time back
};

enum class Channel {
    online,  // by the sponsor from home
    center,  // by an operator at a service center's counter
};

inline constexpr std::array kAllTransactionStatuses = {TransactionStatus::awaiting_payment, TransactionStatus::completed,
                                                      TransactionStatus::failed};
inline constexpr std::array kAllPaymentStatuses = {PaymentStatus::pending, PaymentStatus::approved, PaymentStatus::declined,
                                                  PaymentStatus::timed_out};
inline constexpr std::array kAllAppointmentStatuses = {AppointmentStatus::booked, AppointmentStatus::checked_in,
                                                      AppointmentStatus::cancelled};
inline constexpr std::array kAllChannels = {Channel::online, Channel::center};

std::string_view name_of(TransactionStatus status);  // "awaiting_payment", "completed", "failed"
std::string_view name_of(PaymentStatus status);      // "pending", "approved", "declined", "timed_out"
std::string_view name_of(AppointmentStatus status);  // "booked", "checked_in", "cancelled"
std::string_view name_of(Channel channel);           // "online", "center"

std::optional<TransactionStatus> parse_transaction_status(std::string_view name);
std::optional<PaymentStatus> parse_payment_status(std::string_view name);
std::optional<AppointmentStatus> parse_appointment_status(std::string_view name);
std::optional<Channel> parse_channel(std::string_view name);

}  // namespace muamala
