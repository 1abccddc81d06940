#include "client/civil_id_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "client/http.h"
#include "client/page.h"
#include "client/theme.h"
#include "client/widgets.h"
#include "common/date.h"

// [SECTION] Actions: what the person's input does to the state
// [SECTION] Parts of the screen
// [SECTION] The screen

namespace muamala::client {
namespace {

// [SECTION] Actions -------------------------------------------------------------------------------

void switch_language(App& app) {
    app.language = app.language == Language::Arabic ? Language::English : Language::Arabic;
    page_set_language(app.language);
    app.redraw.request();
}

void civil_id_edited(App& app) {
    app.civil_id.validation = validate_civil_id(app.civil_id.typed.data());
    // An answer, or an awaited one, is about what the field held before: it no longer applies.
    app.server_check.phase = ServerCheckState::Phase::Idle;
    ++app.server_check.generation;
}

// Judges the field here (errors turn red) and asks the server for its own judgement, whatever
// ours: this screen shows that both sides run the same rules.
void check_with_server(App& app) {
    app.civil_id.submitted = true;
    if (app.server_check.phase == ServerCheckState::Phase::Waiting) return;
    const unsigned generation = ++app.server_check.generation;
    app.server_check.phase = ServerCheckState::Phase::Waiting;
    http_post_json(kValidateUrl, civil_id_check_request(app.civil_id.typed.data()), [&app, generation](HttpResponse&& response) {
        if (generation != app.server_check.generation) return;
        app.server_check.phase = ServerCheckState::Phase::Answered;
        app.server_check.answer = read_civil_id_check(response.status, response.body);
        app.redraw.request();
    });
}

// [SECTION] Parts of the screen -------------------------------------------------------------------

bool show_civil_id_error(const App& app) { return app.civil_id.submitted && !app.civil_id.validation.ok; }

// A black band: the service's name at the start, the other language's name at the end.
void header(Ui& ui, App& app) {
    const float height = ui.px(theme::kHeaderHeight);
    const float rule = ui.px(theme::kHeaderRule);
    const ImVec2 top_left(ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y);  // scrolls with the page
    const float right = top_left.x + ImGui::GetWindowWidth();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(top_left, ImVec2(right, top_left.y + height), theme::kText);
    draw->AddRectFilled(ImVec2(top_left.x, top_left.y + height), ImVec2(right, top_left.y + height + rule), theme::kBrand);

    const float text_top = std::round((height - std::round(ui.fonts.body->FontSize * theme::kLineHeight)) / 2);  // a body line, centred
    ImGui::SetCursorPosY(text_top);
    paragraph(ui, "app-name", pick(strings::app_name, app.language), ui.fonts.body, theme::kWhite);
    ImGui::SetCursorPosY(text_top);
    const Language other = app.language == Language::Arabic ? Language::English : Language::Arabic;
    const Direction other_direction = other == Language::Arabic ? Direction::RightToLeft : Direction::LeftToRight;
    if (link(ui, "language-toggle", pick(strings::language_name, other), other_direction, theme::kWhite, Side::End))
        switch_language(app);
    ImGui::SetCursorPosY(height + rule);
}

// GOV.UK's error summary: what is wrong, each entry a link that moves focus to its field.
void error_summary(Ui& ui, App& app) {
    const Block box = begin_block(ui, BlockStyle::Box);
    paragraph(ui, "error-summary-title", pick(strings::error_summary_title, app.language), ui.fonts.body, theme::kText);
    vertical_space(ui, 10);
    for (const Problem& problem : app.civil_id.validation.errors)
        if (link(ui, "error-summary-civil-id", pick(problem.message, app.language), ui.direction(), theme::kError, Side::Start))
            app.civil_id.focus_requested = true;
    end_block(ui, box, theme::kError);
    vertical_space(ui, 30);
}

// Under the field: nothing before typing; the local verdict while typing (grey, or green when
// valid); red once the person has asked for a check.
void civil_id_verdict(Ui& ui, const App& app) {
    const Validation& validation = app.civil_id.validation;
    if (validation.ok) {
        const std::string birth_date = to_iso(*civil_id_birth_date(validation.normalized));
        paragraph(ui, "civil-id-hint", fill(pick(strings::civil_id_valid, app.language), birth_date), ui.fonts.body, theme::kSuccess);
    } else if (app.civil_id.submitted || app.civil_id.typed[0] != '\0') {
        paragraph(ui, "civil-id-hint", pick(validation.errors.front().message, app.language), ui.fonts.body,
                  show_civil_id_error(app) ? theme::kError : theme::kSecondaryText);
    }
}

void server_answer(Ui& ui, const App& app) {
    const ServerCheckState& check = app.server_check;
    if (check.phase == ServerCheckState::Phase::Idle) return;
    if (check.phase == ServerCheckState::Phase::Waiting) {
        progress_line(ui, "server-answer", pick(strings::checking, app.language));
        return;
    }
    const ServerAnswer& answer = check.answer;
    std::string text;
    ImU32 bar = theme::kInsetBorder;
    switch (answer.kind) {
        case ServerAnswer::Kind::Accepted:
            text = fill(pick(strings::server_accepted, app.language), answer.normalized);
            bar = theme::kSuccess;
            break;
        case ServerAnswer::Kind::Rejected:
            text = pick(strings::server_rejected, app.language);
            for (const Problem& problem : answer.problems) text += "\n" + pick(problem.message, app.language);
            bar = theme::kError;
            break;
        case ServerAnswer::Kind::Unreachable:
            text = pick(strings::server_unreachable, app.language);
            break;
        case ServerAnswer::Kind::Unexpected:
            text = fill(pick(strings::server_unexpected, app.language), std::to_string(answer.http_status));
            break;
    }
    const Block inset = begin_block(ui, BlockStyle::Inset);
    paragraph(ui, "server-answer", text, ui.fonts.body, theme::kText);
    end_block(ui, inset, bar);
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void draw_civil_id_screen(App& app) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("###civil-id-screen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    // A centred column, narrower than the window by the page margins and never wider than a
    // comfortable line. The vertical scrollbar, when the window is short, takes its room first.
    const float pixel_ratio = app.canvas.pixel_ratio;
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(theme::kColumnMaxWidth * pixel_ratio, available - 2 * theme::kPageMargin * pixel_ratio);
    const float left = std::round((available - width) / 2);
    Ui ui{app.bidi, app.test_hook, app.fonts, app.language, pixel_ratio, left, left + width};

    header(ui, app);
    vertical_space(ui, 30);
    paragraph(ui, "title", pick(strings::title, app.language), app.fonts.heading, theme::kText);
    vertical_space(ui, 20);
    paragraph(ui, "intro", pick(strings::intro, app.language), app.fonts.body, theme::kText);
    vertical_space(ui, 30);
    if (show_civil_id_error(app)) error_summary(ui, app);

    paragraph(ui, "civil-id-label", pick(strings::civil_id_label, app.language), app.fonts.body, theme::kText);
    paragraph(ui, "civil-id-format", pick(strings::civil_id_format, app.language), app.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 10);
    const FieldResult field = text_field(ui, "civil-id-input", app.civil_id.typed.data(), app.civil_id.typed.size(),
                                         /*width=*/300, show_civil_id_error(app), app.civil_id.focus_requested);
    app.civil_id.focus_requested = false;
    if (field.edited) civil_id_edited(app);
    vertical_space(ui, 8);
    civil_id_verdict(ui, app);
    vertical_space(ui, 25);
    const bool waiting = app.server_check.phase == ServerCheckState::Phase::Waiting;
    if (primary_button(ui, "check-button", pick(strings::check_button, app.language), !waiting) || field.submitted)
        check_with_server(app);
    vertical_space(ui, 30);
    server_answer(ui, app);
    vertical_space(ui, 40);

    ImGui::End();
}

}  // namespace muamala::client
