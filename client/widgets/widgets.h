// The widgets the screens are made of, on top of ImGui, after the GOV.UK Design System. Each one:
//   - aligns to the start of the current column: the left in English, the right in Arabic;
//   - draws its text through BidiText (shaped, reordered, wrapped in logical order);
//   - records itself in the test hook under a stable id, which the DOM mirror reads (mirror.h): a
//     screen reader hears it, the keyboard reaches it, and a mirrored click or edit acts on it;
//   - draws GOV.UK's focus style when the keyboard's focus is on it.
// A widget of a screen's own that calls test_hook_record() is mirrored too (mirror.cpp says how).
// Sizes are given in CSS pixels and scaled by the pixel ratio here. Layout flows down the window;
// a Row places cells side by side, a Block frames what is drawn inside it.
//
// [SECTION] Frame context
// [SECTION] Text
// [SECTION] Actions
// [SECTION] Fields
// [SECTION] Layout: rows, blocks
// [SECTION] Pictures
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "client/platform/test_hook.h"
#include "client/text/bidi_text.h"
#include "client/text/fonts.h"
#include "client/text/i18n.h"
#include "client/widgets/theme.h"

namespace muamala::client {

// [SECTION] Frame context -------------------------------------------------------------------------

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
    float css_column_width() const { return column_width() / pixel_ratio; }
};

enum class Side { Start, End };  // of the column, in reading order

void vertical_space(Ui& ui, float css_pixels);

// The keyboard's focus is on `id` (mirror.h): its widget draws GOV.UK's focus style, and says so.
// For widgets of other files too.
bool shows_focus(Ui& ui, std::string_view id);

// [SECTION] Text ----------------------------------------------------------------------------------

// Text wrapped to the column in the UI's direction. `text` is drawn as given: pass server and core
// messages through for_display() first.
void paragraph(Ui& ui, std::string_view id, std::string_view text, ImFont* font, ImU32 color, Side side = Side::Start);
inline void body_text(Ui& ui, std::string_view id, std::string_view text) { paragraph(ui, id, text, ui.fonts.body, theme::kText); }
inline void secondary_text(Ui& ui, std::string_view id, std::string_view text) {
    paragraph(ui, id, text, ui.fonts.body, theme::kSecondaryText);
}
void heading(Ui& ui, std::string_view id, std::string_view text);     // the page's one h1, with room below
void subheading(Ui& ui, std::string_view id, std::string_view text);  // h2, with room below

// A GOV.UK tag: a short status in bold on a light background of its colour.
void tag(Ui& ui, std::string_view id, std::string_view text, const theme::TagColours& colours, Side side = Side::Start);

// [SECTION] Actions -------------------------------------------------------------------------------

// Underlined text that acts when clicked. `direction` is the text's own: a language's name is
// written in that language whatever the UI's.
bool link(Ui& ui, std::string_view id, std::string_view text, Direction direction, ImU32 color, Side side);
inline bool link(Ui& ui, std::string_view id, std::string_view text, Side side = Side::Start) {
    return link(ui, id, text, ui.direction(), theme::kLink, side);
}
// GOV.UK's back link: a chevron pointing to the start side, then the words.
bool back_link(Ui& ui, std::string_view id, std::string_view text);

enum class ButtonStyle {
    Primary,    // green: the page's main action
    Secondary,  // grey: other actions
    Warning,    // red: an action with consequences
};

// Buttons side by side from the start of the column, wrapping to a new line when the next does
// not fit. A single button is a group of one (button() below).
class ButtonGroup {
public:
    explicit ButtonGroup(Ui& ui);
    ButtonGroup(const ButtonGroup&) = delete;
    ButtonGroup& operator=(const ButtonGroup&) = delete;
    ~ButtonGroup();  // moves the layout below the group
    bool button(std::string_view id, std::string_view label, ButtonStyle style, bool enabled = true);

private:
    Ui& ui_;
    float top_;          // window y of the current line of buttons
    float used_ = 0.0f;  // width taken on the current line, from the start edge
    float line_height_ = 0.0f;
};
bool button(Ui& ui, std::string_view id, std::string_view label, ButtonStyle style = ButtonStyle::Primary, bool enabled = true);

