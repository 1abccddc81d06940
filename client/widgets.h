// The few widgets the screens are made of, on top of ImGui. Each one:
//   - aligns to the start of the content column: the left in English, the right in Arabic;
//   - draws its text through BidiText (shaped, reordered, wrapped in logical order);
//   - records itself in the test hook under a stable id.
// Sizes are given in CSS pixels and scaled by the pixel ratio here.
#pragma once
#include <imgui.h>

#include <cstddef>
#include <string_view>

#include "client/bidi_text.h"
#include "client/fonts.h"
#include "client/i18n.h"
#include "client/test_hook.h"

namespace muamala::client {

// What every widget needs for one frame. Column edges are window coordinates in device pixels.
struct Ui {
    BidiText& bidi;
    TestHook& hook;
    const Fonts& fonts;
    Language language;
    float pixel_ratio;
    float column_left;
    float column_right;

    Direction direction() const { return language == Language::Arabic ? Direction::RightToLeft : Direction::LeftToRight; }
    float px(float css_pixels) const { return css_pixels * pixel_ratio; }
    float column_width() const { return column_right - column_left; }
};

enum class Side { Start, End };  // of the column, in reading order

void vertical_space(Ui& ui, float css_pixels);

// Text wrapped to the column in the UI's direction.
void paragraph(Ui& ui, std::string_view id, std::string_view text, ImFont* font, ImU32 color);

// Underlined text that acts when clicked (or Enter on keyboard focus). `direction` is the text's
// own: a language's name is written in that language whatever the UI's.
bool link(Ui& ui, std::string_view id, std::string_view text, Direction direction, ImU32 color, Side side);

// The page's main action: green, white label, a darker base line.
bool primary_button(Ui& ui, std::string_view id, std::string_view label, bool enabled);

struct FieldResult {
    bool edited = false;     // the text changed this frame
    bool submitted = false;  // Enter was pressed in the field
};
// A one-line text field `width` CSS pixels wide (at most the column), holding UTF-8 in `buffer`.
// `error` draws its border red and thick; `take_focus` moves the keyboard focus into it.
FieldResult text_field(Ui& ui, std::string_view id, char* buffer, size_t buffer_size, float width, bool error, bool take_focus);

// A turning ring followed by a message, while something is awaited. Draws every frame it is shown.
void progress_line(Ui& ui, std::string_view id, std::string_view text);

// A block that frames what is drawn between begin_block and end_block, narrowing ui's column
// meanwhile: a bar on the start side (GOV.UK's inset text, for notices) or a thick border all
// round (GOV.UK's error summary).
enum class BlockStyle { Inset, Box };
struct Block {
    BlockStyle style;
    float outer_left, outer_right;  // the column before narrowing
    float top;                      // screen y
};
Block begin_block(Ui& ui, BlockStyle style);
void end_block(Ui& ui, const Block& block, ImU32 color);

}  // namespace muamala::client
