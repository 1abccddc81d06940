// Appointments at the service centers: slots cut from each center's opening hours,
// booked, cancelled and rescheduled by the sponsor, checked in at the counter.
//
// No slot is ever overbooked. A booking is one INSERT ... SELECT that counts the slot's live
// appointments and adds the new one only while the count is below capacity; it runs inside the
// caller's BEGIN IMMEDIATE transaction, which holds SQLite's one write lock, so no other booking can
// come between the count and the insert. Moving an appointment is the same, as one UPDATE.
// Nothing here knows HTTP; appointment_routes.cpp and counter_routes.cpp carry requests in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "server/http/api_errors.h"
#include "server/services.h"
#include "server/storage/database.h"

namespace muamala::server {

// The sponsor booking for her household.
struct Booker {
    std::int64_t account_id = 0;
    std::string sponsor_civil_id;
};

// GET /api/v1/centers/:id/slots?date=YYYY-MM-DD (default: today in Kuwait). The first time a day is
// asked for, its slots are cut from the center's hours and slot plan as they are then; a later
// change of hours or capacity applies to days not yet asked for, and never to a booked one.
// 200 {"center","date","open","booking_window":{"from","to"},"illustrative":true,
//      "slots":[{"id","starts","ends","capacity","booked","available","bookable"}]}
// 404 center.unknown; 422 for a date that is not YYYY-MM-DD or outside the booking window.
ApiReply center_slots(Services& services, std::string_view center_id, std::optional<std::string_view> date_text);

// [SECTION] The sponsor's appointments. Each runs inside the caller's write transaction (run_idempotently).

// body: {"center": id, "slot": slot id, "kind": transaction kind, "beneficiary": civil ID}.
// 201 {"appointment", "online_possible", "decision"}: `decision` is the core's probe for that
// member and kind (household.h), so the app can offer to do it online now instead.
// 422 for unknown or missing fields (every one listed), appointment.slot_past, appointment.outside_area;
// 409 appointment.already_booked (same member and kind, still to come), appointment.slot_full.
ApiReply book_appointment(Services& services, Connection& connection, const Booker& booker, const Json& body);

// 200 {"appointment"} cancelled. 404 unless hers; 409 appointment.not_booked, appointment.past.
ApiReply cancel_appointment(Services& services, Connection& connection, const Booker& booker,
                            std::string_view appointment_id);

// body: {"slot": slot id}, at the same center or another. 200 {"appointment"} in its new slot.
// Refused as cancel_appointment() and book_appointment() refuse, and 422 appointment.same_slot.
ApiReply reschedule_appointment(Services& services, Connection& connection, const Booker& booker,
                                std::string_view appointment_id, const Json& body);

// 200 {"appointments":[...]}: hers, the latest slot first.
ApiReply list_appointments(Connection& connection, std::string_view sponsor_civil_id);

// [SECTION] At the counter

// The operator at her counter, as her account binds her.
struct CounterOperator {
    std::int64_t account_id = 0;
    std::string civil_id;
    std::string center_id;
};

// The day's appointments at a center, in slot order. Each appointment, here and in the answers
// above, is {"id","status","kind","title","sponsor":{"civil_id","name"},"beneficiary":{"civil_id",
// "name"},"center":{"id","name","shift","governorate"},"slot":{"id","date","starts","ends"},
// "checked_in_at","created_at","updated_at"}.
Json appointments_at(Connection& connection, std::string_view center_id, const Date& date);

// Reminds each sponsor, by SMS, of a visit still booked for tomorrow (Kuwait's date): once per
// appointment and day, so an appointment moved to another day is reminded again. Runs with the
// outbox's hourly pass (outbox.h). Returns how many reminders were queued.
int queue_appointment_reminders(Database& database, const Date& today, std::string_view now_iso);

// Checks in a booked appointment of today at the operator's center and gives it a queue ticket.
// 200 {"appointment","ticket"}. 404 for an unknown id; 403 counter.other_center when it is at
// another center; 409 appointment.not_booked, appointment.not_today. Inside the caller's
// transaction; the caller audits it, as every counter action.
ApiReply check_in_appointment(Services& services, Connection& connection, const CounterOperator& at_counter,
                              std::string_view appointment_id);

}  // namespace muamala::server
