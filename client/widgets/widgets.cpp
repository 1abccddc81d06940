// [SECTION] Helpers
// [SECTION] Text
// [SECTION] Actions
// [SECTION] Fields
// [SECTION] Layout: rows, blocks
// [SECTION] Pictures
#include "client/widgets/widgets.h"

#include <imgui_internal.h>  // GetActiveID, ClearActiveID: a field is ImGui's active item while its mirror has the focus

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <optional>

namespace muamala::client {
namespace {

// [SECTION] Helpers -------------------------------------------------------------------------------

constexpr float kBlockBorder = 5.0f;  // CSS pixels: GOV.UK's error summary, inset and panel borders

// Window x of an item `width` wide placed at `side` of the column, in the UI's reading order.
float aligned_x(const Ui& ui, float width, Side side) {
    const bool at_left = (side == Side::Start) == (ui.direction() == Direction::LeftToRight);
    return std::round(at_left ? ui.column_left : ui.column_right - width);
}

bool is_heading_font(const Ui& ui, const ImFont* font) { return font == ui.fonts.heading || font == ui.fonts.subheading; }

float line_height(const Ui& ui, const ImFont* font) {
    return std::round(font->FontSize * (is_heading_font(ui, font) ? theme::kHeadingLineHeight : theme::kLineHeight));
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
    ImGui::Dummy(ImVec2(std::max(text_width(font, visual), 1.0f), height));
}

void record_last_item(Ui& ui, std::string_view id, std::string_view kind, std::string_view text, const ItemSemantics& semantics = {}) {
    test_hook_record(ui.hook, id, kind, text, ImGui::IsItemActive(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), semantics);
}

// ImGui identifies widgets by label; "###id" keeps the identity (focus, activity) when the label
// changes language.
std::string imgui_label(std::string_view visible, std::string_view id) {
    std::string label(visible);
    label += "###";
    label += id;
    return label;
}

std::string suffixed(std::string_view id, std::string_view suffix) {
    std::string out(id);
    out += suffix;
    return out;
}

// The window coordinates of the share [from, to] of the column, measured from its start edge.
std::pair<float, float> span_from_start(const Ui& ui, float from, float to) {
    const float width = ui.column_width();
    if (ui.direction() == Direction::LeftToRight)
        return {std::round(ui.column_left + width * from), std::round(ui.column_left + width * to)};
    return {std::round(ui.column_right - width * to), std::round(ui.column_right - width * from)};
}

struct ButtonColours {
    ImU32 face, hovered, shadow, text;
};
ButtonColours colours_of(ButtonStyle style) {
    switch (style) {
        case ButtonStyle::Primary: return {theme::kButton, theme::kButtonHovered, theme::kButtonShadow, theme::kWhite};
        case ButtonStyle::Secondary:
            return {theme::kSecondaryButton, theme::kSecondaryButtonHovered, theme::kSecondaryButtonShadow, theme::kText};
        case ButtonStyle::Warning:
            return {theme::kWarningButton, theme::kWarningButtonHovered, theme::kWarningButtonShadow, theme::kWhite};
    }
    return {};
}

// Text input into a std::string of any length (ImGui's own InputText wants a fixed buffer), and
// what was typed into the field's mirrored <input> (mirror.h): its whole text when it changed, and
// its caret and selection every frame, so ImGui draws them where typing goes.
struct FieldInput {
    std::string* text;
    TestHook::FieldEdit* edit;  // null unless the field has the focus
};
int field_callback(ImGuiInputTextCallbackData* data) {
    auto* input = static_cast<FieldInput*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        input->text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = input->text->data();
        return 0;
    }
    TestHook::FieldEdit* edit = input->edit;
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways || edit == nullptr) return 0;
    if (edit->fresh && std::string_view(data->Buf, static_cast<size_t>(data->BufTextLen)) != edit->text) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, edit->text.data(), edit->text.data() + edit->text.size());
    }
    edit->fresh = false;
    data->SelectionStart = std::clamp(edit->selection_start, 0, data->BufTextLen);
    data->SelectionEnd = data->CursorPos = std::clamp(edit->selection_end, 0, data->BufTextLen);
    return 0;
}

}  // namespace

bool shows_focus(Ui& ui, std::string_view id) {
    if (!ui.hook.requests.focus_visible || !test_hook_has_focus(ui.hook, id)) return false;
    ui.hook.requests.focus_drawn = true;
    return true;
}

