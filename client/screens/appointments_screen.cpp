// Her appointments at the service centers: the list (cancel with a confirmation step, or change the
// time), and one appointment's page, which is also the confirmation once booked: the center, day,
// time, what to bring, and the SMS (simulated in this demonstration).
#include "client/app/appointments.h"
#include "client/app/calls.h"
#include "client/app/wizard.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

// [SECTION] Requests
// [SECTION] Parts of the pages
// [SECTION] The list
// [SECTION] One appointment

namespace muamala::client {
namespace {

// [SECTION] Requests ------------------------------------------------------------------------------

void send_cancel(App& app) {
    AppointmentsState& appointments = app.appointments;
    if (appointments.cancel.waiting || appointments.cancelling.empty()) return;
    send(app, appointments.cancel,
         {.method = "DELETE", .url = api::appointment_url(appointments.cancelling), .csrf_token = app.session.csrf_token,
          .idempotency_key = appointments.cancel_key},
         [](App& app, HttpResponse&& response) {
             AppointmentsState& appointments = app.appointments;
             std::optional<AppointmentRecord> cancelled = response.status == 200 ? read_appointment_answer(response.body) : std::nullopt;
             if (!cancelled) {
                 if (!failed(app, appointments.cancel, response)) return;
                 // Refused (already cancelled, its time come, not hers): say why, and show the list
                 // as the server has it now.
                 if (appointments.cancel.failure->kind == CallFailure::Kind::Refused) {
                     appointments.refusal = std::move(appointments.cancel.failure);
                     appointments.cancel.failure.reset();
                     appointments.cancelling.clear();
                     load_appointments(app);
                 }
                 return;
             }
             appointments.cancelling.clear();
             if (appointments.just_booked == cancelled->id) appointments.just_booked.clear();
             if (appointments.list)
                 for (AppointmentRecord& a : *appointments.list)
                     if (a.id == cancelled->id) a = *cancelled;
             // Cancelled from its own page: the list says so (entering it clears older news first).
             if (app.route.screen != Screen::Appointments) navigate(app, {Screen::Appointments}, HistoryEntry::Push);
             appointments.cancelled = cancelled->id;
         });
}

void confirm_cancel(App& app) {
    app.appointments.cancel_key = new_idempotency_key();
    app.appointments.refusal.reset();
    send_cancel(app);
}

// [SECTION] Parts of the pages --------------------------------------------------------------------

void status_tag(Ui& ui, const std::string& id, const AppointmentRecord& a, const Date& today, Side side) {
    const Language language = ui.language;
    if (a.status == AppointmentStatus::cancelled) tag(ui, id, pick(strings::status_cancelled, language), theme::kRedTag, side);
    else if (a.status == AppointmentStatus::checked_in) tag(ui, id, pick(strings::status_checked_in, language), theme::kBlueTag, side);
    else if (a.slot.date < today) tag(ui, id, pick(strings::status_missed, language), theme::kYellowTag, side);
    else tag(ui, id, pick(strings::status_booked, language), theme::kGreenTag, side);
}

// Cancel and Change the time; after Cancel, the question and the two answers instead.
void appointment_actions(App& app, Ui& ui, const AppointmentRecord& a) {
    const Language language = app.language;
    AppointmentsState& appointments = app.appointments;
    const std::string id = "appointment-" + a.id;
    if (appointments.cancelling != a.id) {
        Row row(ui);
        row.cell(0.0f, 0.5f);
        if (link(ui, id + "-reschedule", pick(strings::change_time, language)))
            navigate(app, {.screen = Screen::Reschedule, .id = a.id}, HistoryEntry::Push);
        row.cell(0.5f, 1.0f);
        if (link(ui, id + "-cancel", pick(strings::cancel_appointment, language), Side::End)) {
            appointments.cancelling = a.id;
            appointments.cancel.failure.reset();
            appointments.refusal.reset();
        }
        return;
    }
    Block inset(ui, BlockStyle::Inset, theme::kError);
    paragraph(ui, id + "-cancel-question", pick(strings::cancel_question, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 12);
    if (appointments.cancel.waiting) {
        call_progress(ui, id + "-cancel-progress", appointments.cancel, pick(strings::cancelling, language));
        return;
    }
    if (appointments.cancel.failure) {
        if (failure_notice(ui, id + "-cancel-failure", *appointments.cancel.failure)) send_cancel(app);
    }
    ButtonGroup buttons(ui);
    if (buttons.button(id + "-cancel-yes", pick(strings::yes_cancel, language), ButtonStyle::Warning)) confirm_cancel(app);
    if (buttons.button(id + "-cancel-no", pick(strings::no_keep, language), ButtonStyle::Secondary)) {
        appointments.cancelling.clear();
        appointments.cancel.failure.reset();
    }
}

// The appointment's facts as summary rows.
void appointment_rows(App& app, Ui& ui, const AppointmentRecord& a) {
    const Language language = app.language;
    const std::string id = "appointment-" + a.id;
    summary_row(ui, id + "-transaction", pick(strings::transaction_key, language),
                fill(pick(strings::purpose_option, language), {pick(title_of(a.kind), language), pick(a.beneficiary.name, language)}));
    summary_row(ui, id + "-center", pick(strings::center_key, language),
                pick(a.center.name, language) + " · " + pick(shift_name(parse_shift(a.center.shift).value_or(Shift::morning)), language));
    summary_row(ui, id + "-date", pick(strings::date_key, language), day_text(a.slot.date, language));
    summary_row(ui, id + "-time", pick(strings::time_key, language), time_text(a.slot.starts, a.slot.ends, language));
    summary_row(ui, id + "-reference", pick(strings::reference_key, language), ltr(a.id));
}

}  // namespace

// [SECTION] The list ------------------------------------------------------------------------------

void enter_appointments_screen(App& app) {
    // Always afresh: an operator may have checked one in, or another device changed one.
    load_appointments(app);
    if (!app.household.data || app.household.stale) load_household(app);
    if (app.route.screen == Screen::Appointments) {
        app.appointments.refusal.reset();
        app.appointments.cancelled.clear();
    }
}

void draw_appointments_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    AppointmentsState& appointments = app.appointments;
    set_title(app, pick(strings::appointments_title, language), appointments.refusal.has_value());
    if (appointments.refusal) error_summary(ui, {{"", describe_failure(*appointments.refusal, language)}});
    heading(ui, "title", pick(strings::appointments_title, language));
    if (!appointments.cancelled.empty()) {
        {
            Block inset(ui, BlockStyle::Inset, theme::kSuccess);
            paragraph(ui, "cancelled-notice", pick(strings::cancelled_notice, language), ui.fonts.bold, theme::kText);
        }
        vertical_space(ui, 20);
    }
    // The list as last loaded stays readable while a fresher one is on its way.
    call_progress(ui, "appointments-progress", appointments.load,
                  pick(appointments.list ? strings::updating : strings::loading, language));
    if (appointments.load.failure && failure_notice(ui, "appointments-failure", *appointments.load.failure)) load_appointments(app);
    if (!appointments.list || !app.household.data) {
        if (!app.household.data && app.household.load.failure && failure_notice(ui, "household-failure", *app.household.load.failure))
            load_household(app);
        return;
    }
    const Date today = app.household.data->today;
    if (appointments.list->empty()) body_text(ui, "no-appointments", pick(strings::no_appointments, language));
    for (const AppointmentRecord& a : *appointments.list) {
        const std::string id = "appointment-" + a.id;
        {
            Block card(ui, BlockStyle::Card, theme::kInsetBorder);
            {
                Row row(ui);
                row.cell(0.0f, 0.7f);
                paragraph(ui, id, fill(pick(strings::purpose_option, language), {pick(title_of(a.kind), language), pick(a.beneficiary.name, language)}),
                          ui.fonts.bold, theme::kText);
                row.cell(0.7f, 1.0f);
                status_tag(ui, id + "-status", a, today, Side::End);
            }
            card.end_title();
            body_text(ui, id + "-when", when_text(a, language));
            vertical_space(ui, 4);
            body_text(ui, id + "-where", pick(a.center.name, language));
            vertical_space(ui, 4);
            secondary_text(ui, id + "-reference", std::string(pick(strings::reference_key, language)) + ": " + ltr(a.id));
            if (still_to_come(a, today)) {
                vertical_space(ui, 12);
                appointment_actions(app, ui, a);
            }
        }
        vertical_space(ui, 20);
    }
    vertical_space(ui, 10);
    if (app.household.data->center && link(ui, "book-another", pick(strings::book_visit, language)))
        navigate(app, {.screen = Screen::Book, .id = app.household.data->center->id}, HistoryEntry::Push);
    vertical_space(ui, 10);
    if (link(ui, "to-finder", pick(strings::find_center, language))) navigate(app, {Screen::Centers}, HistoryEntry::Push);
}

// [SECTION] One appointment -----------------------------------------------------------------------

void draw_appointment_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    AppointmentsState& appointments = app.appointments;
    const AppointmentRecord* found = find_appointment(app, app.route.id);
    if (!found || !app.household.data) {
        set_title(app, pick(strings::appointment_title, language), false);
        heading(ui, "title", pick(strings::appointment_title, language));
        call_progress(ui, "appointment-progress", appointments.load, pick(strings::loading, language));
        if (appointments.load.failure && failure_notice(ui, "appointment-failure", *appointments.load.failure)) load_appointments(app);
        if (appointments.list && !appointments.load.waiting && !found)
            body_text(ui, "unknown-appointment", pick(strings::unknown_appointment, language));
        return;
    }
    const AppointmentRecord a = *found;  // a copy: cancelling below changes the list
    const Household& household = *app.household.data;
    const bool confirming = appointments.just_booked == a.id && a.status == AppointmentStatus::booked;
    const Phrase& title = confirming ? (appointments.moved ? strings::moved_title : strings::booked_title) : strings::appointment_title;
    set_title(app, pick(title, language), false);
    if (confirming) {  // GOV.UK's confirmation panel: done, and the reference to keep
        Block panel(ui, BlockStyle::Panel, theme::kSuccess);
        paragraph(ui, "title", pick(title, language), ui.fonts.heading, theme::kWhite);
        vertical_space(ui, 15);
        paragraph(ui, "reference-label", pick(strings::your_reference, language), ui.fonts.body, theme::kWhite);
        vertical_space(ui, 5);
        paragraph(ui, "reference", ltr(a.id), ui.fonts.subheading, theme::kWhite);
    } else {
        heading(ui, "title", pick(title, language));
        status_tag(ui, "appointment-status", a, household.today, Side::Start);
    }
    vertical_space(ui, 25);
    appointment_rows(app, ui, a);
    vertical_space(ui, 25);

