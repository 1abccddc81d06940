// Right-to-left and Arabic text for Dear ImGui, which draws code points left to right and knows
// nothing of either. GNU FriBidi does the work:
//   1. logical half of the Unicode bidi algorithm (embedding levels) and Arabic joining: letters are
//      replaced by the presentation forms that connect (U+FE70.., U+FB50..) and lam-alef ligatures;
//   2. line breaking, here, on the shaped text still in logical order (wrapping a reordered line
//      would put the end of a sentence on its first line);
//   3. reordering each line into visual order, ready to draw left to right.
// Shaping is cached per string and layouts per (string, font, width): nothing is reshaped per frame.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace muamala::client {

enum class Direction { LeftToRight, RightToLeft };  // a paragraph's base direction

class BidiText {
public:
    // The visual lines of `logical` (UTF-8), wrapped at spaces to `wrap_width` pixels of `font`, and
    // inside a word only when it is wider than a line (0: never wrap; '\n' always breaks). Valid
    // until the next call to clear_layouts().
    const std::vector<std::string>& lines(std::string_view logical, Direction base, const ImFont* font, float wrap_width);

    // The one-line visual form of a short label (buttons, links).
    const std::string& line(std::string_view logical, Direction base, const ImFont* font);

    // Forget layouts (not shaping): call when the font atlas is rebuilt, since widths change.
    void clear_layouts();

private:
    struct Layout {
        const ImFont* font = nullptr;
        float wrap_width = -1.0f;
        std::vector<std::string> lines;
    };
    // FriBidi's own types, spelt out (bidi_text.cpp checks they are the same), so that this header,
    // and the App that holds a BidiText, compile without FriBidi: the app's logic is built and
    // tested natively too (tests/client/).
    struct Paragraph {
        std::vector<std::uint32_t> shaped;  // FriBidiChar: presentation forms, logical order
        std::vector<std::uint32_t> types;   // FriBidiCharType: bidi class of each original character
        std::vector<signed char> levels;    // FriBidiLevel: resolved embedding level of each character
        std::uint32_t base = 0;             // FriBidiParType: set with the paragraph
        Layout layout;                       // the last layout asked for; UIs ask for the same one again
    };
    Paragraph& paragraph(std::string_view logical, Direction base);

    std::map<std::string, Paragraph, std::less<>> paragraphs_[2];  // by Direction, then logical text
};

}  // namespace muamala::client
