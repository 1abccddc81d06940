#include "client/widgets/layout.h"

#include <imgui.h>
#include <imgui_internal.h>  // ScrollToBringRectIntoView

#include <algorithm>
#include <cmath>
#include <utility>

#include "client/app/calls.h"
#include "client/platform/page.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"

// [SECTION] Header and service navigation
// [SECTION] The page
// [SECTION] Shared blocks

namespace muamala::client {
namespace {

constexpr double kSlowCallMs = 5000.0;  // after this long a call's progress line says the server is slow

// A block that appears in answer to something the person did (an error summary, a failed call)
// must be seen: the first frame it is drawn, the page scrolls just enough to show it. Only then, so
// a person who scrolls away is not pulled back. ImGui's state storage remembers the last frame each
// was drawn in; frames are numbered without gaps, drawn or idle.
void bring_into_view_when_new(std::string_view id, float top, float bottom) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id.data(), id.data() + id.size());
    const int frame = ImGui::GetFrameCount();
    const bool new_here = storage->GetInt(key, -2) != frame - 1;
    storage->SetInt(key, frame);
    if (!new_here) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::ScrollToBringRectIntoView(window, ImRect(window->Pos.x, top, window->Pos.x + 1.0f, bottom));
}

// The keyboard moved the focus (Tab, or a screen reader): the page scrolls just enough to show the
// item that has it, as a browser scrolls a page to its focused element.
void reveal_focused(TestHook& hook) {
    if (!std::exchange(hook.requests.reveal_focused, false)) return;
    for (const TestHook::Item& item : hook.items)
        if (item.id == hook.requests.focused) {
            const float margin = ImGui::GetFontSize();
            ImGuiWindow* window = ImGui::GetCurrentWindow();
            ImGui::ScrollToBringRectIntoView(window, ImRect(item.x0, item.y0 - margin, item.x1, item.y1 + margin));
            return;
        }
}

// [SECTION] Header and service navigation ---------------------------------------------------------

void switch_language(App& app) {
    app.language = other_language(app.language);
    page_set_language(app.language);
    page_remember_language(app.language);
    app.redraw.request();
}

void sign_out(App& app) {
    if (app.session.sign_out.waiting) return;
    send(app, app.session.sign_out, {.method = "DELETE", .url = api::kSession, .csrf_token = app.session.csrf_token},
         [](App& app, HttpResponse&& response) {
             // Signed out here whatever the answer: a session the server could not end ends by
             // itself (idle expiry), and the person asked to leave. Everything of theirs goes;
             // only the language stays.
             app.session = Session{Session::State::SignedOut};
             app.sign_in = SignInForm{};
             app.sign_in.notice = to_text(response.status == 200 ? strings::signed_out : strings::signed_out_locally);
             app.household = HouseholdState{};
             app.wizard = Wizard{};
             app.payment = PaymentState{};
             app.receipt = ReceiptState{};
             app.history = HistoryState{};
             app.centers = CentersState{};
             app.booking = BookingState{};
             app.appointments = AppointmentsState{};
             app.counter = CounterState{};
             app.supervisor = SupervisorState{};
             app.wanted.reset();
             navigate(app, Route{Screen::SignIn}, HistoryEntry::Replace);
         });
}

// A black band: the service's name at the start, the other language's name at the end.
void header(Ui& ui, App& app) {
    const float height = ui.px(theme::kHeaderHeight);
    const float rule_height = ui.px(theme::kHeaderRule);
    const ImVec2 top_left(ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y);  // scrolls with the page
    const float right = top_left.x + ImGui::GetWindowWidth();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(top_left, ImVec2(right, top_left.y + height), theme::kText);
    draw->AddRectFilled(ImVec2(top_left.x, top_left.y + height), ImVec2(right, top_left.y + height + rule_height), theme::kBrand);

    const float text_top = std::round((height - std::round(ui.fonts.bold->FontSize * theme::kLineHeight)) / 2);
    ImGui::SetCursorPosY(text_top);
    paragraph(ui, "app-name", pick(strings::app_name, app.language), ui.fonts.bold, theme::kWhite);
    ImGui::SetCursorPosY(text_top);
    const Language other = other_language(app.language);
    const Direction other_direction = other == Language::Arabic ? Direction::RightToLeft : Direction::LeftToRight;
    if (link(ui, "language-toggle", pick(strings::language_name, other), other_direction, theme::kWhite, Side::End))
        switch_language(app);
    ImGui::SetCursorPosY(height + rule_height);
}

