// Messages to citizens (SMS), queued in the database and delivered by a worker. SIMULATED: there is
// no SMS gateway here; "delivery" marks a message delivered_simulated and nothing leaves the
// machine. A real gateway replaces deliver_queued() and nothing else.
#pragma once
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/problem.h"
#include "common/wire.h"
#include "server/storage/database.h"

namespace muamala::server {

// Queues one SMS unless a message with the same dedupe_key exists (then returns false); inside the
// caller's transaction.
bool queue_sms(Connection& connection, std::string_view recipient, std::string_view kind, std::string_view dedupe_key,
               const Text& body, std::string_view now_iso);

// Reminds each sponsor of household documents (residencies, licences, passports) that expire within
// the next 90 days or expired in the last 30 days, once per document and expiry date. Returns how
// many reminders were queued.
inline constexpr int kReminderDaysAhead = 90;
int queue_expiry_reminders(Database& database, const Date& today, std::string_view now_iso);

// Marks every queued message delivered_simulated; returns how many.
int deliver_queued(Database& database, std::string_view now_iso);

// A sponsor's messages, newest first: {"simulated":true,"messages":[...]}.
Json messages_for(Connection& connection, std::string_view phone);

}  // namespace muamala::server
