// The dashboard: a card per family member with their documents (expiry dates, how long is left, in
// colour), the transactions on offer for them, and for one not on offer, why and what to do (the
// server's decision, in the core's words).
#include <algorithm>

#include "client/app/calls.h"
#include "client/app/wizard.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

// [SECTION] Words for the registry's names
// [SECTION] A member's card
// [SECTION] The screen

namespace muamala::client {
namespace {

// [SECTION] Words for the registry's names --------------------------------------------------------

Phrase relation_name(std::string_view relation) {
    if (relation == "husband") return strings::husband;
    if (relation == "son") return strings::son;
    if (relation == "daughter") return strings::daughter;
    return strings::family_member;
}

Phrase document_name(std::string_view type) {
    if (type == "residency") return strings::residency;
    if (type == "driving_licence") return strings::driving_licence;
    if (type == "passport") return strings::passport;
    if (type == "health_insurance") return strings::health_insurance;
    return strings::document;
}

// [SECTION] A member's card -----------------------------------------------------------------------

// How the document stands, as a coloured tag: red once expired, yellow within the reminder window
// (the server's "expiring"), green otherwise.
void document_tag(Ui& ui, const std::string& id, const Document& document, Side side) {
    const Language language = ui.language;
    const bool feminine = document.type == "residency" || document.type == "driving_licence";
    if (document.state == "expired")
        tag(ui, id, pick(feminine ? strings::expired_feminine : strings::expired_masculine, language), theme::kRedTag, side);
    else if (document.state == "expiring" && document.days_to_expiry == 0)
        tag(ui, id, pick(feminine ? strings::expires_today_feminine : strings::expires_today_masculine, language), theme::kYellowTag, side);
    else if (document.state == "expiring")
        tag(ui, id, format_days_left(document.days_to_expiry, language), theme::kYellowTag, side);
    else
        tag(ui, id, pick(feminine ? strings::valid_feminine : strings::valid_masculine, language), theme::kGreenTag, side);
}

void document_row(Ui& ui, const Member& member, const Document& document) {
    const Language language = ui.language;
    const std::string id = "doc-" + document.type + "-" + member.civil_id;
    // Name, date and tag side by side on a wide card; on a narrow one (a phone) the tag goes under the date.
    const bool wide = ui.css_column_width() >= 380.0f;
    {
        Row row(ui);
        row.cell(0.0f, wide ? 0.31f : 0.4f);
        paragraph(ui, id + "-name", pick(document_name(document.type), language), ui.fonts.bold, theme::kText);
        row.cell(wide ? 0.33f : 0.42f, wide ? 0.72f : 1.0f);
        paragraph(ui, id, format_date(document.expires, language), ui.fonts.body, theme::kText);
        if (wide) {
            row.cell(0.72f, 1.0f);
            document_tag(ui, id + "-tag", document, Side::End);
        } else {
            vertical_space(ui, 4);
            document_tag(ui, id + "-tag", document, Side::Start);
        }
    }
    vertical_space(ui, 8);
    rule(ui);
    vertical_space(ui, 8);
}

void offer(App& app, Ui& ui, const Member& member, const Offer& offer) {
    const Language language = app.language;
    const std::string id = "offer-" + std::string(name_of(offer.kind)) + "-" + member.civil_id;
    const std::string title = pick(title_of(offer.kind), language);
    if (offer.eligible) {
        if (button(ui, id, title, ButtonStyle::Secondary)) {
            start_wizard(app, offer.kind, member.civil_id);
            const std::vector<WizardStep> steps = wizard_steps(offer.kind);
            navigate(app, {Screen::Apply, std::string(name_of(offer.kind)), member.civil_id,
                           std::string(steps.empty() ? kCheckStep : steps.front().id), {}},
                     HistoryEntry::Push);
        }
        vertical_space(ui, 12);
        return;
    }
    // Not on offer: what it is, that it cannot be done now, and each reason, which says what to do.
    Block inset(ui, BlockStyle::Inset, theme::kInsetBorder);
    paragraph(ui, id + "-title", fill(pick(strings::not_available, language), {title}), ui.fonts.bold, theme::kText);
    for (const Problem& reason : offer.reasons) {
        vertical_space(ui, 5);
        paragraph(ui, id + "-reason", for_display(pick(reason.message, language)), ui.fonts.body, theme::kText);
    }
}

// `min_height` lines the card up with its neighbour in the row; its own height goes to `*height`.
void member_card(App& app, Ui& ui, const Member& member, float min_height, float* height) {
    const Language language = app.language;
    Block card(ui, BlockStyle::Card, theme::kInsetBorder, min_height, height);
    paragraph(ui, "member-" + member.civil_id, pick(member.name, language), ui.fonts.subheading, theme::kText);
    vertical_space(ui, 4);
    const std::string age = member.age == 0 ? std::string(pick(strings::under_one_year, language)) : format_years(member.age, language);
    paragraph(ui, "member-" + member.civil_id + "-relation", std::string(pick(relation_name(member.relation), language)) + " · " + age,
              ui.fonts.body, theme::kSecondaryText);
    card.end_title();
    for (const Document& document : member.documents) document_row(ui, member, document);
    vertical_space(ui, 12);
    // What can be done first, then what cannot and why.
    for (const Offer& each : member.offers)
        if (each.eligible) offer(app, ui, member, each);
    for (const Offer& each : member.offers)
        if (!each.eligible) {
            vertical_space(ui, 4);
            offer(app, ui, member, each);
        }
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void load_household(App& app) {
    if (app.household.load.waiting) return;
    // At the counter the household is the sponsor's the operator looked up (counter_screen.cpp).
    const bool at_counter = app.session.at_counter();
    if (at_counter && app.counter.sponsor.empty()) return;
    const std::string url = at_counter ? api::counter_household_url(app.counter.sponsor) : std::string(api::kHousehold);
    send(app, app.household.load, {.url = url}, [](App& app, HttpResponse&& response) {
        std::optional<Household> household = response.status == 200 ? read_household(response.body) : std::nullopt;
        if (!household) {
            failed(app, app.household.load, response);
            return;
        }
        app.household.data = std::move(household);
        app.household.stale = false;
        propose_phone(app);
    });
}

void enter_household_screen(App& app) {
    if (!app.household.data || app.household.stale) load_household(app);
}

void draw_household_screen(App& app, Ui& ui) {
    const Language language = app.language;
    set_title(app, pick(strings::household_title, language), false);
    const HouseholdState& household = app.household;
    if (!household.data) {
        heading(ui, "title", pick(strings::household_title, language));
        call_progress(ui, "household-progress", household.load, pick(strings::loading, language));
        if (household.load.failure && failure_notice(ui, "household-failure", *household.load.failure)) load_household(app);
        return;
    }
    const Household& data = *household.data;
    std::string about = pick(data.sponsor_name, language);
    if (!pick(data.home_area, language).empty()) about += " · " + pick(data.home_area, language);
    paragraph(ui, "caption", about, ui.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 5);
    heading(ui, "title", pick(strings::household_title, language));
    body_text(ui, "intro", fill(pick(strings::household_intro, language), {format_date(data.today, language)}));
    if (!pick(data.rulebook_title, language).empty()) {
        vertical_space(ui, 8);
        secondary_text(ui, "rules-in-force", for_display(fill(pick(strings::rules_in_force, language), {pick(data.rulebook_title, language)})));
    }
    vertical_space(ui, 20);
    // Fresher figures on their way (after a transaction): the old ones stay readable meanwhile.
    call_progress(ui, "household-progress", household.load, pick(strings::updating, language));
    if (household.load.failure && failure_notice(ui, "household-failure", *household.load.failure)) load_household(app);
    draw_member_cards(app, ui, data);
    // Where to go instead, for one who prefers a visit: after what can be done from home.
    // Only on her dashboard: the counter shows the same cards to an operator already at a center.
    vertical_space(ui, 10);
    draw_your_center(app, ui);
}

void draw_member_cards(App& app, Ui& ui, const Household& data) {
    if (data.members.empty()) {
        body_text(ui, "no-members", pick(strings::no_members, app.language));
        return;
    }
    // Two cards side by side when each still gets a comfortable line; one column otherwise.
    const float gap = ui.px(20);
    const int columns = ui.css_column_width() >= 760.0f ? 2 : 1;
    const float share = 1.0f / static_cast<float>(columns);
    const float half_gap = gap / 2 / ui.column_width();
    // Cards side by side share a height: the tallest one's of the frame before (ImGui's state
    // storage keeps it per row and per layout); frames come in threes after any change, enough to settle.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    for (size_t first = 0; first < data.members.size(); first += static_cast<size_t>(columns)) {
        const ImGuiID row_key = ImGui::GetID(("cards-" + std::to_string(first)).c_str());
        const float tallest_before = columns > 1 ? storage->GetFloat(row_key, 0.0f) : 0.0f;
        float tallest = 0.0f;
        {
            Row row(ui);
            for (int c = 0; c < columns && first + static_cast<size_t>(c) < data.members.size(); ++c) {
                const float from = c * share + (c > 0 ? half_gap : 0.0f);
                const float to = (c + 1) * share - (c + 1 < columns ? half_gap : 0.0f);
                row.cell(from, to);
                float height = 0.0f;
                member_card(app, ui, data.members[first + static_cast<size_t>(c)], tallest_before, &height);
                tallest = std::max(tallest, height);
            }
        }
        if (columns > 1 && tallest != tallest_before) {
            storage->SetFloat(row_key, tallest);
            app.redraw.request();
        }
        vertical_space(ui, 20);
    }
}

}  // namespace muamala::client
