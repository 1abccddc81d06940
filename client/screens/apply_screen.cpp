// The transaction wizard on screen: one page per question (or small group), each with Back, the
// core's judgement on Continue, and, for the term, the fee and new expiry as the person types; then
// the check page with every answer, the fee lines, the dates, and the button that sends it all.
#include <algorithm>

#include "client/app/wizard.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

// [SECTION] Helpers
// [SECTION] A question page
// [SECTION] The check page
// [SECTION] The screen

namespace muamala::client {
namespace {

// [SECTION] Helpers -------------------------------------------------------------------------------

Route step_route(const App& app, std::string_view step) {
    return {Screen::Apply, std::string(name_of(app.wizard.kind)), app.wizard.beneficiary, std::string(step), {}};
}

void go_to_step(App& app, std::string_view step) { navigate(app, step_route(app, step), HistoryEntry::Push); }

// Which page asks a field ("years", or "new_passport_number" on the passport page).
std::string_view step_of_field(const std::vector<WizardStep>& steps, std::string_view field_id) {
    for (const WizardStep& step : steps)
        for (const FormField& field : step.fields)
            if (field.id == field_id) return step.id;
    return {};
}

std::string hook_id(std::string_view prefix, std::string_view field_id) {
    std::string id(prefix);
    id += field_id;
    std::replace(id.begin(), id.end(), '_', '-');
    return id;
}

// The server's reason for a field after a refused submission ("form.years"), until it is edited.
const Problem* server_problem(const Wizard& wizard, std::string_view field_id) {
    for (const Problem& problem : wizard.server_refusal)
        if (problem.field.size() == field_id.size() + 5 && problem.field.starts_with("form.") && problem.field.ends_with(field_id))
            return &problem;
    return nullptr;
}

// "Renew husband's residency — Ahmed Hassan", grey above the heading: what the pages are about.
void caption(App& app, Ui& ui) {
    std::string text = pick(title_of(app.wizard.kind), app.language);
    if (const Member* member = app.household.data ? find_member(*app.household.data, app.wizard.beneficiary) : nullptr)
        text += " — " + pick(member->name, app.language);
    paragraph(ui, "caption", text, ui.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 5);
}

float field_width(FieldType type) {
    switch (type) {
        case FieldType::years: return 80;
        case FieldType::country_code: return 90;
        case FieldType::date: return 180;
        case FieldType::phone:
        case FieldType::passport_number: return 240;
    }
    return 240;
}

// The on-screen keyboard a phone opens: digits where only digits make sense.
Keyboard keyboard_for(FieldType type) {
    switch (type) {
        case FieldType::years: return Keyboard::Numeric;
        case FieldType::phone: return Keyboard::Telephone;
        case FieldType::country_code:
        case FieldType::date:  // YYYY-MM-DD: a numeric keypad may have no '-'
        case FieldType::passport_number: return Keyboard::Text;
    }
    return Keyboard::Text;
}

// What an answer is called on the check page: a short name where the question is long.
std::string answer_key(const FormField& field, Language language) {
    if (field.type == FieldType::years) return std::string(pick(strings::years_key, language));
    if (field.type == FieldType::phone) return std::string(pick(strings::phone_key, language));
    return pick(field.label, language);
}

// How an answer reads back on the check page.
std::string answer_text(const App& app, const FormField& field, const TransactionForm& form) {
    const Language language = app.language;
    switch (field.type) {
        case FieldType::years: return form.years ? format_years(*form.years, language) : std::string();
        case FieldType::phone: return ltr(form.phone);
        case FieldType::passport_number: return ltr(form.new_passport_number);
        case FieldType::country_code: return ltr(form.new_passport_country);
        case FieldType::date:
            if (const auto date = parse_iso_date(form.new_passport_expires)) return format_date(*date, language);
            return ltr(form.new_passport_expires);
    }
    return {};
}

// [SECTION] A question page -----------------------------------------------------------------------

// Under the term: what the core decides for it right now, the figures the check page will show.
void term_preview(App& app, Ui& ui) {
    const std::optional<Decision> decision = local_decision(app);
    const TransactionForm form = form_of(app.wizard);
    if (!decision || !decision->new_expiry || !form.years) return;
    const Language language = app.language;
    vertical_space(ui, 25);
    Block inset(ui, BlockStyle::Inset, theme::kBrand);
    const std::string years = format_years(*form.years, language), expiry = format_date(*decision->new_expiry, language);
    paragraph(ui, "term-preview",
              decision->total_fils > 0
                  ? fill(pick(strings::term_preview, language), {years, expiry, format_money(decision->total_fils, language)})
                  : fill(pick(strings::term_preview_free, language), {years, expiry}),
              ui.fonts.body, theme::kText);
    for (const Problem& note : decision->notes) {
        vertical_space(ui, 8);
        paragraph(ui, "term-preview-note", for_display(pick(note.message, language)), ui.fonts.body, theme::kSecondaryText);
    }
}

void question_page(App& app, Ui& ui, const std::vector<WizardStep>& steps, size_t index) {
    Wizard& wizard = app.wizard;
    const WizardStep& step = steps[index];
    const Language language = app.language;
    const bool single = step.fields.size() == 1;
    const std::string heading_text = single ? pick(step.fields.front().label, language) : std::string(pick(step.heading, language));

    // Errors at each field: the core's, once judged; the server's, until the field is edited.
    const std::vector<Problem> problems = step_problems(app, step);
    std::vector<std::pair<const FormField*, std::string>> errors;
    for (const FormField& field : step.fields) {
        const Field& state = wizard.fields[std::string(field.id)];
        std::string message;
        for (const Problem& problem : problems)
            if (state.judged && problem.field == field.id) message = for_display(pick(problem.message, language));
        if (message.empty())
            if (const Problem* refused = server_problem(wizard, field.id)) message = for_display(pick(refused->message, language));
        if (!message.empty()) errors.emplace_back(&field, std::move(message));
    }
    set_title(app, heading_text, !errors.empty());

    if (back_link(ui, "back-link", pick(strings::back, language))) {
        if (index == 0) navigate(app, home_route(app), HistoryEntry::Push);
        else go_to_step(app, steps[index - 1].id);
        return;
    }
    caption(app, ui);
    if (!errors.empty()) {
        std::vector<SummaryEntry> entries;
        for (const auto& [field, message] : errors) entries.push_back({hook_id("error-summary-", field->id), message});
        const int clicked = error_summary(ui, entries);
        if (clicked >= 0) wizard.fields[std::string(errors[static_cast<size_t>(clicked)].first->id)].focus_requested = true;
    }
    if (!single) heading(ui, "title", heading_text);

    bool submitted = false;
    for (const FormField& field : step.fields) {
        Field& state = wizard.fields[std::string(field.id)];
        std::string message;
        for (const auto& [erring, text] : errors)
            if (erring == &field) message = text;
        std::string hint = pick(field.hint, language);
        if (field.type == FieldType::years)
            if (const std::optional<TransactionRules> rules = wizard_rules(app))
                hint = fill(pick(strings::years_hint, language), {format_years(rules->max_years.value, language), hint});
        const std::string id = hook_id("", field.id) + "-input";
        const FieldResult result = form_field(ui,
                                              {.id = id,
                                               .label = single ? heading_text : pick(field.label, language),
                                               .label_font = single ? ui.fonts.heading : ui.fonts.bold,
                                               .hint = hint,
                                               .error = message,
                                               .width = field_width(field.type),
                                               .take_focus = std::exchange(state.focus_requested, false),
                                               .keyboard = keyboard_for(field.type),
                                               .autocomplete = field.type == FieldType::phone ? "tel" : ""},
                                              state.text);
        if (result.edited)  // the server judged what was there before
            std::erase_if(wizard.server_refusal, [&](const Problem& p) { return p.field == "form." + std::string(field.id); });
        submitted |= result.submitted;
        vertical_space(ui, 25);
    }
    if (step.id == "years") term_preview(app, ui);
    vertical_space(ui, 30);

    if (button(ui, "continue-button", pick(strings::continue_label, language)) || submitted) {
        for (const FormField& field : step.fields) wizard.fields[std::string(field.id)].judged = true;
        if (step_problems(app, step).empty())
            go_to_step(app, index + 1 < steps.size() ? steps[index + 1].id : kCheckStep);
    }
}

// [SECTION] The check page ------------------------------------------------------------------------

// Once sent, the answers stay on screen but cannot be sent again: the way on is to pay, or the receipt.
void already_sent(App& app, Ui& ui) {
    const Outcome& outcome = *app.wizard.outcome;
    const Language language = app.language;
    Block inset(ui, BlockStyle::Inset, theme::kSuccess);
    paragraph(ui, "sent-notice", pick(strings::already_sent, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 10);
    if (outcome.payment && outcome.transaction.receipt_number.empty()) {
        if (link(ui, "sent-continue", pick(strings::continue_to_payment, language)))
            navigate(app, {.screen = Screen::Pay, .id = outcome.transaction.id}, HistoryEntry::Push);
    } else {
        const std::string number = outcome.receipt_number.empty() ? outcome.transaction.receipt_number : outcome.receipt_number;
        if (link(ui, "sent-continue", pick(strings::see_receipt, language)))
            navigate(app, {.screen = Screen::Receipt, .id = number}, HistoryEntry::Push);
    }
}

void check_page(App& app, Ui& ui, const std::vector<WizardStep>& steps) {
    Wizard& wizard = app.wizard;
    const Language language = app.language;
    const std::optional<Decision> decision = local_decision(app);
    const TransactionForm form = form_of(wizard);

    // What stands in the way: the server's reasons after a refusal, otherwise the core's. A reason
    // about an answer links to the page that asks it; any other is plain text.
    std::vector<SummaryEntry> entries;
    std::vector<std::string_view> entry_steps;
    const std::vector<Problem>& reasons = !wizard.server_refusal.empty() ? wizard.server_refusal : decision->reasons;
    for (const Problem& reason : reasons) {
        std::string_view field = reason.field;
        if (field.starts_with("form.")) field.remove_prefix(5);
        if (field == "transaction") field = {};
        const std::string_view step = step_of_field(steps, field);
        entries.push_back({step.empty() ? std::string() : hook_id("error-summary-", field), for_display(pick(reason.message, language))});
        entry_steps.push_back(step);
    }
    set_title(app, pick(strings::check_title, language), !entries.empty());

    if (back_link(ui, "back-link", pick(strings::back, language))) {
        go_to_step(app, steps.empty() ? std::string_view(kCheckStep) : steps.back().id);
        return;
    }
    caption(app, ui);
    if (wizard.outcome) {
        already_sent(app, ui);
        vertical_space(ui, 30);
    } else if (!entries.empty()) {
        const int clicked = error_summary(ui, entries);
        if (clicked >= 0 && !entry_steps[static_cast<size_t>(clicked)].empty()) {
            go_to_step(app, entry_steps[static_cast<size_t>(clicked)]);
            return;
        }
    }
    heading(ui, "title", pick(strings::check_title, language));

    const Member* member = find_member(*app.household.data, wizard.beneficiary);
    summary_row(ui, "answer-transaction", pick(strings::transaction_key, language), pick(title_of(wizard.kind), language));
    summary_row(ui, "answer-for", pick(strings::for_key, language), member ? pick(member->name, language) : ltr(wizard.beneficiary));
    for (const WizardStep& step : steps)
        for (const FormField& field : step.fields)
            if (summary_row(ui, hook_id("answer-", field.id), answer_key(field, language), answer_text(app, field, form),
                            wizard.outcome ? std::string_view() : pick(strings::change, language))) {
                go_to_step(app, step.id);
                return;
            }
    vertical_space(ui, 40);

    if (decision->new_expiry) {
        subheading(ui, "dates-title", pick(strings::dates_title, language));
        if (decision->current_expiry)
            summary_row(ui, "current-expiry", pick(strings::current_expiry, language), format_date(*decision->current_expiry, language));
        summary_row(ui, "new-expiry", pick(strings::new_expiry, language), format_date(*decision->new_expiry, language));
        for (const Problem& note : decision->notes) {
            vertical_space(ui, 15);
            Block inset(ui, BlockStyle::Inset, theme::kInsetBorder);
            paragraph(ui, "note", for_display(pick(note.message, language)), ui.fonts.body, theme::kText);
        }
        vertical_space(ui, 40);

        subheading(ui, "fee-title", pick(strings::fee_title, language));
        for (const FeeLine& line : decision->fees) {
            summary_row(ui, "fee-line", pick(line.label, language), format_money(line.amount_fils, language));
            // A figure only reported, or assumed, is said to be so where it is charged.
            if (!line.confirmed) {
                secondary_text(ui, "fee-line-unconfirmed", pick(strings::amount_unconfirmed, language));
                vertical_space(ui, 4);
            }
        }
        summary_row(ui, "fee-total", pick(strings::total, language),
                    decision->total_fils > 0 ? format_money(decision->total_fils, language) : std::string(pick(strings::no_fee, language)));
        vertical_space(ui, 40);
    }

    if (wizard.outcome) return;
    if (wizard.submit.waiting) {
        call_progress(ui, "submit-progress", wizard.submit, pick(strings::sending, language));
        return;
    }
    const bool cannot_pay = app.service.info && !app.service.info->payments_available;
    if (decision->eligible && decision->total_fils > 0 && cannot_pay) {
        // No pretend money on a real service: it says why, and offers the way back instead of a button.
        {
            Block warning(ui, BlockStyle::ErrorBar, theme::kError);
            paragraph(ui, "payments-unavailable", pick(app.service.info->payments_label, language), ui.fonts.bold, theme::kText);
            vertical_space(ui, 5);
            body_text(ui, "payments-unavailable-next", pick(strings::payments_unavailable_next, language));
        }
        vertical_space(ui, 20);
        if (link(ui, "to-household", pick(back_home_phrase(app), language))) navigate(app, home_route(app), HistoryEntry::Push);
    } else if (decision->eligible) {
        const bool pays = decision->total_fils > 0;
        if (pays) {
            body_text(ui, "pay-next", pick(strings::pay_next, language));
            vertical_space(ui, 20);
        }
        const std::string label = pays ? fill(pick(strings::confirm_and_pay, language), {format_money(decision->total_fils, language)})
                                        : std::string(pick(strings::confirm, language));
        if (button(ui, "confirm-button", label)) submit_wizard(app);
    } else if (link(ui, "to-household", pick(back_home_phrase(app), language))) {
        navigate(app, home_route(app), HistoryEntry::Push);
    }
    if (wizard.submit.failure) {
        vertical_space(ui, 20);
        if (failure_notice(ui, "submit-failure", *wizard.submit.failure)) submit_wizard(app);
    }
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void enter_apply_screen(App& app) {
    const std::optional<TransactionKind> kind = parse_transaction_kind(app.route.kind);
    // At the counter a wizard is for the household just looked up: after a reload there is none.
    const bool no_one_served = app.session.at_counter() && app.counter.sponsor.empty();
    if (!kind || no_one_served) {
        navigate(app, home_route(app), HistoryEntry::Replace);
        return;
    }
    if (app.wizard.kind != *kind || app.wizard.beneficiary != app.route.beneficiary || app.wizard.fields.empty())
        start_wizard(app, *kind, app.route.beneficiary);
    if (!app.household.data || app.household.stale) load_household(app);
    fetch_rulebook(app);
}

void draw_apply_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    if (!app.household.data || !app.rulebook.data) {  // the wizard decides with both: wait for them
        set_title(app, pick(title_of(app.wizard.kind), language), false);
        call_progress(ui, "household-progress", app.household.load, pick(strings::loading, language));
        if (app.household.load.failure && failure_notice(ui, "household-failure", *app.household.load.failure)) load_household(app);
        call_progress(ui, "rulebook-progress", app.rulebook.load, pick(strings::loading, language));
        if (app.rulebook.load.failure && failure_notice(ui, "rulebook-failure", *app.rulebook.load.failure)) fetch_rulebook(app);
        return;
    }
    if (!find_member(*app.household.data, app.wizard.beneficiary)) {  // an address for someone not in her household
        navigate(app, home_route(app), HistoryEntry::Replace);
        return;
    }
    const std::vector<WizardStep> steps = wizard_steps(app.wizard.kind);
    if (app.route.step == kCheckStep) {
        check_page(app, ui, steps);
        return;
    }
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == app.route.step) {
            question_page(app, ui, steps, i);
            return;
        }
    // A step this transaction does not have: its first question.
    navigate(app, step_route(app, steps.empty() ? kCheckStep : steps.front().id), HistoryEntry::Replace);
}

}  // namespace muamala::client
