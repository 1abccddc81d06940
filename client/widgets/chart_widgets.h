// Widgets for figures, beside widgets.h's and in the same manner: they align to the column's start
// in the UI's direction, draw text through BidiText, and record themselves in the test hook.
//   - a bar chart of shares (0 to 1) drawn with ImGui's draw list, each bar also recorded with its
//     numbers in words, so a test or a screen reader gets the figures and not a picture;
//   - a table of text cells, the same figures as text for those who cannot read a chart.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/widgets/widgets.h"

namespace muamala::client {

struct ShareBar {
    std::string id;                // hook id of the bar
    std::string label;             // under the bar ("01/25"); "" for none
    std::optional<double> share;   // 0 to 1; nullopt: nothing counted (no bar)
    std::string description;       // the bar's figures in words, recorded as its text
    bool faded = false;            // drawn lighter: a month under way
};

// A line across the chart: value = intercept + slope * (bar index - first_index), drawn dashed
// from bar `first_index` to the last bar, clipped to 0..1.
struct TrendLine {
    size_t first_index = 0;
    double intercept = 0, slope = 0;
};

// Bars side by side, time running in the reading direction (left to right in English, right to
// left in Arabic), gridlines at 0, 25, 50, 75 and 100 %. `height_css` is the plot's height.
void share_bar_chart(Ui& ui, std::string_view id, const std::vector<ShareBar>& bars, const std::optional<TrendLine>& trend,
                     float height_css);

// A table: a header row in bold, then rows, a rule under each. `shares` are the columns' edges as
// shares of the column from its start (size = columns + 1); `numeric` columns align to their end.
// Cell ids: id + "-" + row key + "-" + column index; header cells id + "-head-" + column index.
struct TableRow {
    std::string key;                 // stable, for the cells' ids
    std::vector<std::string> cells;  // ready to draw (for_display/ltr applied where needed)
};
void data_table(Ui& ui, std::string_view id, const std::vector<std::string>& headers, const std::vector<TableRow>& rows,
                const std::vector<float>& shares, const std::vector<bool>& numeric);

}  // namespace muamala::client
