#include "client/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <string>

#include "client/theme.h"

namespace muamala::client {
namespace {

constexpr float kBlockBorder = 5.0f;  // CSS pixels, GOV.UK's error summary and notification borders

// Window x of an item `width` wide placed at `side` of the column, in the UI's reading order.
float aligned_x(const Ui& ui, float width, Side side) {
    const bool at_left = (side == Side::Start) == (ui.direction() == Direction::LeftToRight);
    return at_left ? ui.column_left : ui.column_right - width;
}

float line_height(const Ui& ui, const ImFont* font) {
    return std::round(font->FontSize * (font == ui.fonts.heading ? theme::kHeadingLineHeight : theme::kLineHeight));
}

float text_width(const ImFont* font, const std::string& visual) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, visual.data(), visual.data() + visual.size()).x;
}

// Draws a line of visual text in a line box `height` tall whose top left is `at` (screen), the
// glyphs centred vertically. Returns the bottom of the glyph box, where an underline goes.
float draw_line_text(const ImFont* font, const std::string& visual, ImVec2 at, float height, ImU32 color) {
    const float top = at.y + std::round((height - font->FontSize) / 2);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(at.x, top), color, visual.data(), visual.data() + visual.size());
    return top + font->FontSize;
}

// A line of visual text as an item one line box tall.
void text_line(const Ui& ui, const ImFont* font, const std::string& visual, float x, ImU32 color) {
    const float height = line_height(ui, font);
    ImGui::SetCursorPosX(x);
    draw_line_text(font, visual, ImGui::GetCursorScreenPos(), height, color);
    ImGui::Dummy(ImVec2(text_width(font, visual), height));
}

void record_last_item(Ui& ui, std::string_view id, std::string_view kind, std::string_view text) {
    test_hook_record(ui.hook, id, kind, text, ImGui::IsItemActive(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// ImGui identifies widgets by label; "###id" keeps the identity (focus, activity) when the label
// changes language.
std::string imgui_label(std::string_view visible, std::string_view id) {
    std::string label(visible);
    label += "###";
    label += id;
    return label;
}

}  // namespace

void vertical_space(Ui& ui, float css_pixels) { ImGui::Dummy(ImVec2(0.0f, ui.px(css_pixels))); }

void paragraph(Ui& ui, std::string_view id, std::string_view text, ImFont* font, ImU32 color) {
    ImVec2 min(FLT_MAX, FLT_MAX), max(-FLT_MAX, -FLT_MAX);
    for (const std::string& line : ui.bidi.lines(text, ui.direction(), font, ui.column_width())) {
        text_line(ui, font, line, aligned_x(ui, text_width(font, line), Side::Start), color);
        const ImVec2 line_min = ImGui::GetItemRectMin(), line_max = ImGui::GetItemRectMax();
        min = ImVec2(std::min(min.x, line_min.x), std::min(min.y, line_min.y));
        max = ImVec2(std::max(max.x, line_max.x), std::max(max.y, line_max.y));
    }
    test_hook_record(ui.hook, id, "text", text, false, min, max);
}

bool link(Ui& ui, std::string_view id, std::string_view text, Direction direction, ImU32 color, Side side) {
    ImFont* font = ui.fonts.body;
    bool clicked = false;
    ImVec2 min(FLT_MAX, FLT_MAX), max(-FLT_MAX, -FLT_MAX);
    ImGui::PushID(id.data(), id.data() + id.size());
    int line_index = 0;
    for (const std::string& visual : ui.bidi.lines(text, direction, font, ui.column_width())) {
        const ImVec2 size(std::max(text_width(font, visual), 1.0f), line_height(ui, font));
        ImGui::SetCursorPosX(aligned_x(ui, size.x, side));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushID(line_index++);
        clicked |= ImGui::InvisibleButton("line", size);
        ImGui::PopID();
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

        const float underline_y = draw_line_text(font, visual, at, size.y, color) + ui.px(1);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, underline_y), ImVec2(at.x + size.x, underline_y), color,
                                            ui.px(hovered ? 3 : 1));  // GOV.UK thickens it on hover
        min = ImVec2(std::min(min.x, at.x), std::min(min.y, at.y));
        max = ImVec2(std::max(max.x, at.x + size.x), std::max(max.y, at.y + size.y));
    }
    ImGui::PopID();
    test_hook_record(ui.hook, id, "link", text, false, min, max);
    return clicked;
}

