// The citizen service centers: "Your service center" on the dashboard, from her home
// area (the server names the morning center of the area and the evening centers of the
// governorate), and the finder: every center, filtered by governorate, area and opening time,
// each with its hours and the areas it serves, and a way to book a visit there.
#include "client/app/appointments.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/choice_widgets.h"
#include "client/widgets/layout.h"
#include "common/areas.h"

// [SECTION] A center's description
// [SECTION] Your service center (the dashboard)
// [SECTION] The finder

namespace muamala::client {
namespace {

// [SECTION] A center's description ----------------------------------------------------------------

// Its shift, hours, whether it is a model center, and (in the finder) the areas it serves.
void center_details(Ui& ui, const std::string& id, const Center& center, bool with_areas, bool serves_her) {
    const Language language = ui.language;
    // Its tags: side by side in cells of a third where three fit, else one under the other (a phone).
    struct Shown {
        std::string id;
        std::string words;
        const theme::TagColours* colours;
    };
    std::vector<Shown> tags{{id + "-shift", pick(shift_name(center.shift), language),
                             center.shift == Shift::evening ? &theme::kBlueTag : &theme::kYellowTag}};
    if (center.model_center) tags.push_back({id + "-model", std::string(pick(strings::model_center, language)), &theme::kGreenTag});
    if (serves_her) tags.push_back({id + "-serves-you", std::string(pick(strings::serves_your_area, language)), &theme::kGreenTag});
    if (ui.css_column_width() >= 540.0f) {
        Row row(ui);
        const float share = std::min(0.33f, ui.px(180) / ui.column_width());
        for (size_t i = 0; i < tags.size(); ++i) {
            row.cell(share * static_cast<float>(i), share * static_cast<float>(i + 1));
            tag(ui, tags[i].id, tags[i].words, *tags[i].colours);
        }
    } else {
        for (const Shown& shown : tags) {
            tag(ui, shown.id, shown.words, *shown.colours);
            vertical_space(ui, 4);
        }
    }
    vertical_space(ui, 6);
    body_text(ui, id + "-hours", opening_hours(center, language));
    if (with_areas) {
        vertical_space(ui, 4);
        secondary_text(ui, id + "-areas", areas_text(center, language));
    }
}

}  // namespace

// [SECTION] Your service center (the dashboard) ---------------------------------------------------

void draw_your_center(App& app, Ui& ui) {
    const Language language = app.language;
    const Household& household = *app.household.data;
    subheading(ui, "your-center-title", pick(strings::your_center_title, language));
    if (!household.center) {
        body_text(ui, "your-center-none", pick(strings::no_home_area, language));
        vertical_space(ui, 10);
        if (link(ui, "your-center-find", pick(strings::find_center, language))) navigate(app, {Screen::Centers}, HistoryEntry::Push);
        return;
    }
    const Center& center = *household.center;
    body_text(ui, "your-center-intro", fill(pick(strings::your_center_intro, language), {pick(household.home_area, language)}));
    vertical_space(ui, 15);
    Block card(ui, BlockStyle::Card, theme::kInsetBorder);
    paragraph(ui, "your-center-name", pick(center.name, language), ui.fonts.subheading, theme::kText);
    card.end_title();
    center_details(ui, "your-center", center, false, false);
    for (size_t i = 0; i < household.evening_centers.size(); ++i) {
        const Center& evening = household.evening_centers[i];
        vertical_space(ui, 10);
        const std::string id = "your-evening-center-" + std::to_string(i);
        paragraph(ui, id, fill(pick(strings::evening_alternative, language), {pick(evening.name, language)}), ui.fonts.bold, theme::kText);
        vertical_space(ui, 4);
        body_text(ui, id + "-hours", opening_hours(evening, language));
    }
    vertical_space(ui, 15);
    {
        Row row(ui);
        row.cell(0.0f, 0.5f);
        if (link(ui, "your-center-book", pick(strings::book_visit, language)))
            navigate(app, {.screen = Screen::Book, .id = center.id}, HistoryEntry::Push);
        row.cell(0.5f, 1.0f);
        if (link(ui, "your-center-find", pick(strings::find_center, language), Side::End))
            navigate(app, {Screen::Centers}, HistoryEntry::Push);
    }
}

// [SECTION] The finder ----------------------------------------------------------------------------

void enter_centers_screen(App& app) {
    load_centers(app);
    if (!app.household.data) load_household(app);  // her home area: "Serves your area", and a quick filter
}

void draw_centers_screen(App& app, Ui& ui) {
    const Language language = app.language;
    CentersState& centers = app.centers;
    set_title(app, pick(strings::finder_title, language), false);
    heading(ui, "title", pick(strings::finder_title, language));
    if (!centers.directory) {
        call_progress(ui, "centers-progress", centers.load, pick(strings::loading, language));
        if (centers.load.failure && failure_notice(ui, "centers-failure", *centers.load.failure)) load_centers(app);
        return;
    }
    if (!centers.directory->note.en.empty()) {
        Block inset(ui, BlockStyle::Inset, theme::kInsetBorder);
        paragraph(ui, "centers-note", for_display(pick(centers.directory->note, language)), ui.fonts.body, theme::kSecondaryText);
    }
    vertical_space(ui, 20);

    // The filters: a governorate, then one of its areas (thirty at most, so they fit as choices),
    // and the opening time. Each shows at once; nothing is sent.
    const std::string home_area = app.household.data ? app.household.data->home_area_id : std::string();
    paragraph(ui, "governorate-label", pick(strings::governorate_label, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 8);
    {
        Choices choices(ui, Choices::Layout::SideBySide);
        if (choices.option("governorate-any", pick(strings::any, language), centers.governorate.empty())) {
            centers.governorate.clear();
            centers.area.clear();
        }
        for (Governorate governorate : kAllGovernorates) {
            const GovernorateInfo info = governorate_info(governorate);
            if (choices.option("governorate-" + std::string(info.id), pick(info.name, language), centers.governorate == info.id) &&
                centers.governorate != info.id) {
                centers.governorate = info.id;
                centers.area.clear();
            }
        }
    }
    vertical_space(ui, 15);
    paragraph(ui, "area-label", pick(strings::area_label, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 8);
    {
        Choices choices(ui, Choices::Layout::SideBySide);
        if (choices.option("area-any", pick(strings::any, language), centers.area.empty())) centers.area.clear();
        if (const Area* home = find_area(home_area)) {
            if (choices.option("area-home", fill(pick(strings::your_area_choice, language), {pick(home->name, language)}),
                               centers.area == home_area)) {
                centers.area = home_area;
                centers.governorate = governorate_info(home->governorate).id;
            }
        }
        for (const Area& area : all_areas()) {
            if (centers.governorate.empty() || governorate_info(area.governorate).id != centers.governorate || area.id == home_area)
                continue;
            if (choices.option("area-" + std::string(area.id), pick(area.name, language), centers.area == area.id))
                centers.area = area.id;
        }
    }
    if (centers.governorate.empty()) secondary_text(ui, "area-hint", pick(strings::area_hint, language));
    vertical_space(ui, 15);
    paragraph(ui, "shift-label", pick(strings::shift_label, language), ui.fonts.bold, theme::kText);
    vertical_space(ui, 8);
    {
        Choices choices(ui, Choices::Layout::SideBySide);
        if (choices.option("shift-any", pick(strings::any, language), centers.shift.empty())) centers.shift.clear();
        for (const Shift shift : {Shift::morning, Shift::evening}) {
            const std::string name(name_of(shift));
            if (choices.option("shift-" + name, pick(shift_name(shift), language), centers.shift == name)) centers.shift = name;
        }
    }
    vertical_space(ui, 20);
    rule(ui);
    vertical_space(ui, 20);

    // The same filters as GET /centers?governorate=&area=&shift= (server/routes/center_routes.cpp): a
    // center serves an area when the area is among its areas (an evening center lists its governorate's).
    std::vector<const Center*> shown;
    for (const Center& center : centers.directory->centers) {
        if (!centers.governorate.empty() && governorate_info(center.governorate).id != centers.governorate) continue;
        if (!centers.shift.empty() && name_of(center.shift) != centers.shift) continue;
        if (!centers.area.empty() && !serves_area(center, centers.area)) continue;
        shown.push_back(&center);
    }
    paragraph(ui, "centers-count",
              shown.size() == 1 ? std::string(pick(strings::one_center_found, language))
                                : fill(pick(strings::centers_found, language), {std::to_string(shown.size())}),
              ui.fonts.subheading, theme::kText);
    vertical_space(ui, 15);
    if (shown.empty()) body_text(ui, "no-centers", pick(strings::no_centers_found, language));
    for (const Center* center : shown) {
        const std::string id = "center-" + center->id;
        paragraph(ui, id, pick(center->name, language), ui.fonts.bold, theme::kText);
        vertical_space(ui, 6);
        center_details(ui, id, *center, true, !home_area.empty() && serves_area(*center, home_area));
        vertical_space(ui, 10);
        if (link(ui, id + "-book", pick(strings::book_here, language)))
            navigate(app, {.screen = Screen::Book, .id = center->id}, HistoryEntry::Push);
        vertical_space(ui, 15);
        rule(ui);
        vertical_space(ui, 15);
    }
}

}  // namespace muamala::client
