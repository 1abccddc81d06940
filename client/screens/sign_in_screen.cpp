// Sign-in: civil ID and password, then the 6-digit code from an authenticator app (standing in for
// Kuwait Mobile ID). Each field is checked as it is typed by the same rules the server applies
// (common/civil_id.h, common/sign_in.h), and judged when the person presses Continue; what the
// server refuses (a wrong password, too many attempts) is shown the same way.
#include <optional>
#include <utility>

#include "client/app/calls.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"
#include "common/civil_id.h"
#include "common/sign_in.h"

// [SECTION] Checks: the same as the server's
// [SECTION] Requests
// [SECTION] The civil ID and password screen
// [SECTION] The code screen

namespace muamala::client {
namespace {

// [SECTION] Checks: the same as the server's ------------------------------------------------------
// The server's words for these two are its own (server/routes/auth_routes.cpp); the civil ID's are the core's.

std::optional<Problem> civil_id_problem(const Field& field) {
    const Validation validation = validate_civil_id(field.text);
    if (validation.ok) return std::nullopt;
    return validation.errors.front();
}

std::optional<Problem> password_problem(const Field& field) { return muamala::password_problem(field.text); }

std::optional<std::string> code_digits(const Field& field) { return read_sign_in_code(field.text); }

std::optional<Problem> code_problem(const Field& field) {
    if (code_digits(field)) return std::nullopt;
    return code_format_problem();
}

// The problem to show at a field: only once judged, and then whatever it holds now, so the red
// goes as soon as the person has put it right.
std::optional<Problem> shown(const Field& field, std::optional<Problem> problem) {
    return field.judged ? std::move(problem) : std::nullopt;
}

// The server's reason for a field it refused (422), by the name it gave the field.
std::optional<Problem> server_field_problem(const Call& call, std::string_view field) {
    if (!call.failure) return std::nullopt;
    for (const Problem& problem : call.failure->fields)
        if (problem.field == field) return problem;
    return std::nullopt;
}

// A refusal in the server's words (wrong password, too many attempts, an expired code step):
// shown in the error summary. Failures of the connection get a Retry instead.
bool is_refusal(const CallFailure& failure) {
    return (failure.kind == CallFailure::Kind::Refused || failure.kind == CallFailure::Kind::SessionEnded) &&
           !failure.message.en.empty() && failure.fields.empty();
}

// [SECTION] Requests ------------------------------------------------------------------------------

void send_password(App& app) {
    SignInForm& form = app.sign_in;
    const Validation civil_id = validate_civil_id(form.civil_id.text);
    send(app, form.password_call, {.method = "POST", .url = api::kSession, .json_body = sign_in_body(civil_id.normalized, form.password.text)},
         [](App& app, HttpResponse&& response) {
             if (response.status != 200) {
                 failed(app, app.sign_in.password_call, response);
                 return;
             }
             app.sign_in.password_accepted = true;
             app.sign_in.code = Field{};
             navigate(app, {Screen::SignInCode}, HistoryEntry::Push);
         });
}

void send_code(App& app) {
    SignInForm& form = app.sign_in;
    send(app, form.code_call, {.method = "POST", .url = api::kSessionVerify, .json_body = verify_body(*code_digits(form.code))},
         [](App& app, HttpResponse&& response) {
             SignInForm& form = app.sign_in;
             const std::optional<SignedIn> signed_in = response.status == 200 ? read_signed_in(response.body) : std::nullopt;
             if (!signed_in) {
                 if (!failed(app, form.code_call, response)) return;
                 // The password step lapsed (5 minutes) or was never taken: start again from it.
                 if (form.code_call.failure->code == "session.required" || form.code_call.failure->code == "session.expired") {
                     form.password_accepted = false;
                     form.notice = to_text(strings::sign_in_again);
                     form.code_call.failure.reset();
                     navigate(app, {Screen::SignIn}, HistoryEntry::Replace);
                 }
                 return;
             }
             app.session.state = Session::State::SignedIn;
             app.session.csrf_token = signed_in->csrf_token;
             app.session.civil_id = signed_in->civil_id;
             app.session.role = signed_in->role;
             // Nothing of the secret stays in memory once it has served.
             form = SignInForm{.civil_id = form.civil_id};
             continue_after_session_change(app);
         });
}

// [SECTION] The civil ID and password screen ------------------------------------------------------

void notice(Ui& ui, const SignInForm& form) {
    if (!form.notice) return;
    {
        Block inset(ui, BlockStyle::Inset, theme::kBrand);
        paragraph(ui, "sign-in-notice", pick(*form.notice, ui.language), ui.fonts.body, theme::kText);
    }
    vertical_space(ui, 25);
}

void continue_with_password(App& app) {
    SignInForm& form = app.sign_in;
    if (form.password_call.waiting) return;
    form.civil_id.judged = form.password.judged = true;
    form.password_call.failure.reset();
    if (!civil_id_problem(form.civil_id) && !password_problem(form.password)) send_password(app);
}

}  // namespace

void start_session_check(App& app) {
    load_into(app, app.service.load, api::kService, read_service_info, app.service.info);
    send(app, app.session.check, {.url = api::kSession}, [](App& app, HttpResponse&& response) {
        if (const std::optional<SignedIn> signed_in = response.status == 200 ? read_signed_in(response.body) : std::nullopt) {
            app.session.state = Session::State::SignedIn;
            app.session.csrf_token = signed_in->csrf_token;
            app.session.civil_id = signed_in->civil_id;
            app.session.role = signed_in->role;
        } else if (response.status == 401) {
            app.session.state = Session::State::SignedOut;
        } else {
            failed(app, app.session.check, response);  // the Starting screen offers a retry
            return;
        }
        continue_after_session_change(app);
    });
}

void draw_sign_in_screen(App& app, Ui& ui) {
    SignInForm& form = app.sign_in;
    const Language language = app.language;
    use_form_width(ui);

    std::optional<Problem> civil_id_error = shown(form.civil_id, civil_id_problem(form.civil_id));
    std::optional<Problem> password_error = shown(form.password, password_problem(form.password));
    if (!civil_id_error) civil_id_error = server_field_problem(form.password_call, "civil_id");
    if (!password_error) password_error = server_field_problem(form.password_call, "password");
    const CallFailure* failure = form.password_call.failure ? &*form.password_call.failure : nullptr;
    const bool refused = failure && is_refusal(*failure);
    const bool has_errors = civil_id_error || password_error || refused;
    set_title(app, pick(strings::sign_in_title, language), has_errors);

    notice(ui, form);
    if (has_errors) {
        std::vector<SummaryEntry> entries;
        if (refused) entries.push_back({"error-summary-refusal", for_display(pick(failure->message, language))});
        if (civil_id_error) entries.push_back({"error-summary-civil-id", pick(civil_id_error->message, language)});
        if (password_error) entries.push_back({"error-summary-password", pick(password_error->message, language)});
        // The server's refusal (a wrong password, most often) takes her to the password; each
        // field's own problem to its field.
        const int clicked = error_summary(ui, entries);
        if (clicked >= 0) {
            const std::string& id = entries[static_cast<size_t>(clicked)].id;
            (id == "error-summary-civil-id" ? form.civil_id : form.password).focus_requested = true;
        }
    }
    heading(ui, "title", pick(strings::sign_in_title, language));
    body_text(ui, "intro", pick(strings::sign_in_intro, language));
    vertical_space(ui, 30);

    const std::string civil_id_message = civil_id_error ? pick(civil_id_error->message, language) : std::string();
    const FieldResult civil_id = form_field(ui,
                                            {.id = "civil-id-input",
                                             .label = pick(strings::civil_id_label, language),
                                             .hint = pick(strings::civil_id_hint, language),
                                             .error = civil_id_message,
                                             .width = 220,
                                             .take_focus = std::exchange(form.civil_id.focus_requested, false),
                                             .keyboard = Keyboard::Numeric,
                                             .autocomplete = "username"},
                                            form.civil_id.text);
    // As it is typed: the core's verdict, grey while incomplete, green once valid (hints while
    // typing, judgement on Continue: docs/design.md, "How errors are shown").
    if (!civil_id_error && !form.civil_id.text.empty()) {
        vertical_space(ui, 5);
        const Validation validation = validate_civil_id(form.civil_id.text);
        if (validation.ok)
            paragraph(ui, "civil-id-verdict",
                      fill(pick(strings::civil_id_valid, language), {format_date(*civil_id_birth_date(validation.normalized), language)}),
                      ui.fonts.body, theme::kSuccess);
        else
            paragraph(ui, "civil-id-verdict", pick(validation.errors.front().message, language), ui.fonts.body, theme::kSecondaryText);
    }
    vertical_space(ui, 25);
    const std::string password_message = password_error ? pick(password_error->message, language) : std::string();
    const FieldResult password = form_field(ui,
                                            {.id = "password-input",
                                             .label = pick(strings::password_label, language),
                                             .error = password_message,
                                             .width = 300,
                                             .password = true,
                                             .take_focus = std::exchange(form.password.focus_requested, false),
                                             .autocomplete = "current-password"},
                                            form.password.text);
    // What the server said no longer applies to what is now typed.
    if ((civil_id.edited || password.edited) && form.password_call.failure) form.password_call.failure.reset();
    vertical_space(ui, 30);

    if (form.password_call.waiting) call_progress(ui, "sign-in-progress", form.password_call, pick(strings::signing_in, language));
    else if (button(ui, "continue-button", pick(strings::continue_label, language)) || civil_id.submitted || password.submitted)
        continue_with_password(app);
    // Read again: an edit or a press above may have cleared it.
    if (const auto& now = form.password_call.failure; now && !is_refusal(*now) && now->fields.empty()) {
        vertical_space(ui, 20);
        if (failure_notice(ui, "sign-in-failure", *now)) send_password(app);
    }
}

// [SECTION] The code screen -----------------------------------------------------------------------

void draw_sign_in_code_screen(App& app, Ui& ui) {
    SignInForm& form = app.sign_in;
    const Language language = app.language;
    use_form_width(ui);

    std::optional<Problem> code_error = shown(form.code, code_problem(form.code));
    if (!code_error) code_error = server_field_problem(form.code_call, "code");
    const CallFailure* failure = form.code_call.failure ? &*form.code_call.failure : nullptr;
    const bool refused = failure && is_refusal(*failure);
    if (refused && !code_error) code_error = Problem{failure->code, failure->message, "code"};
    set_title(app, pick(strings::code_title, language), code_error.has_value());

    if (back_link(ui, "back-link", pick(strings::back, language))) {
        navigate(app, {Screen::SignIn}, HistoryEntry::Push);
        return;
    }
    if (code_error && error_summary(ui, {{"error-summary-code", for_display(pick(code_error->message, language))}}) == 0)
        form.code.focus_requested = true;
    heading(ui, "title", pick(strings::code_title, language));
    body_text(ui, "intro", pick(strings::code_intro, language));
    vertical_space(ui, 30);

    const std::string message = code_error ? for_display(pick(code_error->message, language)) : std::string();
    const FieldResult code = form_field(ui,
                                        {.id = "code-input",
                                         .label = pick(strings::code_label, language),
                                         .hint = pick(strings::code_hint, language),
                                         .error = message,
                                         .width = 140,
                                         .take_focus = std::exchange(form.code.focus_requested, false),
                                         .keyboard = Keyboard::Numeric,
                                         .autocomplete = "one-time-code"},
                                        form.code.text);
    if (code.edited && failure) form.code_call.failure.reset();
    vertical_space(ui, 30);

    if (form.code_call.waiting) {
        call_progress(ui, "code-progress", form.code_call, pick(strings::signing_in, language));
    } else if (button(ui, "sign-in-button", pick(strings::sign_in_button, language)) || code.submitted) {
        form.code.judged = true;
        form.code_call.failure.reset();
        if (!code_problem(form.code)) send_code(app);
    }
    // Read again: an edit or a press above may have cleared it.
    if (const auto& now = form.code_call.failure; now && !is_refusal(*now) && now->fields.empty()) {
        vertical_space(ui, 20);
        if (failure_notice(ui, "code-failure", *now)) send_code(app);
    }
}

}  // namespace muamala::client
