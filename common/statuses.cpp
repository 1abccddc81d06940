#include "common/statuses.h"

#include "common/wire_names.h"

namespace muamala {
namespace {

constexpr WireNames<TransactionStatus, 3> kTransactionStatuses = {{TransactionStatus::awaiting_payment, "awaiting_payment"},
                                                                 {TransactionStatus::completed, "completed"},
                                                                 {TransactionStatus::failed, "failed"}};
constexpr WireNames<PaymentStatus, 4> kPaymentStatuses = {{PaymentStatus::pending, "pending"},
                                                         {PaymentStatus::approved, "approved"},
                                                         {PaymentStatus::declined, "declined"},
                                                         {PaymentStatus::timed_out, "timed_out"}};
constexpr WireNames<AppointmentStatus, 3> kAppointmentStatuses = {{AppointmentStatus::booked, "booked"},
                                                                 {AppointmentStatus::checked_in, "checked_in"},
                                                                 {AppointmentStatus::cancelled, "cancelled"}};
constexpr WireNames<Channel, 2> kChannels = {{Channel::online, "online"}, {Channel::center, "center"}};

}  // namespace

std::string_view name_of(TransactionStatus status) { return wire_name(kTransactionStatuses, status); }
std::string_view name_of(PaymentStatus status) { return wire_name(kPaymentStatuses, status); }
std::string_view name_of(AppointmentStatus status) { return wire_name(kAppointmentStatuses, status); }
std::string_view name_of(Channel channel) { return wire_name(kChannels, channel); }

std::optional<TransactionStatus> parse_transaction_status(std::string_view name) {
    return from_wire_name(kTransactionStatuses, name);
}
std::optional<PaymentStatus> parse_payment_status(std::string_view name) { return from_wire_name(kPaymentStatuses, name); }
std::optional<AppointmentStatus> parse_appointment_status(std::string_view name) {
    return from_wire_name(kAppointmentStatuses, name);
}
std::optional<Channel> parse_channel(std::string_view name) { return from_wire_name(kChannels, name); }

}  // namespace muamala
