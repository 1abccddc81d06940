// Index of this file:
// [SECTION] Replies
// [SECTION] Slots
// [SECTION] Appointments as rows and JSON
// [SECTION] Checks shared by booking and rescheduling
// [SECTION] Booking, cancelling, rescheduling
// [SECTION] At the counter
#include "server/appointments/appointments.h"

#include "common/booking_window.h"
#include "common/calendar_words.h"
#include "common/civil_id.h"
#include "common/transactions.h"
#include "common/wire_centers.h"
#include "common/wire_records.h"
#include "common/wire_transactions.h"
#include "server/appointments/queue_tickets.h"
#include "server/centers/centers.h"
#include "server/messages/outbox.h"
#include "server/security/audit.h"
#include "server/security/crypto.h"
#include "server/storage/center_store.h"
#include "server/storage/registry_store.h"
#include "server/transactions/household.h"
#include "server/transactions/transactions.h"

namespace muamala::server {
namespace {

// [SECTION] Replies

FieldProblem field_problem(std::string field, std::string code, Text message) {
    return {std::move(field), {std::move(code), std::move(message), {}}};
}

// [SECTION] Slots

// "Now" in Kuwait, to tell a slot still to come from one that has begun.
struct KuwaitNow {
    Date date;
    int minute = 0;
};

KuwaitNow kuwait_now(const Clock& clock) {
    const auto now = clock.now();
    return {kuwait_date(now), kuwait_minute_of_day(now)};
}

int minute_of(const std::string& clock_text) {  // "07:30", as this file stores it
    return std::stoi(clock_text.substr(0, 2)) * 60 + std::stoi(clock_text.substr(3, 2));
}

// A slot that has begun can no longer be booked: the visit would already be late.
bool has_begun(const std::string& date, const std::string& starts, const KuwaitNow& now) {
    const std::string today = to_iso(now.date);
    return date < today || (date == today && minute_of(starts) <= now.minute);
}

// Cuts the day into slots from the center's hours, once: a day that has slots keeps them.
void make_slots(Connection& connection, const Center& center, const Date& date) {
    for (int start = center.hours.opens_minute; start + center.slots.minutes <= center.hours.closes_minute;
         start += center.slots.minutes)
        connection
            .prepare("INSERT INTO appointment_slots (center_id, date, starts, ends, capacity) VALUES (?1, ?2, ?3, ?4, ?5) "
                     "ON CONFLICT (center_id, date, starts) DO NOTHING")
            .bind(1, center.id)
            .bind(2, to_iso(date))
            .bind(3, clock_time(start))
            .bind(4, clock_time(start + center.slots.minutes))
            .bind(5, center.slots.capacity)
            .step();
}

// Live appointments hold a seat; cancelled ones give it back.
constexpr const char* kTakenSeats =
    "(SELECT count(*) FROM appointments AS taken WHERE taken.slot_id = s.id AND taken.status IN ('booked', 'checked_in'))";

struct Slot {
    std::int64_t id = 0;
    std::string center_id, date, starts, ends;
};

std::optional<Slot> find_slot(Connection& connection, std::int64_t id) {
    Statement row = connection.prepare("SELECT id, center_id, date, starts, ends FROM appointment_slots WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return Slot{row.column_int64(0), row.column_text(1), row.column_text(2), row.column_text(3), row.column_text(4)};
}

// [SECTION] Appointments as rows and JSON

constexpr const char* kAppointmentQuery = R"sql(
    SELECT a.id, a.status, a.kind, a.sponsor, sp.name_en, sp.name_ar, a.beneficiary, b.name_en, b.name_ar,
           s.id, s.date, s.starts, s.ends, c.id, c.name_en, c.name_ar, c.shift, c.governorate,
           coalesce(a.checked_in_at, ''), a.created_at, a.updated_at
    FROM appointments AS a
    JOIN appointment_slots AS s ON s.id = a.slot_id
    JOIN centers AS c ON c.id = s.center_id
    JOIN persons AS sp ON sp.civil_id = a.sponsor
    JOIN persons AS b ON b.civil_id = a.beneficiary)sql";

using Appointment = AppointmentRecord;

Appointment read_appointment(const Statement& row) {
    return {row.column_text(0),
            stored(parse_appointment_status, row.column_text(1), "appointments.status"),
            stored(parse_transaction_kind, row.column_text(2), "appointments.kind"),
            {row.column_text(3), {row.column_text(4), row.column_text(5)}},
            {row.column_text(6), {row.column_text(7), row.column_text(8)}},
            {row.column_text(13), {row.column_text(14), row.column_text(15)}, row.column_text(16), row.column_text(17)},
            {row.column_int64(9), stored(parse_iso_date, row.column_text(10), "appointment_slots.date"),
             row.column_text(11), row.column_text(12)},
            row.column_text(18),
            row.column_text(19),
            row.column_text(20)};
}

std::optional<Appointment> find_appointment(Connection& connection, std::string_view id) {
    Statement row = connection.prepare(std::string(kAppointmentQuery) + " WHERE a.id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return read_appointment(row);
}

Json appointment_json(Connection& connection, std::string_view id) { return to_json(*find_appointment(connection, id)); }

// The SMS about an appointment, to the sponsor's phone (queue_sms skips a sponsor with none).
// `once_per` tells this message from others of its kind about the same appointment (queue_sms sends
// each dedupe key once). False when it was queued before.
bool queue_appointment_sms(Connection& connection, const Appointment& a, std::string_view kind, const Text& what,
                           std::string_view now_iso, std::string_view once_per) {
    const std::string date = to_iso(a.slot.date);
    const Text body{"Muamala: " + what.en + " " + a.center.name.en + ", " + date + " at " + a.slot.starts + ", for " +
                        a.beneficiary.name.en + ". Reference " + a.id + ".",
                    "معاملة: " + what.ar + " " + a.center.name.ar + "، " + date + " الساعة " + a.slot.starts + "، لـ " +
                        a.beneficiary.name.ar + ". المرجع " + a.id + "."};
    return queue_sms(connection, phone_of(connection, a.sponsor.civil_id), kind,
              "appointment:" + a.id + ":" + std::string(kind) + ":" + std::string(once_per), body, now_iso);
}

// [SECTION] Checks shared by booking and rescheduling

// The slot a request names, or the problem with it: missing, not a slot, or (when `center_id` is
// given) a slot at another center.
std::optional<Slot> slot_in_request(Connection& connection, const Json& body, std::string_view center_id,
                                    std::vector<FieldProblem>& problems) {
    const Json value = body.value("slot", Json());
    if (!value.is_number_integer()) {
        problems.push_back(field_problem("slot", "appointment.slot_required",
                                         {"Choose a time: send slot as the id of one of the center's slots",
                                          "اختر موعدًا: أرسل slot بمعرّف أحد مواعيد المركز"}));
        return std::nullopt;
    }
    const std::optional<Slot> slot = find_slot(connection, value.get<std::int64_t>());
    if (slot && (center_id.empty() || slot->center_id == center_id)) return slot;
    problems.push_back(field_problem("slot", "appointment.unknown_slot",
                                     {"This time is not one of the center's appointment slots. Choose a time from its list",
                                      "هذا الموعد ليس من مواعيد المركز. اختر موعدًا من قائمته"}));
    return std::nullopt;
}

// Whether the slot can still be taken by this sponsor: not begun, at a center that serves her.
std::optional<ApiReply> refuse_slot(Services& services, Connection& connection, const Slot& slot,
                                    std::string_view sponsor) {
    if (has_begun(slot.date, slot.starts, kuwait_now(services.clock)))
        return refusal(validation_failed({field_problem("slot", "appointment.slot_past",
                                            {"This time has already begun or passed. Choose a later time",
                                             "هذا الموعد بدأ أو انقضى. اختر موعدًا لاحقًا"})}));
    const std::vector<Center> centers = read_centers(connection);
    const Center* center = find_center(centers, slot.center_id);
    const std::string home_area = home_area_of(connection, sponsor);
    if (!serves_sponsor(services.counter_policy, *center, home_area))
        return refusal(validation_failed({field_problem("center", "appointment.outside_area",
                                            outside_area_message(centers, *center, home_area))}));
    return std::nullopt;
}

ApiReply slot_full() {
    return refusal({409, "appointment.slot_full",
                   {"This time is fully booked. Choose another time", "هذا الموعد محجوز بالكامل. اختر موعدًا آخر"}});
}

}  // namespace

ApiReply center_slots(Services& services, std::string_view center_id, std::optional<std::string_view> date_text) {
    auto connection = services.database.connect();
    const std::vector<Center> centers = read_centers(*connection);
    const Center* center = find_center(centers, center_id);
    if (!center) return unknown_center_reply();
    const KuwaitNow now = kuwait_now(services.clock);
    const BookingWindow window = booking_window(now.date);
    const std::optional<Date> date = date_text ? parse_iso_date(*date_text) : now.date;
    if (!date)
        return refusal(validation_failed({field_problem("date", "slots.date_invalid",
                                            {"Give the date as YYYY-MM-DD, for example 2026-03-01",
                                             "أدخل التاريخ بالشكل YYYY-MM-DD، مثل 2026-03-01"})}));
    if (!window.contains(*date)) {
        const Problem outside = outside_booking_window(window);
        return refusal(validation_failed({{outside.field, outside}}));
    }

    const std::string day = to_iso(*date);
    const bool open = center->hours.open_on(*date);
    if (open) {
        Statement existing = connection->prepare("SELECT count(*) FROM appointment_slots WHERE center_id = ?1 AND date = ?2");
        existing.bind(1, center->id).bind(2, day).step();
        if (existing.column_int64(0) == 0) {
            Transaction transaction(*connection);
            make_slots(*connection, *center, *date);
            transaction.commit();
        }
    }
    Statement rows = connection->prepare(std::string("SELECT s.id, s.starts, s.ends, s.capacity, ") + kTakenSeats +
                                         " FROM appointment_slots AS s WHERE s.center_id = ?1 AND s.date = ?2 ORDER BY s.starts");
    rows.bind(1, center->id).bind(2, day);
    Json slots = Json::array();
    while (rows.step()) {
        const std::int64_t capacity = rows.column_int64(3), booked = rows.column_int64(4);
        const std::int64_t available = capacity > booked ? capacity - booked : 0;
        slots.push_back({{"id", rows.column_int64(0)},
                         {"starts", rows.column_text(1)},
                         {"ends", rows.column_text(2)},
                         {"capacity", capacity},
                         {"booked", booked},
                         {"available", available},
                         {"bookable", available > 0 && !has_begun(day, rows.column_text(1), now)}});
    }
    return {200,
            {{"center", to_json(*center)},
             {"date", day},
             {"open", open},
             {"booking_window", {{"from", to_iso(window.first)}, {"to", to_iso(window.last)}}},
             {"illustrative", center->illustrative},
             {"slots", std::move(slots)}}};
}

// [SECTION] Booking, cancelling, rescheduling

ApiReply book_appointment(Services& services, Connection& connection, const Booker& booker, const Json& body) {
    std::vector<FieldProblem> problems;
    const std::string center_id = body.value("center", Json()).is_string() ? body["center"].get<std::string>() : "";
    const std::vector<Center> centers = read_centers(connection);
    if (!find_center(centers, center_id))
        problems.push_back(field_problem("center", "appointment.unknown_center",
                                         {"Choose a service center: send center as the id of one from the directory",
                                          "اختر مركز خدمة: أرسل center بمعرّف أحد مراكز الدليل"}));
    const std::optional<Slot> slot = slot_in_request(connection, body, center_id, problems);
    const std::string kind_name = body.value("kind", Json()).is_string() ? body["kind"].get<std::string>() : "";
    const std::optional<TransactionKind> kind = parse_transaction_kind(kind_name);
    if (!kind)
        problems.push_back(field_problem("kind", "appointment.unknown_kind",
                                         {"Choose the transaction the visit is for", "اختر المعاملة التي تخص الزيارة"}));
    const Validation beneficiary = validate_civil_id(
        body.value("beneficiary", Json()).is_string() ? body["beneficiary"].get<std::string>() : "");
    const Registry household = load_household(connection, booker.sponsor_civil_id);
    if (!beneficiary.ok || !is_household_member(household, booker.sponsor_civil_id, beneficiary.normalized))
        problems.push_back(field_problem("beneficiary", "appointment.not_in_household",
                                         {"Choose the member of your household the visit is for",
                                          "اختر فرد الأسرة الذي تخصه الزيارة"}));
    if (!problems.empty()) return refusal(validation_failed(std::move(problems)));
    if (auto refused = refuse_slot(services, connection, *slot, booker.sponsor_civil_id)) return *refused;

    const KuwaitNow now = kuwait_now(services.clock);
    Statement earlier = connection.prepare(R"sql(
        SELECT a.id FROM appointments AS a JOIN appointment_slots AS s ON s.id = a.slot_id
        WHERE a.sponsor = ?1 AND a.beneficiary = ?2 AND a.kind = ?3 AND a.status = 'booked'
          AND (s.date > ?4 OR (s.date = ?4 AND s.starts > ?5)))sql");
    earlier.bind(1, booker.sponsor_civil_id).bind(2, beneficiary.normalized).bind(3, kind_name);
    earlier.bind(4, to_iso(now.date)).bind(5, clock_time(now.minute));
    if (earlier.step())
        return refusal({409, "appointment.already_booked",
                       {"There is already an appointment for this person and transaction. Move it to another time instead",
                        "يوجد موعد لهذا الشخص ولهذه المعاملة بالفعل. غيّر موعده بدلًا من حجز موعد جديد"}},
                       {{"appointment", earlier.column_text(0)}});

    const std::string id = "A-" + random_readable_code(12), now_iso = iso_timestamp(services.clock.now());
    connection
        .prepare(std::string("INSERT INTO appointments (id, slot_id, sponsor, beneficiary, kind, status, booked_by, "
                             "created_at, updated_at) SELECT ?1, s.id, ?3, ?4, ?5, 'booked', ?6, ?7, ?7 "
                             "FROM appointment_slots AS s WHERE s.id = ?2 AND ") +
                 kTakenSeats + " < s.capacity")
        .bind(1, id)
        .bind(2, slot->id)
        .bind(3, booker.sponsor_civil_id)
        .bind(4, beneficiary.normalized)
        .bind(5, kind_name)
        .bind(6, booker.account_id)
        .bind(7, now_iso)
        .step();
    if (connection.changes() == 0) return slot_full();

    const Appointment booked = *find_appointment(connection, id);
    append_audit(connection, now_iso, booker.sponsor_civil_id, "appointment.booked", id,
                 {{"center", slot->center_id}, {"slot", slot->id}, {"date", slot->date}, {"starts", slot->starts},
                  {"kind", kind_name}, {"beneficiary", beneficiary.normalized}});
    queue_appointment_sms(connection, booked, "appointment_booked", {"your appointment is booked at", "تم حجز موعدك في"},
                          now_iso, now_iso);
    const Decision decision = probe_decision(services.rulebook, household, booker.sponsor_civil_id,
                                             beneficiary.normalized, *kind, phone_of(connection, booker.sponsor_civil_id),
                                             now.date);
    return {201, {{"appointment", to_json(booked)}, {"online_possible", decision.eligible}, {"decision", to_json(decision)}}};
}

namespace {

// The sponsor's own appointment, still booked and still to come; or the refusal to send.
struct Changeable {
    std::optional<Appointment> appointment;
    std::optional<ApiReply> refusal;
};

Changeable changeable(Services& services, Connection& connection, const Booker& booker, std::string_view id) {
    std::optional<Appointment> a = find_appointment(connection, id);
    if (!a || a->sponsor.civil_id != booker.sponsor_civil_id) return {std::nullopt, refusal(not_found())};
    const bool cancelled = a->status == AppointmentStatus::cancelled;
    if (a->status != AppointmentStatus::booked)
        return {std::nullopt, refusal({409, "appointment.not_booked",
                                       {"This appointment is " + std::string(cancelled ? "cancelled" : "checked in") +
                                            " and can no longer be changed",
                                        std::string(cancelled ? "هذا الموعد ملغى" : "تم تسجيل حضور هذا الموعد") +
                                            " ولا يمكن تغييره"}})};
    if (has_begun(to_iso(a->slot.date), a->slot.starts, kuwait_now(services.clock)))
        return {std::nullopt, refusal({409, "appointment.past",
                                      {"The time of this appointment has come or gone, so it can no longer be changed",
                                       "حان وقت هذا الموعد أو انقضى، فلا يمكن تغييره"}})};
    return {std::move(a), std::nullopt};
}

}  // namespace

ApiReply cancel_appointment(Services& services, Connection& connection, const Booker& booker,
                            std::string_view appointment_id) {
    Changeable found = changeable(services, connection, booker, appointment_id);
    if (found.refusal) return *found.refusal;
    const std::string now_iso = iso_timestamp(services.clock.now());
    connection.prepare("UPDATE appointments SET status = 'cancelled', updated_at = ?2 WHERE id = ?1")
        .bind(1, appointment_id)
        .bind(2, now_iso)
        .step();
    const Appointment& a = *found.appointment;
    append_audit(connection, now_iso, booker.sponsor_civil_id, "appointment.cancelled", a.id,
                 {{"center", a.center.id}, {"slot", a.slot.id}, {"date", to_iso(a.slot.date)}, {"starts", a.slot.starts}});
    queue_appointment_sms(connection, a, "appointment_cancelled", {"your appointment is cancelled at", "تم إلغاء موعدك في"},
                          now_iso, now_iso);
    return {200, {{"appointment", appointment_json(connection, appointment_id)}}};
}

ApiReply reschedule_appointment(Services& services, Connection& connection, const Booker& booker,
                                std::string_view appointment_id, const Json& body) {
    Changeable found = changeable(services, connection, booker, appointment_id);
    if (found.refusal) return *found.refusal;
    const Appointment& before = *found.appointment;
    std::vector<FieldProblem> problems;
    const std::optional<Slot> slot = slot_in_request(connection, body, "", problems);
    if (!problems.empty()) return refusal(validation_failed(std::move(problems)));
    if (slot->id == before.slot.id)
        return refusal(validation_failed({field_problem("slot", "appointment.same_slot",
                                            {"The appointment is already at this time. Choose another time",
                                             "الموعد محدد في هذا الوقت بالفعل. اختر وقتًا آخر"})}));
    if (auto refused = refuse_slot(services, connection, *slot, booker.sponsor_civil_id)) return *refused;

    const std::string now_iso = iso_timestamp(services.clock.now());
    connection
        .prepare(std::string("UPDATE appointments SET slot_id = ?2, updated_at = ?3 WHERE id = ?1 AND "
                             "(SELECT count(*) FROM appointment_slots AS s WHERE s.id = ?2 AND ") +
                 kTakenSeats + " < s.capacity) = 1")
        .bind(1, appointment_id)
        .bind(2, slot->id)
        .bind(3, now_iso)
        .step();
    if (connection.changes() == 0) return slot_full();

    const Appointment after = *find_appointment(connection, appointment_id);
    append_audit(connection, now_iso, booker.sponsor_civil_id, "appointment.rescheduled", after.id,
                 {{"from", {{"center", before.center.id}, {"slot", before.slot.id}}},
                  {"to", {{"center", after.center.id}, {"slot", after.slot.id}, {"date", to_iso(after.slot.date)},
                          {"starts", after.slot.starts}}}});
    queue_appointment_sms(connection, after, "appointment_rescheduled", {"your appointment is moved to", "تم نقل موعدك إلى"},
                          now_iso, now_iso);
    return {200, {{"appointment", to_json(after)}}};
}

ApiReply list_appointments(Connection& connection, std::string_view sponsor_civil_id) {
    Statement rows = connection.prepare(std::string(kAppointmentQuery) +
                                        " WHERE a.sponsor = ?1 ORDER BY s.date DESC, s.starts DESC, a.id LIMIT 200");
    rows.bind(1, sponsor_civil_id);
    Json list = Json::array();
    while (rows.step()) list.push_back(to_json(read_appointment(rows)));
    return {200, {{"appointments", std::move(list)}}};
}

// [SECTION] At the counter

Json appointments_at(Connection& connection, std::string_view center_id, const Date& date) {
    Statement rows = connection.prepare(std::string(kAppointmentQuery) +
                                        " WHERE s.center_id = ?1 AND s.date = ?2 ORDER BY s.starts, a.created_at");
    rows.bind(1, center_id).bind(2, to_iso(date));
    Json list = Json::array();
    while (rows.step()) list.push_back(to_json(read_appointment(rows)));
    return list;
}

ApiReply check_in_appointment(Services& services, Connection& connection, const CounterOperator& at_counter,
                              std::string_view appointment_id) {
    const std::optional<Appointment> a = find_appointment(connection, appointment_id);
    if (!a) return refusal(not_found());
    if (a->center.id != at_counter.center_id)
        return refusal({403, "counter.other_center",
                        {"This appointment is at " + a->center.name.en + ", not at your center",
                         "هذا الموعد في " + a->center.name.ar + " وليس في مركزك"}});
    const bool cancelled = a->status == AppointmentStatus::cancelled;
    if (a->status != AppointmentStatus::booked)
        return refusal({409, "appointment.not_booked",
                        {"This appointment is " + std::string(cancelled ? "cancelled" : "already checked in"),
                         cancelled ? "هذا الموعد ملغى" : "تم تسجيل حضور هذا الموعد بالفعل"}});
    const Date today = kuwait_today(services.clock);
    if (a->slot.date != today) {
        const Text on = date_in_words(a->slot.date);
        return refusal({409, "appointment.not_today",
                        {"This appointment is on " + on.en + ", not today", "هذا الموعد بتاريخ " + on.ar + " وليس اليوم"}});
    }

    const std::string now_iso = iso_timestamp(services.clock.now());
    connection
        .prepare("UPDATE appointments SET status = 'checked_in', checked_in_by = ?2, checked_in_at = ?3, updated_at = ?3 "
                 "WHERE id = ?1")
        .bind(1, appointment_id)
        .bind(2, at_counter.account_id)
        .bind(3, now_iso)
        .step();
    Json ticket = issue_ticket(connection, at_counter.center_id, today, appointment_id, at_counter.account_id, now_iso);
    return {200, {{"appointment", appointment_json(connection, appointment_id)}, {"ticket", std::move(ticket)}}};
}


int queue_appointment_reminders(Database& database, const Date& today, std::string_view now_iso) {
    auto connection = database.connect();
    const std::string tomorrow = to_iso(add_days(today, 1));
    // Read first, without the write lock (as the expiry reminders are): a day's visits are few.
    std::vector<std::string> due;
    {
        Statement rows = connection->prepare(
            "SELECT a.id FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id "
            "WHERE a.status = 'booked' AND s.date = ?1 ORDER BY s.starts, a.id");
        rows.bind(1, tomorrow);
        while (rows.step()) due.push_back(rows.column_text(0));
    }
    int queued = 0;
    Transaction transaction(*connection);
    for (const std::string& id : due) {
        // Read again under the lock: cancelled or moved since, it is not reminded.
        const std::optional<Appointment> a = find_appointment(*connection, id);
        if (!a || a->status != AppointmentStatus::booked || to_iso(a->slot.date) != tomorrow) continue;
        if (queue_appointment_sms(*connection, *a, "appointment_reminder",
                                  {"a reminder of your appointment tomorrow at", "تذكير بموعدك غدًا في"}, now_iso, tomorrow))
            ++queued;
    }
    transaction.commit();
    return queued;
}

}  // namespace muamala::server
