#include "client/widgets/chart_widgets.h"

#include <algorithm>
#include <cmath>

namespace muamala::client {
namespace {

constexpr ImU32 kBarColour = theme::kBrand;
constexpr ImU32 kFadedBarColour = IM_COL32(0x8e, 0xb8, 0xdc, 0xff);  // kBrand lightened: a month not yet over
constexpr ImU32 kTrendColour = theme::kError;

// Window x of a share of the column measured from its start edge, in the UI's direction.
float x_from_start(const Ui& ui, float share) {
    const float offset = ui.column_width() * share;
    return ui.direction() == Direction::LeftToRight ? ui.column_left + offset : ui.column_right - offset;
}

void dashed_line(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour, float thickness, float dash) {
    const float length = std::hypot(to.x - from.x, to.y - from.y);
    if (length <= 0.0f) return;
    const ImVec2 step((to.x - from.x) / length, (to.y - from.y) / length);
    for (float at = 0.0f; at < length; at += 2 * dash) {
        const float end = std::min(at + dash, length);
        draw->AddLine(ImVec2(from.x + step.x * at, from.y + step.y * at), ImVec2(from.x + step.x * end, from.y + step.y * end),
                      colour, thickness);
    }
}

}  // namespace

void share_bar_chart(Ui& ui, std::string_view id, const std::vector<ShareBar>& bars, const std::optional<TrendLine>& trend,
                     float height_css) {
    if (bars.empty()) return;
    ImFont* font = ui.fonts.body;
    const float line = std::round(font->FontSize * theme::kLineHeight);
    // The axis's labels take a fixed band at the start; the plot fills the rest of the column.
    const float axis_band = ui.px(48);
    const float plot_height = ui.px(height_css);
    const float label_band = line + ui.px(6);

    ImGui::SetCursorPosX(ui.column_left);
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // top left of the whole chart, screen pixels
    const float window_x = ImGui::GetWindowPos().x;
    ImGui::Dummy(ImVec2(ui.column_width(), plot_height + label_band));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float top = origin.y, bottom = origin.y + plot_height;
    const float plot_from = axis_band / ui.column_width();  // the plot's start, as a share of the column
    const auto screen_x = [&](float share_of_plot) { return window_x + x_from_start(ui, plot_from + (1.0f - plot_from) * share_of_plot); };
    const auto y_of = [&](double share) { return bottom - static_cast<float>(std::clamp(share, 0.0, 1.0)) * plot_height; };

    // Gridlines and their percentages.
    for (int percent = 0; percent <= 100; percent += 25) {
        const float y = std::round(y_of(percent / 100.0));
        draw->AddLine(ImVec2(screen_x(0.0f), y), ImVec2(screen_x(1.0f), y), percent == 0 ? theme::kText : theme::kRule, ui.px(1));
        const std::string& text = ui.bidi.line(std::to_string(percent) + "%", Direction::LeftToRight, font);
        const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
        const float label_x = ui.direction() == Direction::LeftToRight ? window_x + ui.column_left : window_x + ui.column_right - width;
        draw->AddText(font, font->FontSize, ImVec2(std::round(label_x), std::round(y - font->FontSize / 2)), theme::kSecondaryText,
                      text.c_str());
    }

    // Bars: each in a slot of equal width, with a gap, the label under every few so they never collide.
    const float slot = 1.0f / static_cast<float>(bars.size());
    const float slot_px = (ui.column_width() - axis_band) * slot;
    const float sample_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, "00/00").x + ui.px(8);
    const size_t label_every = std::max<size_t>(1, static_cast<size_t>(std::ceil(sample_width / std::max(slot_px, 1.0f))));
    for (size_t i = 0; i < bars.size(); ++i) {
        const ShareBar& bar = bars[i];
        const float a = screen_x(slot * static_cast<float>(i) + slot * 0.15f);
        const float b = screen_x(slot * static_cast<float>(i + 1) - slot * 0.15f);
        const ImVec2 min(std::round(std::min(a, b)), std::round(bar.share ? y_of(*bar.share) : bottom));
        const ImVec2 max(std::round(std::max(a, b)), bottom);
        if (bar.share) draw->AddRectFilled(min, max, bar.faded ? kFadedBarColour : kBarColour);
        // The bar's whole slot is its item: a bar of 0 % still has figures to report.
        test_hook_record(ui.hook, bar.id, "text", bar.description, false, ImVec2(min.x, top), max);
        if (!bar.label.empty() && i % label_every == 0) {
            const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, bar.label.c_str()).x;
            draw->AddText(font, font->FontSize, ImVec2(std::round((min.x + max.x - width) / 2), bottom + ui.px(4)), theme::kSecondaryText,
                          bar.label.c_str());
        }
    }

    if (trend && trend->first_index < bars.size()) {
        const auto point = [&](size_t index) {
            const double value = trend->intercept + trend->slope * static_cast<double>(index - trend->first_index);
            return ImVec2(screen_x(slot * (static_cast<float>(index) + 0.5f)), y_of(value));
        };
        dashed_line(draw, point(trend->first_index), point(bars.size() - 1), kTrendColour, ui.px(2), ui.px(6));
    }
    test_hook_record(ui.hook, id, "chart", "", false, origin, ImVec2(origin.x + ui.column_width(), bottom + label_band));
}

void data_table(Ui& ui, std::string_view id, const std::vector<std::string>& headers, const std::vector<TableRow>& rows,
                const std::vector<float>& shares, const std::vector<bool>& numeric) {
    const auto cell_id = [&](std::string_view row, size_t column) {
        std::string out(id);
        out += '-';
        out += row;
        out += '-';
        out += std::to_string(column);
        return out;
    };
    const auto draw_row = [&](std::string_view key, const std::vector<std::string>& cells, ImFont* font) {
        {
            Row row(ui);
            for (size_t c = 0; c < cells.size() && c + 1 < shares.size(); ++c) {
                // A small gap between columns, so a long name never touches the number beside it.
                row.cell(shares[c], shares[c + 1] - (c + 2 < shares.size() ? 0.01f : 0.0f));
                paragraph(ui, cell_id(key, c), cells[c], font, theme::kText, numeric[c] ? Side::End : Side::Start);
            }
        }
        vertical_space(ui, 6);
        rule(ui);
        vertical_space(ui, 6);
    };
    draw_row("head", headers, ui.fonts.bold);
    for (const TableRow& row : rows) draw_row(row.key, row.cells, ui.fonts.body);
}

}  // namespace muamala::client
