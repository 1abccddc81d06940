// Choices among a few options, after GOV.UK's radios: a ring before each option's words, filled
// for the one chosen. Drawn like widgets.h's (start-aligned in the UI's direction, text through
// BidiText) and recorded in the test hook as kind "radio", the option's words as its text.
#pragma once
#include <string_view>

#include "client/widgets/widgets.h"

namespace muamala::client {

// Options stacked one under the other, or side by side wrapping to a new line when the next does
// not fit (short options: days, times). The layout continues below the group once it is destroyed.
class Choices {
public:
    enum class Layout { Stacked, SideBySide };
    Choices(Ui& ui, Layout layout);
    Choices(const Choices&) = delete;
    Choices& operator=(const Choices&) = delete;
    ~Choices();
    // Returns true when the option was clicked. A disabled option is drawn grey and cannot be chosen
    // (a time fully booked): its words should say why.
    bool option(std::string_view id, std::string_view label, bool selected, bool enabled = true);

private:
    Ui& ui_;
    Layout layout_;
    float top_;          // window y of the current line
    float used_ = 0.0f;  // width taken on the current line, from the start edge
    float line_height_ = 0.0f;
};

}  // namespace muamala::client