// Signed in: where to go, and the way out, on a light band under the header. On a narrow window
// (a phone) the way out gets a line of its own rather than a cramped, wrapped link.
void service_navigation(Ui& ui, App& app) {
    const bool one_line = ui.css_column_width() >= 560.0f;
    const float line = ui.px(40), padding = ui.px(4);
    const float height = (one_line ? line : 2 * line) + 2 * padding;
    const ImVec2 top_left(ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->AddRectFilled(top_left, ImVec2(top_left.x + ImGui::GetWindowWidth(), top_left.y + height),
                                              theme::kLightGrey);
    const float top = ImGui::GetCursorPosY() + padding;
    const float text_offset = std::round((line - std::round(ui.fonts.body->FontSize * theme::kLineHeight)) / 2);
    const auto at_line = [&](int index) { ImGui::SetCursorPosY(top + static_cast<float>(index) * line + text_offset); };
    {
        Row row(ui);
        row.cell(0.0f, one_line ? 0.25f : 0.5f);
        at_line(0);
        if (app.session.role == Role::citizen) {
            if (link(ui, "nav-household", pick(strings::nav_household, app.language))) navigate(app, {Screen::Household}, HistoryEntry::Push);
            row.cell(one_line ? 0.25f : 0.5f, one_line ? 0.5f : 1.0f);
            at_line(0);
            if (link(ui, "nav-history", pick(strings::nav_history, app.language), one_line ? Side::Start : Side::End))
                navigate(app, {Screen::History}, HistoryEntry::Push);
            row.cell(one_line ? 0.5f : 0.0f, one_line ? 0.75f : 0.5f);
            at_line(one_line ? 0 : 1);
            if (link(ui, "nav-appointments", pick(strings::nav_appointments, app.language)))
                navigate(app, {Screen::Appointments}, HistoryEntry::Push);
        } else {  // staff: their one screen, and their account
            const Route home = home_route(app);
            const Phrase& home_name = home.screen == Screen::Counter      ? strings::nav_counter
                                      : home.screen == Screen::Supervisor ? strings::nav_figures
                                                                          : strings::nav_account;
            if (link(ui, "nav-home", pick(home_name, app.language))) navigate(app, home, HistoryEntry::Push);
        }
        row.cell(one_line ? 0.75f : 0.5f, 1.0f);
        at_line(one_line ? 0 : 1);
        if (app.session.sign_out.waiting) progress_line(ui, "sign-out-progress", pick(strings::signing_out, app.language));
        else if (link(ui, "sign-out", pick(strings::sign_out, app.language), Side::End)) sign_out(app);
    }
    ImGui::SetCursorPosY(top - padding + height);
}

// GOV.UK's phase banner: this is a demonstration, and nothing here is real. A real service has none.
void phase_banner(Ui& ui, App& app) {
    vertical_space(ui, 10);
    Row row(ui);
    const float tag_share = std::min(0.3f, ui.px(100) / ui.column_width());
    row.cell(0.0f, tag_share);
    tag(ui, "phase-tag", pick(strings::phase_tag, app.language), theme::kBlueTag);
    row.cell(tag_share, 1.0f);
    vertical_space(ui, 2);
    paragraph(ui, "phase-banner", pick(strings::phase_text, app.language), ui.fonts.body, theme::kText);
}

void starting_screen(App& app, Ui& ui) {
    set_title(app, pick(strings::loading, app.language), false);
    vertical_space(ui, 40);
    call_progress(ui, "starting", app.session.check, pick(strings::loading, app.language));
    if (app.session.check.failure) {
        if (failure_notice(ui, "starting-failure", *app.session.check.failure)) start_session_check(app);
    }
}

}  // namespace

// [SECTION] The page ------------------------------------------------------------------------------