void vertical_space(Ui& ui, float css_pixels) { ImGui::Dummy(ImVec2(0.0f, ui.px(css_pixels))); }

// [SECTION] Text ----------------------------------------------------------------------------------

void paragraph(Ui& ui, std::string_view id, std::string_view text, ImFont* font, ImU32 color, Side side) {
    ImVec2 min(FLT_MAX, FLT_MAX), max(-FLT_MAX, -FLT_MAX);
    for (const std::string& line : ui.bidi.lines(text, ui.direction(), font, ui.column_width())) {
        text_line(ui, font, line, aligned_x(ui, text_width(font, line), side), color);
        const ImVec2 line_min = ImGui::GetItemRectMin(), line_max = ImGui::GetItemRectMax();
        min = ImVec2(std::min(min.x, line_min.x), std::min(min.y, line_min.y));
        max = ImVec2(std::max(max.x, line_max.x), std::max(max.y, line_max.y));
    }
    test_hook_record(ui.hook, id, "text", text, false, min, max,
                     {.heading_level = font == ui.fonts.heading ? 1 : font == ui.fonts.subheading ? 2 : 0});
}

void heading(Ui& ui, std::string_view id, std::string_view text) {
    paragraph(ui, id, text, ui.fonts.heading, theme::kText);
    vertical_space(ui, 20);
}

void subheading(Ui& ui, std::string_view id, std::string_view text) {
    paragraph(ui, id, text, ui.fonts.subheading, theme::kText);
    vertical_space(ui, 12);
}

void tag(Ui& ui, std::string_view id, std::string_view text, const theme::TagColours& colours, Side side) {
    ImFont* font = ui.fonts.bold;
    const std::string& visual = ui.bidi.line(text, ui.direction(), font);
    const ImVec2 padding(ui.px(8), ui.px(2));
    const ImVec2 size(std::round(text_width(font, visual) + 2 * padding.x), line_height(ui, font) + 2 * padding.y);
    ImGui::SetCursorPosX(aligned_x(ui, size.x, side));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), colours.background);
    draw_line_text(font, visual, ImVec2(at.x + padding.x, at.y + padding.y), size.y - 2 * padding.y, colours.text);
    record_last_item(ui, id, "tag", text);
}

// [SECTION] Actions -------------------------------------------------------------------------------

bool link(Ui& ui, std::string_view id, std::string_view text, Direction direction, ImU32 color, Side side) {
    ImFont* font = ui.fonts.body;
    bool clicked = test_hook_take_activation(ui.hook, id);
    // GOV.UK's focused link: black text on yellow, a thick black bar for the underline.
    const bool focused = shows_focus(ui, id);
    if (focused) color = theme::kText;
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

        if (focused) ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), theme::kFocus);
        const float underline_y = draw_line_text(font, visual, at, size.y, color) + ui.px(1);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, underline_y), ImVec2(at.x + size.x, underline_y), color,
                                            ui.px(focused ? 4 : hovered ? 3 : 1));  // GOV.UK thickens it on hover
        min = ImVec2(std::min(min.x, at.x), std::min(min.y, at.y));
        max = ImVec2(std::max(max.x, at.x + size.x), std::max(max.y, at.y + size.y));
    }
    ImGui::PopID();
    test_hook_record(ui.hook, id, "link", text, false, min, max);
    return clicked;
}

bool back_link(Ui& ui, std::string_view id, std::string_view text) {
    // U+2039 is mirrored by FriBidi in a right-to-left paragraph: it points to the start either way.
    // Escape goes back too, from anywhere on the page but a field (mirror.js sends it).
    const bool clicked = link(ui, id, "\u2039 " + std::string(text), ui.direction(), theme::kText, Side::Start) ||
                         test_hook_take_escape(ui.hook);
    vertical_space(ui, 20);
    return clicked;
}

ButtonGroup::ButtonGroup(Ui& ui) : ui_(ui), top_(ImGui::GetCursorPosY()) {}

ButtonGroup::~ButtonGroup() {
    ImGui::SetCursorPosY(top_ + line_height_);
    vertical_space(ui_, 4);  // the base line's room
}