// [SECTION] Fields --------------------------------------------------------------------------------

enum class Keyboard {
    Text,
    Numeric,    // digits only: a civil ID, a code, a number of years
    Telephone,  // digits, + and spaces
};

struct FieldResult {
    bool edited = false;     // the text changed this frame
    bool submitted = false;  // Enter was pressed in the field
};

// A labelled one-line field, GOV.UK's form group: label, hint, error message, then the input. With
// an error the group gets a red bar on its start side and the input a thick red border. Hook ids:
// `id` (the input), id + "-label", id + "-hint", id + "-error".
struct FieldSpec {
    std::string_view id;
    std::string_view label;
    ImFont* label_font = nullptr;  // the body font, or the heading font when the label is the page's question
    std::string_view hint;         // "" for none
    std::string_view error;        // "" for none
    float width = 300.0f;          // CSS pixels, at most the column
    bool password = false;         // shown as dots
    bool take_focus = false;       // moves the keyboard focus into the input this frame
    Keyboard keyboard = Keyboard::Text;  // the on-screen keyboard a phone opens for it
    std::string_view autocomplete;       // what the browser may fill in: an HTML autocomplete token
                                         // ("username", "one-time-code", "tel"), "" for nothing
};
// `text` is the field's content, exactly as typed or pasted, of any length: the app never rewrites it.
FieldResult form_field(Ui& ui, const FieldSpec& spec, std::string& text);

// A turning ring followed by a message, while something is awaited. Draws every frame it is shown.
void progress_line(Ui& ui, std::string_view id, std::string_view text);

// [SECTION] Layout: rows, blocks ------------------------------------------------------------------

// Cells side by side, each a share of the column measured from its start edge (0 to 1), drawn one
// after the other from the row's top. The row ends below its tallest cell.
class Row {
public:
    explicit Row(Ui& ui);
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;
    ~Row();
    void cell(float from, float to);  // subsequent widgets draw in this cell until the next cell()

private:
    Ui& ui_;
    float outer_left_, outer_right_;
    float top_;
    float bottom_;
};

// A frame around what is drawn between its construction and end(), narrowing the column meanwhile.
enum class BlockStyle {
    Inset,      // a grey bar on the start side: GOV.UK's inset text, for notices
    ErrorBar,   // a red bar on the start side: a form group with an error
    Box,        // a thick border all round: GOV.UK's error summary (red)
    Card,       // a thin border, a grey title bar: GOV.UK's summary card
    Panel,      // a filled box with white text: GOV.UK's confirmation panel
    Highlight,  // a filled box with a border: the simulated bank's box
};
class Block {
public:
    // `min_height` (device pixels) stretches the block to line up with its neighbours; its height
    // without stretching goes to `*natural_height`, for the next frame's `min_height`.
    Block(Ui& ui, BlockStyle style, ImU32 color, float min_height = 0.0f, float* natural_height = nullptr);
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;
    ~Block();
    void end_title();  // Card: what was drawn so far is the title, drawn on the grey bar

private:
    Ui& ui_;
    BlockStyle style_;
    ImU32 color_;
    float outer_left_, outer_right_;
    float top_;
    float title_bottom_ = -1.0f;
    float min_height_;
    float* natural_height_;
    ImDrawListSplitter layers_;  // background under the content, drawn once its height is known
};

// A line across the column (between summary rows, under a section).
void rule(Ui& ui, ImU32 color = theme::kRule);

// [SECTION] Pictures ------------------------------------------------------------------------------

// A QR code from rows of '1' (dark) and '0' modules, with the 4-module quiet zone scanners need,
// `module_css` CSS pixels per module (rounded to whole device pixels, so every module is sharp).
void qr_code(Ui& ui, std::string_view id, const std::vector<std::string>& modules, float module_css, Side side = Side::Start);

}  // namespace muamala::client