void draw_app(App& app) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("###page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    TestHook::Requests& requests = app.test_hook.requests;
    if (app.scroll_to_top) {
        ImGui::SetScrollY(0.0f);
        app.scroll_to_top = false;
    } else if (requests.scroll_by != 0.0f) {  // a finger dragging the page (mirror.js)
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + requests.scroll_by, 0.0f, ImGui::GetScrollMaxY()));
    }
    requests.scroll_by = 0.0f;

    // A centred page, narrower than the window by the margins and never wider than GOV.UK's.
    // The vertical scrollbar is always there, so the page does not jump sideways when a screen
    // grows longer than the window.
    const float pixel_ratio = app.canvas.pixel_ratio;
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(theme::kPageMaxWidth * pixel_ratio, available - 2 * theme::kPageMargin * pixel_ratio);
    const float left = std::round((available - width) / 2);
    Ui ui{app.bidi, app.test_hook, app.fonts, app.language, pixel_ratio, left, left + width};

    {
        HookLandmark banner(app.test_hook, "banner");
        header(ui, app);
    }
    if (app.session.state == Session::State::SignedIn) {
        HookLandmark navigation(app.test_hook, "navigation");
        service_navigation(ui, app);
    }
    // The phase banner (a demo's) opens the main landmark: all content must sit in a landmark for a
    // screen reader's user to reach it by landmarks, and that the people are made up and no money
    // moves is the first thing to hear on every screen.
    HookLandmark screen_landmark(app.test_hook, "main");
    if (app.service.info && app.service.info->demo) phase_banner(ui, app);
    vertical_space(ui, 10);
    rule(ui);
    vertical_space(ui, 20);

    switch (screen_allowed(app, app.route.screen) ? app.route.screen : Screen::Account) {
        case Screen::Starting: starting_screen(app, ui); break;
        case Screen::SignIn: draw_sign_in_screen(app, ui); break;
        case Screen::SignInCode: draw_sign_in_code_screen(app, ui); break;
        case Screen::Household: draw_household_screen(app, ui); break;
        case Screen::Apply: draw_apply_screen(app, ui); break;
        case Screen::Pay: draw_pay_screen(app, ui); break;
        case Screen::Receipt: draw_receipt_screen(app, ui); break;
        case Screen::History: draw_history_screen(app, ui); break;
        case Screen::Centers: draw_centers_screen(app, ui); break;
        case Screen::Book:
        case Screen::Reschedule: draw_booking_screen(app, ui); break;
        case Screen::Appointments: draw_appointments_screen(app, ui); break;
        case Screen::Appointment: draw_appointment_screen(app, ui); break;
        case Screen::Counter: draw_counter_screen(app, ui); break;
        case Screen::Supervisor: draw_supervisor_screen(app, ui); break;
        case Screen::Account:
            if (app.route.screen == Screen::Account) draw_account_screen(app, ui);
            else draw_not_for_account_screen(app, ui);
            break;
    }
    vertical_space(ui, 60);
    reveal_focused(app.test_hook);
    ImGui::End();
}

void set_title(App& app, std::string_view heading, bool has_errors) {
    std::string title = has_errors ? std::string(pick(strings::error_prefix, app.language)) : std::string();
    title += heading;
    title += " — ";
    title += pick(strings::app_name, app.language);
    app.page_title = std::move(title);
}

Phrase back_home_phrase(const App& app) {
    return app.session.at_counter() ? strings::back_to_counter : strings::back_to_household;
}

void use_form_width(Ui& ui) {
    const float width = std::min(ui.column_width(), ui.px(theme::kFormMaxWidth));
    if (ui.direction() == Direction::LeftToRight) ui.column_right = ui.column_left + width;
    else ui.column_left = ui.column_right - width;
}

// [SECTION] Shared blocks -------------------------------------------------------------------------

