// The queue at a center's door: a ticket number per center per day, starting at 1.
// Walk-ins and checked-in appointments draw from the same numbers, so the counter calls one queue in
// one order.
#pragma once
#include <cstdint>
#include <string_view>

#include "common/date.h"
#include "common/wire.h"
#include "server/storage/database.h"

namespace muamala::server {

// Takes the day's next number and returns the ticket as JSON:
// {"id","number","center_id","date","source":"walk_in"|"appointment","appointment_id"|null,"issued_at"}.
// Inside the caller's write Transaction: the number is read and taken in one statement, so two
// counters never hand out the same one (UNIQUE (center_id, date, number) is a second line).
// `appointment_id` is "" for a walk-in.
Json issue_ticket(Connection& connection, std::string_view center_id, const Date& date, std::string_view appointment_id,
                  std::int64_t issued_by, std::string_view now_iso);

Json tickets_of_day(Connection& connection, std::string_view center_id, const Date& date);  // by number

}  // namespace muamala::server