bool primary_button(Ui& ui, std::string_view id, std::string_view label, bool enabled) {
    ImFont* font = ui.fonts.body;
    const std::string& visual = ui.bidi.line(label, ui.direction(), font);
    const ImVec2 padding(ui.px(14), ui.px(6));
    const ImVec2 size(text_width(font, visual) + 2 * padding.x, font->FontSize + 2 * padding.y);
    ImGui::SetCursorPosX(aligned_x(ui, size.x, Side::Start));

    ImGui::PushFont(font);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWhite);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(imgui_label(visual, id).c_str(), size);
    ImGui::EndDisabled();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PopFont();
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    record_last_item(ui, id, "button", label);

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x, max.y), ImVec2(max.x, max.y + ui.px(2)),
                                              enabled ? theme::kButtonShadow : theme::kInsetBorder);
    vertical_space(ui, 2);  // the base line's room
    return pressed && enabled;
}

FieldResult text_field(Ui& ui, std::string_view id, char* buffer, size_t buffer_size, float width, bool error, bool take_focus) {
    const float field_width = std::min(ui.px(width), ui.column_width());
    ImGui::SetCursorPosX(aligned_x(ui, field_width, Side::Start));
    ImGui::PushFont(ui.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Border, error ? theme::kError : theme::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ui.px(error ? 4 : 2));
    ImGui::SetNextItemWidth(field_width);
    if (take_focus) ImGui::SetKeyboardFocusHere();
    FieldResult result;
    result.submitted = ImGui::InputText(imgui_label("", id).c_str(), buffer, buffer_size, ImGuiInputTextFlags_EnterReturnsTrue);
    result.edited = ImGui::IsItemEdited();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (ImGui::IsItemActive()) {  // GOV.UK's focus: a yellow ring outside the field's own border
        const float ring = ui.px(3);
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - ring / 2, min.y - ring / 2), ImVec2(max.x + ring / 2, max.y + ring / 2),
                                            theme::kFocus, 0.0f, 0, ring);
    }
    record_last_item(ui, id, "input", buffer);
    return result;
}

void progress_line(Ui& ui, std::string_view id, std::string_view text) {
    ImFont* font = ui.fonts.body;
    const std::string& visual = ui.bidi.line(text, ui.direction(), font);
    const float height = line_height(ui, font);
    const float ring = std::round(font->FontSize * 0.8f);
    const float gap = ui.px(10);
    const float width = ring + gap + text_width(font, visual);
    const float x = aligned_x(ui, width, Side::Start);
    const bool ring_at_left = ui.direction() == Direction::LeftToRight;

    ImGui::SetCursorPosX(x);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    record_last_item(ui, id, "text", text);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(at.x + (ring_at_left ? ring / 2 : width - ring / 2), at.y + height / 2);
    const float turn = static_cast<float>(ImGui::GetTime()) * 2.0f * std::numbers::pi_v<float>;  // a turn a second
    draw->PathArcTo(centre, ring / 2 - ui.px(1.5f), turn, turn + 1.5f * std::numbers::pi_v<float>, 24);
    draw->PathStroke(theme::kSecondaryText, 0, ui.px(3));
    draw_line_text(font, visual, ImVec2(ring_at_left ? at.x + ring + gap : at.x, at.y), height, theme::kText);
}

Block begin_block(Ui& ui, BlockStyle style) {
    const Block block{style, ui.column_left, ui.column_right, ImGui::GetCursorScreenPos().y};
    const float border = ui.px(kBlockBorder);
    const float padding = ui.px(style == BlockStyle::Inset ? 15 : 20);
    if (style == BlockStyle::Box) {
        ui.column_left += border + padding;
        ui.column_right -= border + padding;
    } else if (ui.direction() == Direction::LeftToRight) {
        ui.column_left += border + padding;
    } else {
        ui.column_right -= border + padding;
    }
    vertical_space(ui, style == BlockStyle::Box ? 25 : 10);
    return block;
}

void end_block(Ui& ui, const Block& block, ImU32 color) {
    vertical_space(ui, block.style == BlockStyle::Box ? 25 : 10);
    ui.column_left = block.outer_left;
    ui.column_right = block.outer_right;
    const float left = ImGui::GetWindowPos().x + block.outer_left;
    const float right = ImGui::GetWindowPos().x + block.outer_right;
    const float bottom = ImGui::GetCursorScreenPos().y;
    const float border = ui.px(kBlockBorder);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (block.style == BlockStyle::Box) {
        draw->AddRect(ImVec2(left + border / 2, block.top + border / 2), ImVec2(right - border / 2, bottom - border / 2), color, 0.0f, 0, border);
    } else if (ui.direction() == Direction::LeftToRight) {
        draw->AddRectFilled(ImVec2(left, block.top), ImVec2(left + border, bottom), color);
    } else {
        draw->AddRectFilled(ImVec2(right - border, block.top), ImVec2(right, bottom), color);
    }
}

}  // namespace muamala::client