int error_summary(Ui& ui, const std::vector<SummaryEntry>& entries) {
    int clicked = -1;
    const float top = ImGui::GetCursorScreenPos().y;
    {
        HookRegion alert(ui.hook, "error-summary", "alert");  // read out as it appears
        Block box(ui, BlockStyle::Box, theme::kError);
        paragraph(ui, "error-summary-title", pick(strings::error_summary_title, ui.language), ui.fonts.subheading, theme::kText);
        vertical_space(ui, 15);
        for (size_t i = 0; i < entries.size(); ++i) {
            const SummaryEntry& entry = entries[i];
            if (entry.id.empty()) paragraph(ui, "error-summary-text", entry.text, ui.fonts.bold, theme::kError);
            else if (link(ui, entry.id, entry.text, ui.direction(), theme::kError, Side::Start)) clicked = static_cast<int>(i);
            if (i + 1 < entries.size()) vertical_space(ui, 8);
        }
    }
    bring_into_view_when_new("error-summary", top, ImGui::GetCursorScreenPos().y);
    vertical_space(ui, 30);
    return clicked;
}

std::string describe_failure(const CallFailure& failure, Language language) {
    switch (failure.kind) {
        case CallFailure::Kind::Unreachable: return std::string(pick(strings::unreachable, language));
        case CallFailure::Kind::TimedOut: return std::string(pick(strings::timed_out, language));
        case CallFailure::Kind::ServerError:
            return fill(pick(strings::server_error, language), {ltr(std::to_string(failure.http_status))});
        case CallFailure::Kind::SessionEnded: return std::string(pick(strings::session_ended, language));
        case CallFailure::Kind::Refused:
            if (!failure.message.en.empty()) return for_display(pick(failure.message, language));
            [[fallthrough]];
        case CallFailure::Kind::Unexpected:
            return fill(pick(strings::unexpected_answer, language), {ltr(std::to_string(failure.http_status))});
    }
    return {};
}

bool failure_notice(Ui& ui, std::string_view id, const CallFailure& failure) {
    bool retry = false;
    const float top = ImGui::GetCursorScreenPos().y;
    {
        HookRegion alert(ui.hook, id, "alert");
        Block inset(ui, BlockStyle::Inset, theme::kError);
        paragraph(ui, id, describe_failure(failure, ui.language), ui.fonts.bold, theme::kText);
        vertical_space(ui, 5);
        paragraph(ui, std::string(id) + "-kept", pick(strings::nothing_lost, ui.language), ui.fonts.body, theme::kText);
        vertical_space(ui, 15);
        retry = button(ui, std::string(id) + "-retry", pick(strings::retry, ui.language), ButtonStyle::Secondary);
    }
    bring_into_view_when_new(id, top, ImGui::GetCursorScreenPos().y);
    vertical_space(ui, 20);
    return retry;
}

void call_progress(Ui& ui, std::string_view id, const Call& call, std::string_view doing) {
    if (!call.waiting) return;
    const bool slow = now_ms() - call.started_ms > kSlowCallMs;
    progress_line(ui, id, slow ? pick(strings::still_waiting, ui.language) : doing);
    vertical_space(ui, 20);
}

bool summary_row(Ui& ui, std::string_view id, std::string_view key, std::string_view value, std::string_view action) {
    const std::string base(id);
    const float value_end = action.empty() ? 1.0f : 0.8f;
    bool clicked = false;
    vertical_space(ui, 10);
    // Side by side when there is room for the key and a line of value; the key above on a narrow column.
    const bool wide = ui.css_column_width() >= 480.0f;
    if (!wide) {
        paragraph(ui, base + "-key", key, ui.fonts.bold, theme::kText);
        vertical_space(ui, 4);
    }
    {
        Row row(ui);
        if (wide) {
            row.cell(0.0f, 0.33f);  // a gutter before the value: a key that fills its line must not touch it
            paragraph(ui, base + "-key", key, ui.fonts.bold, theme::kText);
        }
        row.cell(wide ? 0.35f : 0.0f, value_end);
        paragraph(ui, base + "-value", value, ui.fonts.body, theme::kText);
        if (!action.empty()) {
            row.cell(value_end, 1.0f);
            clicked = link(ui, base + "-action", action, Side::End);
        }
    }
    vertical_space(ui, 10);
    rule(ui);
    return clicked;
}

}  // namespace muamala::client