bool ButtonGroup::button(std::string_view id, std::string_view label, ButtonStyle style, bool enabled) {
    ImFont* font = ui_.fonts.body;
    const std::string& visual = ui_.bidi.line(label, ui_.direction(), font);
    const ImVec2 padding(ui_.px(14), ui_.px(8));
    const float gap = ui_.px(15);
    // A label wider than the column stays on one line: buttons are short by design.
    const ImVec2 size(std::round(text_width(font, visual) + 2 * padding.x), std::round(font->FontSize + 2 * padding.y));
    if (used_ > 0.0f && used_ + size.x > ui_.column_width()) {
        top_ += line_height_ + ui_.px(15);
        used_ = 0.0f;
        line_height_ = 0.0f;
    }
    const float x = ui_.direction() == Direction::LeftToRight ? ui_.column_left + used_ : ui_.column_right - used_ - size.x;
    ImGui::SetCursorPos(ImVec2(std::round(x), top_));
    used_ += size.x + gap;
    line_height_ = std::max(line_height_, size.y + ui_.px(2));

    // GOV.UK's focused button: yellow, black words, a black base line.
    const ButtonColours colours =
        shows_focus(ui_, id) ? ButtonColours{theme::kFocus, theme::kFocus, theme::kText, theme::kText} : colours_of(style);
    ImGui::PushFont(font);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.text);
    ImGui::PushStyleColor(ImGuiCol_Button, colours.face);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colours.hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colours.hovered);
    ImGui::BeginDisabled(!enabled);
    const bool activated = test_hook_take_activation(ui_.hook, id);  // taken whether or not the mouse pressed too
    const bool pressed = ImGui::Button(imgui_label(visual, id).c_str(), size) || activated;
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar(2);
    ImGui::PopFont();
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    record_last_item(ui_, id, "button", label, {.disabled = !enabled});

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x, max.y), ImVec2(max.x, max.y + ui_.px(2)),
                                              enabled ? colours.shadow : theme::kInsetBorder);
    return pressed && enabled;
}

bool button(Ui& ui, std::string_view id, std::string_view label, ButtonStyle style, bool enabled) {
    ButtonGroup group(ui);
    return group.button(id, label, style, enabled);
}

// [SECTION] Fields --------------------------------------------------------------------------------

