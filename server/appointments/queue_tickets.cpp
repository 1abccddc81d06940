#include "server/appointments/queue_tickets.h"

namespace muamala::server {
namespace {

constexpr const char* kTicketColumns = "id, number, center_id, date, source, coalesce(appointment_id, ''), issued_at";

Json ticket_json(const Statement& row) {
    const std::string appointment = row.column_text(5);
    return {{"id", row.column_int64(0)},
            {"number", row.column_int64(1)},
            {"center_id", row.column_text(2)},
            {"date", row.column_text(3)},
            {"source", row.column_text(4)},
            {"appointment_id", appointment.empty() ? Json(nullptr) : Json(appointment)},
            {"issued_at", row.column_text(6)}};
}

}  // namespace

Json issue_ticket(Connection& connection, std::string_view center_id, const Date& date, std::string_view appointment_id,
                  std::int64_t issued_by, std::string_view now_iso) {
    const std::string day = to_iso(date);
    Statement insert = connection.prepare(
        "INSERT INTO queue_tickets (center_id, date, number, source, appointment_id, issued_by, issued_at) "
        "SELECT ?1, ?2, coalesce(max(number), 0) + 1, ?3, ?4, ?5, ?6 FROM queue_tickets "
        "WHERE center_id = ?1 AND date = ?2");
    insert.bind(1, center_id).bind(2, day).bind(3, appointment_id.empty() ? "walk_in" : "appointment");
    if (appointment_id.empty()) insert.bind_null(4);
    else insert.bind(4, appointment_id);
    insert.bind(5, issued_by).bind(6, now_iso).step();
    Statement row = connection.prepare(std::string("SELECT ") + kTicketColumns + " FROM queue_tickets WHERE id = ?1");
    row.bind(1, connection.last_insert_rowid()).step();
    return ticket_json(row);
}

Json tickets_of_day(Connection& connection, std::string_view center_id, const Date& date) {
    Statement rows = connection.prepare(std::string("SELECT ") + kTicketColumns +
                                        " FROM queue_tickets WHERE center_id = ?1 AND date = ?2 ORDER BY number");
    rows.bind(1, center_id).bind(2, to_iso(date));
    Json tickets = Json::array();
    while (rows.step()) tickets.push_back(ticket_json(rows));
    return tickets;
}

}  // namespace muamala::server
