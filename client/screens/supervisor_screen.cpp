// The supervisor's figures: the share of completed transactions still done in person at a
// center, by month (a bar chart with the trend line, and the same numbers as a table), by kind of
// transaction and by center; the baseline before e-services, the last complete month, and the
// trend toward the month of no visits. Every figure is the server's (GET /supervisor/kpis): the
// page draws and words them, it computes none. The demo's history is synthetic and says so first.
#include <cstdio>

#include "client/app/calls.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/chart_widgets.h"
#include "client/widgets/layout.h"

// [SECTION] Request
// [SECTION] Parts of the page
// [SECTION] The screen

namespace muamala::client {
namespace {

// [SECTION] Request -------------------------------------------------------------------------------

void load_kpis(App& app) {
    if (app.supervisor.load.waiting) return;
    load_into(app, app.supervisor.load, api::kSupervisorKpis, &read_kpis, app.supervisor.data);
}

// [SECTION] Parts of the page ---------------------------------------------------------------------

std::string share_text(const std::optional<double>& share) { return share ? ltr(format_share(*share)) : std::string("—"); }

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", round_to_tenths(value));
    return ltr(text);
}

// "01/25" under a bar: short enough for thirty months side by side.
std::string short_month(const std::string& month) { return month.size() == 7 ? month.substr(5, 2) + "/" + month.substr(2, 2) : month; }

void synthetic_notice(Ui& ui, const Kpis& kpis) {
    const Language language = ui.language;
    Block inset(ui, BlockStyle::Inset, theme::kError);
    tag(ui, "synthetic-tag", pick(strings::synthetic_tag, language), theme::kRedTag);
    vertical_space(ui, 8);
    body_text(ui, "synthetic-text", pick(strings::synthetic_text, language));
    if (kpis.note) {
        vertical_space(ui, 5);
        secondary_text(ui, "synthetic-note", for_display(pick(*kpis.note, language)));
    }
}

void at_a_glance(Ui& ui, const Kpis& kpis) {
    const Language language = ui.language;
    subheading(ui, "glance-title", pick(strings::headline_title, language));
    if (kpis.baseline)
        summary_row(ui, "kpi-baseline",
                    fill(pick(strings::baseline_key, language), {format_month(kpis.baseline->from, language), format_month(kpis.baseline->to, language)}),
                    fill(pick(strings::baseline_value, language),
                         {share_text(kpis.baseline->in_person_share), one_decimal(kpis.baseline->in_person_per_month)}));
    if (kpis.current) {
        summary_row(ui, "kpi-current", fill(pick(strings::current_key, language), {format_month(kpis.current->month, language)}),
                    fill(pick(strings::current_value, language),
                         {share_text(kpis.current->in_person_share), std::to_string(kpis.current->in_person),
                          std::to_string(kpis.current->total)}));
        if (kpis.current->visits_change_from_baseline)
            summary_row(ui, "kpi-visits-change", pick(strings::visits_change_key, language),
                        share_text(kpis.current->visits_change_from_baseline));
    }
    if (kpis.trend) {
        summary_row(ui, "kpi-trend", pick(strings::trend_key, language),
                    fill(pick(strings::trend_value, language), {one_decimal(kpis.trend->slope_per_month * 100.0)}));
        summary_row(ui, "kpi-zero", pick(strings::zero_key, language),
                    kpis.trend->projected_zero_month.empty()
                        ? std::string(pick(strings::zero_never, language))
                        : fill(pick(strings::if_trend_holds, language), {format_month(kpis.trend->projected_zero_month, language)}));
        vertical_space(ui, 10);
        // The app's own words: the server's explanation is written for API readers (it names its fields).
        secondary_text(ui, "kpi-trend-method", pick(strings::trend_method, language));
    }
}

void by_month(Ui& ui, const Kpis& kpis) {
    const Language language = ui.language;
    subheading(ui, "by-month-title", pick(strings::by_month_title, language));
    std::vector<ShareBar> bars;
    std::optional<TrendLine> trend;
    for (size_t i = 0; i < kpis.by_month.size(); ++i) {
        const KpiMonth& month = kpis.by_month[i];
        std::string name = format_month(month.month, language);
        if (!month.complete) name = fill(pick(strings::month_under_way, language), {name});
        bars.push_back({"chart-bar-" + month.month, short_month(month.month), month.in_person_share,
                        name + ": " + share_text(month.in_person_share), !month.complete});
        if (kpis.trend && month.month == kpis.trend->from) trend = TrendLine{i, kpis.trend->intercept, kpis.trend->slope_per_month};
    }
    share_bar_chart(ui, "chart-by-month", bars, trend, 180);
    vertical_space(ui, 10);
    secondary_text(ui, "chart-legend", pick(strings::chart_legend, language));
    vertical_space(ui, 20);
    std::vector<TableRow> rows;
    for (const KpiMonth& month : kpis.by_month) {
        std::string name = format_month(month.month, language);
        if (!month.complete) name = fill(pick(strings::month_under_way, language), {name});
        rows.push_back({month.month,
                        {name, std::to_string(month.in_person), std::to_string(month.online), share_text(month.in_person_share)}});
    }
    data_table(ui, "month",
               {std::string(pick(strings::column_month, language)), std::string(pick(strings::column_in_person, language)),
                std::string(pick(strings::column_online, language)), std::string(pick(strings::column_share, language))},
               rows, {0.0f, 0.4f, 0.6f, 0.8f, 1.0f}, {false, true, true, true});
}

void by_kind(Ui& ui, const Kpis& kpis) {
    const Language language = ui.language;
    subheading(ui, "by-kind-title", pick(strings::by_kind_title, language));
    std::vector<TableRow> rows;
    for (size_t i = 0; i < kpis.by_kind.size(); ++i) {
        const KpiKind& kind = kpis.by_kind[i];
        rows.push_back({std::to_string(i),
                        {pick(kind.title, language), std::to_string(kind.in_person), std::to_string(kind.online), share_text(kind.in_person_share)}});
    }
    data_table(ui, "kind",
               {std::string(pick(strings::column_kind, language)), std::string(pick(strings::column_in_person, language)),
                std::string(pick(strings::column_online, language)), std::string(pick(strings::column_share, language))},
               rows, {0.0f, 0.46f, 0.64f, 0.82f, 1.0f}, {false, true, true, true});
}

void by_center(Ui& ui, const Kpis& kpis) {
    const Language language = ui.language;
    subheading(ui, "by-center-title", pick(strings::by_center_title, language));
    std::vector<TableRow> rows;
    for (size_t i = 0; i < kpis.by_center.size(); ++i) {
        const KpiCenter& center = kpis.by_center[i];
        std::string name = pick(center.name, language);
        name += " · ";
        name += pick(center.shift == "evening" ? strings::shift_evening : strings::shift_morning, language);
        rows.push_back({std::to_string(i),
                        {name, std::to_string(center.in_person), std::to_string(center.online_in_its_areas), share_text(center.in_person_share)}});
    }
    data_table(ui, "center",
               {std::string(pick(strings::column_center, language)), std::string(pick(strings::column_in_person, language)),
                std::string(pick(strings::column_online_in_areas, language)), std::string(pick(strings::column_share, language))},
               rows, {0.0f, 0.46f, 0.62f, 0.82f, 1.0f}, {false, true, true, true});
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void enter_supervisor_screen(App& app) { load_kpis(app); }

void draw_supervisor_screen(App& app, Ui& ui) {
    const Language language = app.language;
    set_title(app, pick(strings::figures_title, language), false);
    heading(ui, "title", pick(strings::figures_title, language));
    if (!app.supervisor.data) {
        call_progress(ui, "kpis-progress", app.supervisor.load, pick(strings::loading, language));
        if (app.supervisor.load.failure && failure_notice(ui, "kpis-failure", *app.supervisor.load.failure)) load_kpis(app);
        return;
    }
    const Kpis& kpis = *app.supervisor.data;
    body_text(ui, "figures-intro", pick(strings::figures_intro, language));
    vertical_space(ui, 10);
    secondary_text(ui, "figures-definition", for_display(pick(kpis.definition, language)));
    vertical_space(ui, 20);
    call_progress(ui, "kpis-progress", app.supervisor.load, pick(strings::updating, language));
    if (app.supervisor.load.failure && failure_notice(ui, "kpis-failure", *app.supervisor.load.failure)) load_kpis(app);
    if (kpis.synthetic_transactions > 0) {
        synthetic_notice(ui, kpis);
        vertical_space(ui, 30);
    }
    if (kpis.by_month.empty()) {
        body_text(ui, "no-figures", pick(strings::no_figures, language));
        return;
    }
    at_a_glance(ui, kpis);
    vertical_space(ui, 40);
    by_month(ui, kpis);
    vertical_space(ui, 40);
    by_kind(ui, kpis);
    vertical_space(ui, 40);
    by_center(ui, kpis);
}

}  // namespace muamala::client
