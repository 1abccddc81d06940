// Booking a visit at a service center, and moving one to another time: what the visit is for (a
// transaction and a family member), the day, and the time with the places left in it.
//
// Before a visit is booked for a transaction that can be done online today, the page says so and
// offers to do it online instead: the server's own decision for that member and transaction (the
// dashboard's offers, the same probe the booking answer carries), so the app never sends someone
// to a center for what they could finish at home.
#include "client/app/appointments.h"
#include "client/app/calls.h"
#include "client/app/wizard.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/choice_widgets.h"
#include "client/widgets/layout.h"
#include "common/booking_window.h"

// [SECTION] Requests
// [SECTION] Parts of the page
// [SECTION] The screen

namespace muamala::client {
namespace {

constexpr int kDaysOffered = 10;  // open days offered, from today, within the booking window

bool rescheduling(const App& app) { return app.route.screen == Screen::Reschedule; }

const Offer* offer_for(const App& app, TransactionKind kind, std::string_view beneficiary) {
    const Member* member = app.household.data ? find_member(*app.household.data, beneficiary) : nullptr;
    if (!member) return nullptr;
    for (const Offer& offer : member->offers)
        if (offer.kind == kind) return &offer;
    return nullptr;
}

// What she chose could be done online today: the page offers that first.
bool online_possible(const App& app) {
    const BookingState& booking = app.booking;
    if (rescheduling(app) || !booking.kind) return false;
    const Offer* offer = offer_for(app, *booking.kind, booking.beneficiary);
    return offer && offer->eligible;
}

// [SECTION] Requests ------------------------------------------------------------------------------

void load_slots(App& app) {
    BookingState& booking = app.booking;
    if (!booking.date) return;
    send(app, booking.slots, {.url = api::slots_url(booking.center_id, *booking.date)}, [](App& app, HttpResponse&& response) {
        std::optional<DaySlots> day = response.status == 200 ? read_slots(response.body) : std::nullopt;
        if (!day) {
            failed(app, app.booking.slots, response);
            return;
        }
        app.booking.day = std::move(day);
    });
}

void choose_day(App& app, const Date& date) {
    BookingState& booking = app.booking;
    if (booking.date == date) return;
    booking.date = date;
    booking.day.reset();
    booking.slot = 0;
    load_slots(app);
}

// The confirmation is the appointment's own page; the booking page is done with, so it takes its
// place in the history (Back leads to where she came from, not to a form that would book twice).
void show_confirmation(App& app, AppointmentRecord&& appointment, bool online, bool moved) {
    AppointmentsState& appointments = app.appointments;
    appointments.just_booked = appointment.id;
    appointments.online_possible = online;
    appointments.moved = moved;
    appointments.cancelled.clear();
    if (!appointments.list) appointments.list.emplace();
    std::erase_if(*appointments.list, [&](const AppointmentRecord& a) { return a.id == appointment.id; });
    const std::string id = appointment.id;
    appointments.list->insert(appointments.list->begin(), std::move(appointment));
    // What the visit was for stays chosen, should she book another; the time is taken.
    BookingState& booking = app.booking;
    booking.slot = 0;
    booking.day.reset();
    booking.date.reset();
    booking.judged = false;
    booking.sent_body.clear();
    navigate(app, {.screen = Screen::Appointment, .id = id}, HistoryEntry::Replace);
}

void answer_booking(App& app, HttpResponse&& response) {
    BookingState& booking = app.booking;
    const bool moved = !booking.appointment_id.empty();
    if (!moved && response.status == 201) {
        if (std::optional<Booked> booked = read_booked(response.body)) {
            show_confirmation(app, std::move(booked->appointment), booked->online_possible, false);
            return;
        }
    }
    if (moved && response.status == 200) {
        if (std::optional<AppointmentRecord> appointment = read_appointment_answer(response.body)) {
            show_confirmation(app, std::move(*appointment), false, true);
            return;
        }
    }
    if (!failed(app, booking.submit, response)) return;
    if (booking.submit.failure->kind != CallFailure::Kind::Refused) return;  // shown with a Retry
    // Refused: nothing was booked or moved. The server's reason heads the page; a time taken or
    // begun meanwhile means the times shown are out of date, so they are fetched again.
    booking.refusal = std::move(booking.submit.failure);
    booking.submit.failure.reset();
    const std::string& code = booking.refusal->code;
    if (code == "appointment.slot_full" || code == "appointment.slot_past" || code == "appointment.unknown_slot") {
        booking.slot = 0;
        load_slots(app);
    }
}

void send_booking(App& app) {
    BookingState& booking = app.booking;
    if (booking.submit.waiting) return;
    const bool moving = !booking.appointment_id.empty();
    send(app, booking.submit,
         {.method = "POST", .url = moving ? api::reschedule_url(booking.appointment_id) : std::string(api::kAppointments),
          .json_body = booking.sent_body, .csrf_token = app.session.csrf_token, .idempotency_key = booking.idempotency_key},
         answer_booking);
}

void press_book(App& app) {
    BookingState& booking = app.booking;
    booking.judged = true;
    booking.refusal.reset();
    const bool moving = !booking.appointment_id.empty();
    if ((!moving && !booking.kind) || booking.slot == 0) return;  // the errors show; nothing is sent
    std::string body = moving ? reschedule_body(booking.slot)
                              : booking_body(booking.center_id, booking.slot, *booking.kind, booking.beneficiary);
    if (body != booking.sent_body || booking.idempotency_key.empty()) {
        booking.sent_body = std::move(body);
        booking.idempotency_key = new_idempotency_key();
    }
    send_booking(app);
}

void do_it_online(App& app) {
    const BookingState& booking = app.booking;
    start_wizard(app, *booking.kind, booking.beneficiary);
    const std::vector<WizardStep> steps = wizard_steps(*booking.kind);
    navigate(app, {Screen::Apply, std::string(name_of(*booking.kind)), booking.beneficiary,
                   std::string(steps.empty() ? kCheckStep : steps.front().id), {}},
             HistoryEntry::Push);
}

// [SECTION] Parts of the page ---------------------------------------------------------------------

// A question whose answer is missing after Book was pressed: GOV.UK's red bar and message.
// `show` is the question an error summary link asked for: the page scrolls to bring it to the top.
struct Question {
    std::optional<Block> error_bar;
    Question(Ui& ui, std::string_view id, const Phrase& question, const Phrase* error, std::string& show) {
        if (show == id) {
            ImGui::SetScrollHereY(0.0f);
            show.clear();
        }
        if (error) error_bar.emplace(ui, BlockStyle::ErrorBar, theme::kError);
        paragraph(ui, std::string(id) + "-label", pick(question, ui.language), ui.fonts.subheading, theme::kText);
        vertical_space(ui, 8);
        if (error) {
            paragraph(ui, std::string(id) + "-error", pick(*error, ui.language), ui.fonts.bold, theme::kError);
            vertical_space(ui, 8);
        }
    }
};

void purpose_question(App& app, Ui& ui) {
    const Language language = app.language;
    BookingState& booking = app.booking;
    const Household& household = *app.household.data;
    {
        Question question(ui, "purpose", strings::purpose_question,
                          booking.judged && !booking.kind ? &strings::purpose_required : nullptr, booking.show_question);
        if (household.members.empty()) body_text(ui, "no-purposes", pick(strings::no_purposes, language));
        Choices choices(ui, Choices::Layout::Stacked);
        for (const Member& member : household.members)
            for (const Offer& offer : member.offers) {
                const std::string id = "purpose-" + std::string(name_of(offer.kind)) + "-" + member.civil_id;
                const bool chosen = booking.kind == offer.kind && booking.beneficiary == member.civil_id;
                if (choices.option(id, fill(pick(strings::purpose_option, language), {pick(title_of(offer.kind), language), pick(member.name, language)}),
                                   chosen) && !chosen) {
                    booking.kind = offer.kind;
                    booking.beneficiary = member.civil_id;
                    booking.refusal.reset();
                }
            }
    }
    if (!booking.kind) return;
    const Offer* offer = offer_for(app, *booking.kind, booking.beneficiary);
    const Member* member = find_member(household, booking.beneficiary);
    if (!offer || !member) return;
    vertical_space(ui, 15);
    if (offer->eligible) {
        Block inset(ui, BlockStyle::Inset, theme::kSuccess);
        paragraph(ui, "online-offer-title", pick(strings::online_now_title, language), ui.fonts.bold, theme::kText);
        vertical_space(ui, 5);
        body_text(ui, "online-offer-text",
                  fill(pick(strings::online_now_text, language), {pick(title_of(offer->kind), language), pick(member->name, language)}));
    } else if (!offer->reasons.empty()) {
        // Why a visit, then: the server's reasons, each saying what to do.
        Block inset(ui, BlockStyle::Inset, theme::kInsetBorder);
        paragraph(ui, "online-offer-title", pick(strings::not_online_title, language), ui.fonts.bold, theme::kText);
        for (const Problem& reason : offer->reasons) {
            vertical_space(ui, 5);
            paragraph(ui, "online-offer-reason", for_display(pick(reason.message, language)), ui.fonts.body, theme::kText);
        }
    }
}

void day_question(App& app, Ui& ui, const Center& center) {
    BookingState& booking = app.booking;
    const Date today = app.household.data->today;
    // No day yet after Book was pressed: the missing time is asked for here, where it starts.
    Question question(ui, "day", strings::day_question, booking.judged && !booking.date ? &strings::time_required : nullptr,
                      booking.show_question);
    Choices choices(ui, Choices::Layout::SideBySide);
    for (const Date& date : bookable_days(center, today, kDaysOffered))
        if (choices.option("day-" + to_iso(date), day_text(date, app.language), booking.date == date)) choose_day(app, date);
}

// The times of the chosen day: each with the places left, those full or begun shown but not choosable.
void time_question(App& app, Ui& ui) {
    const Language language = app.language;
    BookingState& booking = app.booking;
    Question question(ui, "time", strings::time_question, booking.judged && booking.slot == 0 ? &strings::time_required : nullptr,
                      booking.show_question);
    const bool current = booking.day && booking.date && booking.day->date == *booking.date;
    if (!current) {
        call_progress(ui, "slots-progress", booking.slots, pick(strings::loading, language));
        if (booking.slots.failure && failure_notice(ui, "slots-failure", *booking.slots.failure)) load_slots(app);
        return;
    }
    const DaySlots& day = *booking.day;
    if (!day.open) {
        body_text(ui, "slots-closed", pick(strings::closed_that_day, language));
        return;
    }
    const AppointmentRecord* moving = rescheduling(app) ? find_appointment(app, booking.appointment_id) : nullptr;
    bool any = false;
    {
        Choices choices(ui, Choices::Layout::SideBySide);
        for (const Slot& slot : day.slots) {
            const bool theirs = moving && moving->slot.id == slot.id;
            const Phrase& words = theirs                ? strings::slot_current
                                  : !slot.bookable && slot.available == 0 ? strings::slot_full
                                  : !slot.bookable       ? strings::slot_begun
                                  : slot.available == 1  ? strings::slot_one_place
                                                         : strings::slot_places;
            const bool enabled = slot.bookable && !theirs;
            any = any || enabled;
            const std::string label = fill(pick(words, language), {ltr(slot.starts), ltr(slot.ends), std::to_string(slot.available)});
            if (choices.option("slot-" + slot.starts, label, booking.slot == slot.id, enabled)) {
                booking.slot = slot.id;
                booking.refusal.reset();
            }
        }
    }
    if (!any) body_text(ui, "slots-none", pick(strings::no_times_left, language));
    // Refreshing after a refusal: the times above are the old ones until the new arrive.
    call_progress(ui, "slots-progress", booking.slots, pick(strings::updating, language));
}

void actions(App& app, Ui& ui) {
    const Language language = app.language;
    BookingState& booking = app.booking;
    if (booking.submit.waiting) {
        call_progress(ui, "booking-progress", booking.submit, pick(strings::booking, language));
        return;
    }
    if (booking.submit.failure) {
        if (failure_notice(ui, "booking-failure", *booking.submit.failure)) send_booking(app);
        return;
    }
    ButtonGroup buttons(ui);
    if (rescheduling(app)) {
        if (buttons.button("book-button", pick(strings::move_button, language), ButtonStyle::Primary)) press_book(app);
    } else if (online_possible(app)) {
        // The online way first and in green: a visit is the fallback, not the suggestion.
        if (buttons.button("online-button", pick(strings::do_it_online, language), ButtonStyle::Primary)) do_it_online(app);
        if (buttons.button("book-button", pick(strings::book_anyway, language), ButtonStyle::Secondary)) press_book(app);
    } else if (buttons.button("book-button", pick(strings::book_button, language), ButtonStyle::Primary)) {
        press_book(app);
    }
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void enter_booking_screen(App& app) {
    BookingState& booking = app.booking;
    if (rescheduling(app)) {
        if (booking.appointment_id != app.route.id) booking = BookingState{.appointment_id = app.route.id};
        load_appointments(app);  // the appointment as it stands now: its center and time
    } else if (booking.center_id != app.route.id || !booking.appointment_id.empty()) {
        // Another center: what the visit is for stays chosen; the day and time were this center's.
        booking = BookingState{.center_id = app.route.id, .kind = booking.appointment_id.empty() ? booking.kind : std::nullopt,
                               .beneficiary = booking.appointment_id.empty() ? booking.beneficiary : std::string()};
    }
    load_centers(app);
    if (!app.household.data || app.household.stale) load_household(app);
}

void draw_booking_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    BookingState& booking = app.booking;
    const bool moving = rescheduling(app);
    const std::string title(pick(moving ? strings::reschedule_title : strings::book_title, language));
    set_title(app, title, booking.refusal.has_value() || (booking.judged && ((!moving && !booking.kind) || booking.slot == 0)));
    if (back_link(ui, "back-link", pick(strings::back, language))) {
        navigate(app, moving ? Route{Screen::Appointments} : Route{Screen::Household}, HistoryEntry::Push);
        return;
    }

    // Everything the page is made of: the household (members, offers, today), the directory, and
    // when moving an appointment, the appointment.
    const Call* loading[] = {&app.household.load, &app.centers.load, &app.appointments.load};
    const bool ready = app.household.data && app.centers.directory && (!moving || app.appointments.list);
    if (!ready) {
        heading(ui, "title", title);
        for (size_t i = 0; i < std::size(loading); ++i)
            call_progress(ui, "booking-load-progress-" + std::to_string(i), *loading[i], pick(strings::loading, language));
        if (!app.household.data && app.household.load.failure && failure_notice(ui, "household-failure", *app.household.load.failure))
            load_household(app);
        if (!app.centers.directory && app.centers.load.failure && failure_notice(ui, "centers-failure", *app.centers.load.failure))
            load_centers(app);
        if (moving && !app.appointments.list && app.appointments.load.failure &&
            failure_notice(ui, "appointments-failure", *app.appointments.load.failure))
            load_appointments(app);
        return;
    }
    const AppointmentRecord* appointment = moving ? find_appointment(app, booking.appointment_id) : nullptr;
    if (moving) {
        if (!appointment || !still_to_come(*appointment, app.household.data->today)) {
            heading(ui, "title", title);
            body_text(ui, "unknown-appointment", pick(strings::unknown_appointment, language));
            return;
        }
        booking.center_id = appointment->center.id;
    }
    const Center* center = find_center(app, booking.center_id);
    if (!center) {
        heading(ui, "title", title);
        body_text(ui, "unknown-center", pick(strings::unknown_center, language));
        vertical_space(ui, 15);
        if (link(ui, "to-finder", pick(strings::find_center, language))) navigate(app, {Screen::Centers}, HistoryEntry::Push);
        return;
    }

    paragraph(ui, "caption", pick(center->name, language), ui.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 5);
    // The server's refusal first, then what is missing, each as the person's next step.
    std::vector<SummaryEntry> errors;
    // A 422 carries its reasons in its fields (its own message is the general "There is a problem").
    if (booking.refusal && !booking.refusal->fields.empty())
        for (const Problem& reason : booking.refusal->fields) errors.push_back({"", for_display(pick(reason.message, language))});
    else if (booking.refusal)
        errors.push_back({"", describe_failure(*booking.refusal, language)});
    // What is missing links to its question (the time's is the day's until a day is chosen).
    const size_t first_missing = errors.size();
    const std::string time_question_id = booking.date ? "time" : "day";
    std::vector<std::string> missing;
    if (booking.judged && !moving && !booking.kind) {
        errors.push_back({"error-summary-purpose", std::string(pick(strings::purpose_required, language))});
        missing.push_back("purpose");
    }
    if (booking.judged && booking.slot == 0 && !booking.refusal) {
        errors.push_back({"error-summary-time", std::string(pick(strings::time_required, language))});
        missing.push_back(time_question_id);
    }
    if (!errors.empty()) {
        const int clicked = error_summary(ui, errors);
        if (clicked >= static_cast<int>(first_missing)) booking.show_question = missing[static_cast<size_t>(clicked) - first_missing];
    }
    heading(ui, "title", title);
    secondary_text(ui, "center-hours", opening_hours(*center, language));
    vertical_space(ui, 20);

    if (moving) {
        summary_row(ui, "moving-transaction", pick(strings::transaction_key, language), pick(title_of(appointment->kind), language));
        summary_row(ui, "moving-for", pick(strings::for_key, language), pick(appointment->beneficiary.name, language));
        summary_row(ui, "moving-now", pick(strings::appointment_title, language),
when_text(*appointment, language));
    } else {
        purpose_question(app, ui);
    }
    vertical_space(ui, 25);
    day_question(app, ui, *center);
    if (booking.date) {
        vertical_space(ui, 20);
        time_question(app, ui);
    }
    vertical_space(ui, 30);
    actions(app, ui);
}

}  // namespace muamala::client