FieldResult form_field(Ui& ui, const FieldSpec& spec, std::string& text) {
    const bool error = !spec.error.empty();
    // GOV.UK marks a group in error with a red bar on its start side, the group indented beside it.
    std::optional<Block> error_bar;
    if (error) error_bar.emplace(ui, BlockStyle::ErrorBar, theme::kError);

    paragraph(ui, suffixed(spec.id, "-label"), spec.label, spec.label_font ? spec.label_font : ui.fonts.body, theme::kText);
    vertical_space(ui, 5);
    if (!spec.hint.empty()) {
        paragraph(ui, suffixed(spec.id, "-hint"), spec.hint, ui.fonts.body, theme::kSecondaryText);
        vertical_space(ui, 5);
    }
    if (error) {
        paragraph(ui, suffixed(spec.id, "-error"), spec.error, ui.fonts.bold, theme::kError);
        vertical_space(ui, 5);
    }

    const float field_width = std::min(ui.px(spec.width), ui.column_width());
    ImGui::SetCursorPosX(aligned_x(ui, field_width, Side::Start));
    // The field follows its mirrored <input> (mirror.h): ImGui's active item while that has the
    // focus, so the caret shows; what is typed there replaces the text. Moving the focus here is
    // asked of the page, which then says the input has it.
    FieldResult result;
    TestHook::Requests& requests = ui.hook.requests;
    if (spec.take_focus) requests.want_focus = spec.id;
    const std::string label = imgui_label("", spec.id);
    const bool focused = test_hook_has_focus(ui.hook, spec.id);
    const bool active = ImGui::GetActiveID() == ImGui::GetID(label.c_str());
    if (focused && !active) {
        ImGui::SetKeyboardFocusHere();
        if (requests.edit.fresh && requests.edit.text != text) {  // typed before ImGui made it active
            text = requests.edit.text;
            result.edited = true;
        }
        requests.edit.fresh = false;
    }
    if (!focused && active) ImGui::ClearActiveID();
    if (const auto unfocused = requests.unfocused_edits.find(spec.id); unfocused != requests.unfocused_edits.end()) {
        if (!focused && unfocused->second != text) {
            text = unfocused->second;
            result.edited = true;
        }
        requests.unfocused_edits.erase(unfocused);
    }
    ImGui::PushFont(ui.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Border, error ? theme::kError : theme::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ui.px(error || focused ? 4 : 2));  // GOV.UK thickens a focused border
    ImGui::SetNextItemWidth(field_width);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways;
    if (spec.password) flags |= ImGuiInputTextFlags_Password;
    FieldInput input{&text, focused ? &requests.edit : nullptr};
    ImGui::InputText(label.c_str(), text.data(), text.capacity() + 1, flags, field_callback, &input);
    result.edited |= ImGui::IsItemEdited();
    result.submitted = test_hook_take_submit(ui.hook, spec.id);  // Enter, in the mirrored <input>
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (ImGui::IsItemActive() || shows_focus(ui, spec.id)) {  // GOV.UK's focus: a yellow ring outside the field's own border
        const float ring = ui.px(3);
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - ring / 2, min.y - ring / 2), ImVec2(max.x + ring / 2, max.y + ring / 2),
                                            theme::kFocus, 0.0f, 0, ring);
    }
    // A password's characters never reach the hook: a test reads how many there are. The mirror's
    // <input type=password> holds them, as any page's password field does.
    const char* input_mode = spec.keyboard == Keyboard::Numeric ? "numeric" : spec.keyboard == Keyboard::Telephone ? "tel" : "";
    record_last_item(ui, spec.id, "input", spec.password ? std::string(text.size(), '*') : text,
                     {.invalid = error,
                      .secret = spec.password,
                      .value = spec.password ? text : std::string(),
                      .input_mode = input_mode,
                      .autocomplete = std::string(spec.autocomplete)});
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
    record_last_item(ui, id, "progress", text);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(at.x + (ring_at_left ? ring / 2 : width - ring / 2), at.y + height / 2);
    const float turn = static_cast<float>(ImGui::GetTime()) * 2.0f * std::numbers::pi_v<float>;  // a turn a second
    draw->PathArcTo(centre, ring / 2 - ui.px(1.5f), turn, turn + 1.5f * std::numbers::pi_v<float>, 24);
    draw->PathStroke(theme::kSecondaryText, 0, ui.px(3));
    draw_line_text(font, visual, ImVec2(ring_at_left ? at.x + ring + gap : at.x, at.y), height, theme::kText);
}

// [SECTION] Layout: rows, blocks ------------------------------------------------------------------

Row::Row(Ui& ui)
    : ui_(ui), outer_left_(ui.column_left), outer_right_(ui.column_right), top_(ImGui::GetCursorPosY()), bottom_(top_) {}

Row::~Row() {
    bottom_ = std::max(bottom_, ImGui::GetCursorPosY());
    ui_.column_left = outer_left_;
    ui_.column_right = outer_right_;
    ImGui::SetCursorPosY(bottom_);
    ImGui::Dummy(ImVec2(0.0f, 0.0f));  // ImGui wants an item where the cursor moved to
}

void Row::cell(float from, float to) {
    bottom_ = std::max(bottom_, ImGui::GetCursorPosY());
    ui_.column_left = outer_left_;
    ui_.column_right = outer_right_;
    const auto [left, right] = span_from_start(ui_, from, to);
    ui_.column_left = left;
    ui_.column_right = right;
    ImGui::SetCursorPosY(top_);
}

namespace {

struct Insets {
    float start, end, top, bottom;  // CSS pixels inside the block's outer edges
};
Insets insets_of(BlockStyle style) {
    switch (style) {
        case BlockStyle::Inset: return {kBlockBorder + 15, 0, 10, 10};
        case BlockStyle::ErrorBar: return {kBlockBorder + 15, 0, 0, 0};
        case BlockStyle::Box: return {kBlockBorder + 20, kBlockBorder + 20, 20, 20};
        case BlockStyle::Card: return {20, 20, 15, 20};
        case BlockStyle::Panel: return {30, 30, 30, 30};
        case BlockStyle::Highlight: return {20, 20, 20, 20};
    }
    return {};
}

}  // namespace

Block::Block(Ui& ui, BlockStyle style, ImU32 color, float min_height, float* natural_height)
    : ui_(ui), style_(style), color_(color), outer_left_(ui.column_left), outer_right_(ui.column_right),
      top_(ImGui::GetCursorScreenPos().y), min_height_(min_height), natural_height_(natural_height) {
    layers_.Split(ImGui::GetWindowDrawList(), 2);
    layers_.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    const Insets insets = insets_of(style);
    const bool ltr = ui.direction() == Direction::LeftToRight;
    ui.column_left += ui.px(ltr ? insets.start : insets.end);
    ui.column_right -= ui.px(ltr ? insets.end : insets.start);
    vertical_space(ui, insets.top);
}