    if (a.status == AppointmentStatus::booked) {
        subheading(ui, "bring-title", pick(strings::what_to_bring_title, language));
        // What the counter will ask for: her own ID (she is the sponsor), the member's, and what the
        // transaction itself checks (insurance for a residency, the old licence for a licence).
        const std::string name = pick(a.beneficiary.name, language);
        std::vector<std::string> bring = {std::string(pick(strings::bring_your_id, language)),
                                          fill(pick(strings::bring_their_id, language), {name})};
        switch (a.kind) {
            case TransactionKind::renew_child_licence: bring.push_back(fill(pick(strings::bring_licence, language), {name})); break;
            case TransactionKind::issue_newborn_residency:
                bring.push_back(fill(pick(strings::bring_birth_certificate, language), {name}));
                [[fallthrough]];
            case TransactionKind::renew_husband_residency:
            case TransactionKind::renew_child_residency:
            case TransactionKind::transfer_residency_passport:
                bring.push_back(fill(pick(strings::bring_insurance, language), {name}));
                break;
        }
        bring.push_back(fill(pick(strings::bring_reference, language), {ltr(a.id)}));
        for (size_t i = 0; i < bring.size(); ++i) {
            body_text(ui, "bring-" + std::to_string(i), "• " + bring[i]);
            vertical_space(ui, 4);
        }
        vertical_space(ui, 20);
    }
    if (confirming) {
        if (!household.sponsor_phone.empty())
            body_text(ui, "sms-sent", fill(pick(strings::sms_sent, language), {ltr(household.sponsor_phone)}));
        vertical_space(ui, 5);
        secondary_text(ui, "sms-simulated", pick(strings::sms_simulated, language));
        vertical_space(ui, 20);
        if (appointments.online_possible) {
            Block inset(ui, BlockStyle::Inset, theme::kSuccess);
            paragraph(ui, "still-online", pick(strings::still_online, language), ui.fonts.body, theme::kText);
            vertical_space(ui, 10);
            if (link(ui, "still-online-start", pick(strings::do_it_online, language))) {
                start_wizard(app, a.kind, a.beneficiary.civil_id);
                const std::vector<WizardStep> steps = wizard_steps(a.kind);
                navigate(app, {Screen::Apply, std::string(name_of(a.kind)), a.beneficiary.civil_id,
                               std::string(steps.empty() ? kCheckStep : steps.front().id), {}},
                         HistoryEntry::Push);
                return;
            }
        }
        if (appointments.online_possible) vertical_space(ui, 20);
    }
    if (still_to_come(a, household.today)) {
        appointment_actions(app, ui, a);
        vertical_space(ui, 20);
    }
    if (link(ui, "to-appointments", pick(strings::see_appointments, language))) navigate(app, {Screen::Appointments}, HistoryEntry::Push);
    vertical_space(ui, 10);
    if (link(ui, "to-household", pick(strings::back_to_household, language))) navigate(app, {Screen::Household}, HistoryEntry::Push);
}

}  // namespace muamala::client
