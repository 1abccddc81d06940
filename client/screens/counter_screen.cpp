// The counter: an operator at a citizen service center serves whoever walks in. Her
// center and shift head the page; she looks up the sponsor by civil ID (checked as typed by the
// core's rules, refused by the server when the sponsor's area is another center's), sees the same
// cards as the sponsor's own dashboard, and each offer opens the same wizard, payment and receipt
// screens, which send to the counter's endpoints (wizard.cpp, pay_screen.cpp). Below, today's
// queue: walk-in tickets and the appointments to check in.
#include <algorithm>

#include "client/app/calls.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"
#include "common/civil_id.h"

// [SECTION] Requests
// [SECTION] Her center
// [SECTION] Serving a sponsor
// [SECTION] Today's queue
// [SECTION] The screen

namespace muamala::client {
namespace {

// [SECTION] Requests ------------------------------------------------------------------------------

void load_queue(App& app) {
    if (app.counter.queue_load.waiting) return;
    load_into(app, app.counter.queue_load, api::kCounterQueue, &read_counter_queue, app.counter.queue);
}

// A refusal of a ticket or a check-in is the server's to explain (another center's appointment, one
// already checked in); anything else keeps its Retry. Either way the queue is read again.
void answer_queue_change(App& app, Call& call, HttpResponse&& response) {
    if (response.status == 200 || response.status == 201) {
        if (std::optional<QueueTicket> ticket = read_ticket_issued(response.body)) app.counter.issued = std::move(ticket);
        load_queue(app);
        return;
    }
    if (!failed(app, call, response)) return;
    if (call.failure->kind == CallFailure::Kind::Refused) {
        app.counter.queue_refusal = std::move(call.failure);
        call.failure.reset();
        load_queue(app);
    }
}

void send_ticket(App& app) {
    CounterState& counter = app.counter;
    if (counter.ticket.waiting) return;
    send(app, counter.ticket,
         {.method = "POST", .url = api::kCounterTickets, .json_body = "{}", .csrf_token = app.session.csrf_token,
          .idempotency_key = counter.ticket_key},
         [](App& app, HttpResponse&& response) { answer_queue_change(app, app.counter.ticket, std::move(response)); });
}

void send_check_in(App& app) {
    CounterState& counter = app.counter;
    if (counter.check_in.waiting || counter.checking_in.empty()) return;
    send(app, counter.check_in,
         {.method = "POST", .url = api::check_in_url(counter.checking_in), .json_body = "{}", .csrf_token = app.session.csrf_token,
          .idempotency_key = counter.check_in_key},
         [](App& app, HttpResponse&& response) { answer_queue_change(app, app.counter.check_in, std::move(response)); });
}

// The sponsor's civil ID as the core judges it; the looked-up household replaces whatever was shown.
void look_up(App& app) {
    CounterState& counter = app.counter;
    counter.civil_id.judged = true;
    const Validation civil_id = validate_civil_id(counter.civil_id.text);
    if (!civil_id.ok) return;
    counter.sponsor = civil_id.normalized;
    // Nothing of the previous household stays on screen: a refusal must not look like her answer.
    app.household = HouseholdState{};
    load_household(app);
}

// [SECTION] Her center ----------------------------------------------------------------------------

void center_caption(App& app, Ui& ui) {
    const Language language = app.language;
    if (!app.counter.queue) return;
    const Center& center = app.counter.queue->center;
    const std::string shift(pick(center.shift == Shift::evening ? strings::shift_evening : strings::shift_morning, language));
    std::string about = pick(center.name, language);
    about += " · ";
    about += fill(pick(strings::opening_hours, language),
                  {shift, ltr(clock_time(center.hours.opens_minute)), ltr(clock_time(center.hours.closes_minute))});
    paragraph(ui, "counter-center", about, ui.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 5);
}

// [SECTION] Serving a sponsor ---------------------------------------------------------------------

// What is wrong with the civil ID: the core's words once judged; otherwise the server's refusal
// (unknown, another center's area), which is about the number typed too.
std::string civil_id_error(const App& app) {
    const Language language = app.language;
    const CounterState& counter = app.counter;
    if (counter.civil_id.judged) {
        const Validation civil_id = validate_civil_id(counter.civil_id.text);
        if (!civil_id.ok) return for_display(pick(civil_id.errors.front().message, language));
    }
    const std::optional<CallFailure>& failure = app.household.load.failure;
    if (failure && failure->kind == CallFailure::Kind::Refused) {
        // A malformed number's reasons name the field; an unknown or out-of-area sponsor's is the message.
        return for_display(pick(failure->fields.empty() ? failure->message : failure->fields.front().message, language));
    }
    return {};
}

void serve_sponsor(App& app, Ui& ui, const std::string& error) {
    const Language language = app.language;
    CounterState& counter = app.counter;
    subheading(ui, "serve-title", pick(strings::serve_title, language));
    {
        Row row(ui);
        row.cell(0.0f, std::min(1.0f, ui.px(theme::kFormMaxWidth) / ui.column_width()));  // GOV.UK: a form group is two thirds wide
        const FieldResult result = form_field(ui,
                                              {.id = "sponsor-civil-id-input",
                                               .label = pick(strings::sponsor_civil_id_label, language),
                                               .label_font = ui.fonts.bold,
                                               .hint = pick(strings::sponsor_civil_id_hint, language),
                                               .error = error,
                                               .width = 240,
                                               .take_focus = std::exchange(counter.civil_id.focus_requested, false)},
                                              counter.civil_id.text);
        if (result.edited) counter.civil_id.judged = false;  // judged again on the next Look up
        vertical_space(ui, 15);
        if (app.household.load.waiting) progress_line(ui, "look-up-progress", pick(strings::looking_up, language));
        else if (button(ui, "look-up-button", pick(strings::look_up, language)) || result.submitted) look_up(app);
    }
    vertical_space(ui, 20);
    const std::optional<CallFailure>& failure = app.household.load.failure;
    if (failure && failure->kind != CallFailure::Kind::Refused) {
        if (failure_notice(ui, "look-up-failure", *failure)) load_household(app);
        vertical_space(ui, 20);
    }
    if (!app.household.data) return;
    const Household& household = *app.household.data;
    call_progress(ui, "household-progress", app.household.load, pick(strings::updating, language));
    std::string about = ltr(household.sponsor_civil_id);
    if (!pick(household.home_area, language).empty()) about += " · " + pick(household.home_area, language);
    paragraph(ui, "serving-caption", about, ui.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 5);
    paragraph(ui, "serving-title", fill(pick(strings::serving_household, language), {pick(household.sponsor_name, language)}),
              ui.fonts.subheading, theme::kText);
    vertical_space(ui, 10);
    body_text(ui, "serving-intro", fill(pick(strings::serving_intro, language), {format_date(household.today, language)}));
    vertical_space(ui, 20);
    draw_member_cards(app, ui, household);
}

// [SECTION] Today's queue -------------------------------------------------------------------------

Phrase appointment_status(AppointmentStatus status) {
    switch (status) {
        case AppointmentStatus::checked_in: return strings::status_checked_in;
        case AppointmentStatus::cancelled: return strings::status_cancelled;
        case AppointmentStatus::booked: break;
    }
    return strings::status_booked;
}

void queue_section(App& app, Ui& ui) {
    const Language language = app.language;
    CounterState& counter = app.counter;
    subheading(ui, "queue-title", pick(strings::queue_title, language));
    if (counter.queue_refusal) {
        error_summary(ui, {{"", describe_failure(*counter.queue_refusal, language)}});
    }
    if (counter.ticket.waiting) {
        call_progress(ui, "ticket-progress", counter.ticket, pick(strings::issuing, language));
    } else if (button(ui, "issue-ticket-button", pick(strings::issue_ticket, language), ButtonStyle::Secondary)) {
        counter.ticket_key = new_idempotency_key();  // a new press is a new visitor: a new ticket
        counter.queue_refusal.reset();
        counter.issued.reset();
        send_ticket(app);
    }
    if (counter.ticket.failure) {
        vertical_space(ui, 15);
        if (failure_notice(ui, "ticket-failure", *counter.ticket.failure)) send_ticket(app);
    }
    if (counter.issued) {
        vertical_space(ui, 15);
        Block inset(ui, BlockStyle::Inset, theme::kSuccess);
        paragraph(ui, "ticket-issued", fill(pick(strings::ticket_issued, language), {std::to_string(counter.issued->number)}),
                  ui.fonts.bold, theme::kText);
    }
    vertical_space(ui, 20);

    if (!counter.queue) {
        call_progress(ui, "queue-progress", counter.queue_load, pick(strings::loading, language));
        if (counter.queue_load.failure && failure_notice(ui, "queue-failure", *counter.queue_load.failure)) load_queue(app);
        return;
    }
    const CounterQueue& queue = *counter.queue;
    if (counter.queue_load.failure && failure_notice(ui, "queue-failure", *counter.queue_load.failure)) load_queue(app);

    paragraph(ui, "tickets-title", pick(strings::tickets_title, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 8);
    if (queue.tickets.empty()) body_text(ui, "no-tickets", pick(strings::no_tickets, language));
    for (const QueueTicket& ticket : queue.tickets) {
        const std::string source(pick(ticket.source == "appointment" ? strings::by_appointment : strings::walk_in, language));
        body_text(ui, "ticket-" + std::to_string(ticket.number),
                  fill(pick(strings::ticket_line, language), {std::to_string(ticket.number), source, format_timestamp(ticket.issued_at, language)}));
        vertical_space(ui, 4);
    }
    vertical_space(ui, 20);

    paragraph(ui, "appointments-title", pick(strings::appointments_today, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 8);
    if (queue.appointments.empty()) body_text(ui, "no-appointments", pick(strings::no_appointments_today, language));
    for (const AppointmentRecord& appointment : queue.appointments) {
        const std::string id = "appointment-" + appointment.id;
        {
            Row row(ui);
            row.cell(0.0f, 0.7f);
            body_text(ui, id, fill(pick(strings::appointment_line, language),
                                   {ltr(appointment.slot.starts), ltr(appointment.slot.ends), pick(title_of(appointment.kind), language),
                                    pick(appointment.beneficiary.name, language), pick(appointment.sponsor.name, language)}));
            row.cell(0.72f, 1.0f);
            if (appointment.status != AppointmentStatus::booked) {
                tag(ui, id + "-status", pick(appointment_status(appointment.status), language),
                    appointment.status == AppointmentStatus::checked_in ? theme::kGreenTag : theme::kRedTag, Side::End);
            } else if (counter.check_in.waiting && counter.checking_in == appointment.id) {
                progress_line(ui, id + "-progress", pick(strings::checking_in, language));
            } else if (button(ui, id + "-check-in", pick(strings::check_in, language), ButtonStyle::Secondary,
                              !counter.check_in.waiting)) {
                counter.checking_in = appointment.id;
                counter.check_in_key = new_idempotency_key();
                counter.queue_refusal.reset();
                send_check_in(app);
            }
        }
        vertical_space(ui, 8);
        rule(ui);
        vertical_space(ui, 8);
    }
    if (counter.check_in.failure) {
        vertical_space(ui, 15);
        if (failure_notice(ui, "check-in-failure", *counter.check_in.failure)) send_check_in(app);
    }
    vertical_space(ui, 15);
    if (link(ui, "refresh-queue", pick(strings::refresh_queue, language))) load_queue(app);
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void enter_counter_screen(App& app) {
    load_queue(app);
    // Back from a transaction: the household again, with its new expiries.
    if (!app.counter.sponsor.empty() && (!app.household.data || app.household.stale)) load_household(app);
}

void draw_counter_screen(App& app, Ui& ui) {
    const Language language = app.language;
    const std::string error = civil_id_error(app);
    set_title(app, pick(strings::counter_title, language), !error.empty());
    center_caption(app, ui);
    if (!error.empty() && error_summary(ui, {{"error-summary-sponsor-civil-id", error}}) == 0) app.counter.civil_id.focus_requested = true;
    heading(ui, "title", pick(strings::counter_title, language));
    serve_sponsor(app, ui, error);
    vertical_space(ui, 30);
    queue_section(app, ui);
}

}  // namespace muamala::client
