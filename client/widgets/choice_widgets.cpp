#include "client/widgets/choice_widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace muamala::client {
namespace {

constexpr float kRingDiameter = 24.0f;  // CSS pixels: big enough to hit with a thumb beside its words
constexpr float kRingToWords = 10.0f;
constexpr float kGapBetween = 24.0f;    // side by side: between one option's words and the next ring
constexpr float kStackedGap = 10.0f;

}  // namespace

Choices::Choices(Ui& ui, Layout layout) : ui_(ui), layout_(layout), top_(ImGui::GetCursorPosY()) {}

Choices::~Choices() {
    ImGui::SetCursorPosY(top_ + line_height_);
    vertical_space(ui_, 4);
}

bool Choices::option(std::string_view id, std::string_view label, bool selected, bool enabled) {
    ImFont* font = ui_.fonts.body;
    const float ring = ui_.px(kRingDiameter);
    // The words wrap beside the ring when the column is narrower than they are (a phone).
    const float words_room = std::max(ui_.column_width() - ring - ui_.px(kRingToWords), ui_.px(60));
    const std::vector<std::string>& lines = ui_.bidi.lines(label, ui_.direction(), font, words_room);
    const auto width_of = [font](const std::string& line) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, line.data(), line.data() + line.size()).x;
    };
    float words_width = 0.0f;
    for (const std::string& line : lines) words_width = std::max(words_width, width_of(line));
    const float line_height = std::round(font->FontSize * theme::kLineHeight);
    const float height = std::max(ring, line_height * static_cast<float>(lines.size()));
    const float width = std::round(ring + ui_.px(kRingToWords) + words_width);

    if (used_ > 0.0f && (layout_ == Layout::Stacked || used_ + width > ui_.column_width())) {
        top_ += line_height_ + ui_.px(kStackedGap);
        used_ = 0.0f;
        line_height_ = 0.0f;
    }
    const bool left_to_right = ui_.direction() == Direction::LeftToRight;
    const float x = std::round(left_to_right ? ui_.column_left + used_ : ui_.column_right - used_ - width);
    ImGui::SetCursorPos(ImVec2(x, top_));
    used_ += width + ui_.px(kGapBetween);
    line_height_ = std::max(line_height_, height);

    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.data(), id.data() + id.size());
    // A click, or the mirror's activation (the keyboard's Enter or Space, a screen reader's tap).
    const bool activated = test_hook_take_activation(ui_.hook, id);
    const bool clicked = (ImGui::InvisibleButton("choice", ImVec2(width, height)) || activated) && enabled;
    ImGui::PopID();
    const bool hovered = enabled && ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    test_hook_record(ui_.hook, id, "radio", label, ImGui::IsItemActive(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                     {.disabled = !enabled, .checked = selected});
    const bool focused = shows_focus(ui_, id);

    // The ring on the start side, its words after it in reading order.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 color = enabled ? theme::kText : theme::kSecondaryText;
    const float ring_x = left_to_right ? at.x : at.x + width - ring;
    const ImVec2 centre(ring_x + ring / 2, at.y + std::max(ring, line_height) / 2);  // beside the first line
    if (focused) draw->AddCircleFilled(centre, ring / 2 + ui_.px(5), theme::kFocus);  // GOV.UK's focus: a yellow ring
    else if (hovered) draw->AddCircleFilled(centre, ring / 2 + ui_.px(4), theme::kLightGrey);  // GOV.UK's hover halo
    draw->AddCircleFilled(centre, ring / 2, enabled ? theme::kWhite : theme::kLightGrey);
    draw->AddCircle(centre, ring / 2 - ui_.px(1), color, 0, ui_.px(2));
    if (selected) draw->AddCircleFilled(centre, ring / 4, color);
    float words_y = at.y + std::round((std::max(ring, line_height) - font->FontSize) / 2);
    for (const std::string& line : lines) {  // each from the start side, after the ring
        const float words_x = left_to_right ? at.x + ring + ui_.px(kRingToWords) : at.x + words_width - width_of(line);
        draw->AddText(font, font->FontSize, ImVec2(words_x, words_y), color, line.data(), line.data() + line.size());
        words_y += line_height;
    }
    return clicked;
}

}  // namespace muamala::client