void Block::end_title() {
    vertical_space(ui_, 15);
    title_bottom_ = ImGui::GetCursorScreenPos().y;
    vertical_space(ui_, 20);
}

Block::~Block() {
    vertical_space(ui_, insets_of(style_).bottom);
    const float natural = ImGui::GetCursorScreenPos().y - top_;
    if (natural_height_) *natural_height_ = natural;
    if (natural < min_height_) ImGui::Dummy(ImVec2(0.0f, min_height_ - natural));
    ui_.column_left = outer_left_;
    ui_.column_right = outer_right_;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    layers_.SetCurrentChannel(draw, 0);  // under what was drawn inside

    const float left = ImGui::GetWindowPos().x + outer_left_, right = ImGui::GetWindowPos().x + outer_right_;
    const float top = top_, bottom = ImGui::GetCursorScreenPos().y;
    const float bar = ui_.px(kBlockBorder);
    const bool ltr = ui_.direction() == Direction::LeftToRight;
    switch (style_) {
        case BlockStyle::Inset:
        case BlockStyle::ErrorBar:
            if (ltr) draw->AddRectFilled(ImVec2(left, top), ImVec2(left + bar, bottom), color_);
            else draw->AddRectFilled(ImVec2(right - bar, top), ImVec2(right, bottom), color_);
            break;
        case BlockStyle::Box:
            draw->AddRect(ImVec2(left + bar / 2, top + bar / 2), ImVec2(right - bar / 2, bottom - bar / 2), color_, 0.0f, 0, bar);
            break;
        case BlockStyle::Card: {
            const float line = std::max(1.0f, std::round(ui_.px(1)));
            if (title_bottom_ > 0) draw->AddRectFilled(ImVec2(left, top), ImVec2(right, title_bottom_), theme::kLightGrey);
            draw->AddRect(ImVec2(left + line / 2, top + line / 2), ImVec2(right - line / 2, bottom - line / 2), color_, 0.0f, 0, line);
            break;
        }
        case BlockStyle::Panel: draw->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), color_); break;
        case BlockStyle::Highlight:
            draw->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), theme::kTestGateway);
            draw->AddRect(ImVec2(left, top), ImVec2(right, bottom), color_, 0.0f, 0, ui_.px(2));
            break;
    }
    layers_.Merge(draw);
}

void rule(Ui& ui, ImU32 color) {
    const float y = ImGui::GetCursorScreenPos().y;
    const float left = ImGui::GetWindowPos().x + ui.column_left, right = ImGui::GetWindowPos().x + ui.column_right;
    const float line = std::max(1.0f, std::round(ui.px(1)));
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left, y), ImVec2(right, y + line), color);
    ImGui::Dummy(ImVec2(0.0f, line));
}

// [SECTION] Pictures ------------------------------------------------------------------------------

void qr_code(Ui& ui, std::string_view id, const std::vector<std::string>& modules, float module_css, Side side) {
    constexpr int kQuietZone = 4;
    const float module = std::max(1.0f, std::round(ui.px(module_css)));
    const float size = module * static_cast<float>(modules.size() + 2 * kQuietZone);
    ImGui::SetCursorPosX(aligned_x(ui, size, side));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size, at.y + size), theme::kWhite);
    // Runs of dark modules along a row become one rectangle: a 33x33 code is ~300 quads, not ~600.
    for (size_t y = 0; y < modules.size(); ++y) {
        const std::string& row = modules[y];
        for (size_t x = 0; x < row.size();) {
            if (row[x] != '1') {
                ++x;
                continue;
            }
            size_t end = x;
            while (end < row.size() && row[end] == '1') ++end;
            const float x0 = at.x + module * static_cast<float>(x + kQuietZone);
            const float y0 = at.y + module * static_cast<float>(y + kQuietZone);
            draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + module * static_cast<float>(end - x), y0 + module), theme::kText);
            x = end;
        }
    }
    record_last_item(ui, id, "image", std::to_string(modules.size()));
}

}  // namespace muamala::client
