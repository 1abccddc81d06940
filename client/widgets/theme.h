// Colours and ImGui style, after the GOV.UK Design System (docs/design.md takes its rules for forms and
// errors): black text on white, green primary button, red errors, yellow focus.
#pragma once
#include <imgui.h>

namespace muamala::client::theme {

inline constexpr ImU32 kText = IM_COL32(0x0b, 0x0c, 0x0c, 0xff);
inline constexpr ImU32 kSecondaryText = IM_COL32(0x50, 0x5a, 0x5f, 0xff);
inline constexpr ImU32 kWhite = IM_COL32(0xff, 0xff, 0xff, 0xff);
inline constexpr ImU32 kError = IM_COL32(0xd4, 0x35, 0x1c, 0xff);
inline constexpr ImU32 kSuccess = IM_COL32(0x00, 0x70, 0x3c, 0xff);
inline constexpr ImU32 kFocus = IM_COL32(0xff, 0xdd, 0x00, 0xff);
inline constexpr ImU32 kLink = IM_COL32(0x1d, 0x70, 0xb8, 0xff);
inline constexpr ImU32 kBrand = IM_COL32(0x1d, 0x70, 0xb8, 0xff);        // the rule under the header
inline constexpr ImU32 kInsetBorder = IM_COL32(0xb1, 0xb4, 0xb6, 0xff);  // neutral notices, card borders
inline constexpr ImU32 kRule = IM_COL32(0xb1, 0xb4, 0xb6, 0xff);         // lines between summary rows
inline constexpr ImU32 kLightGrey = IM_COL32(0xf3, 0xf2, 0xf1, 0xff);    // card title bars, the phase banner
inline constexpr ImU32 kButton = IM_COL32(0x00, 0x70, 0x3c, 0xff);
inline constexpr ImU32 kButtonHovered = IM_COL32(0x00, 0x5a, 0x30, 0xff);
inline constexpr ImU32 kButtonShadow = IM_COL32(0x00, 0x2d, 0x18, 0xff);
inline constexpr ImU32 kSecondaryButton = IM_COL32(0xf3, 0xf2, 0xf1, 0xff);
inline constexpr ImU32 kSecondaryButtonHovered = IM_COL32(0xdb, 0xda, 0xd9, 0xff);
inline constexpr ImU32 kSecondaryButtonShadow = IM_COL32(0x92, 0x95, 0x91, 0xff);
inline constexpr ImU32 kWarningButton = IM_COL32(0xd4, 0x35, 0x1c, 0xff);
inline constexpr ImU32 kWarningButtonHovered = IM_COL32(0xaa, 0x2a, 0x16, 0xff);
inline constexpr ImU32 kWarningButtonShadow = IM_COL32(0x55, 0x15, 0x0b, 0xff);
inline constexpr ImU32 kTestGateway = IM_COL32(0xff, 0xf7, 0xbf, 0xff);  // the simulated bank's box: not the service's own white

// Tags (GOV.UK's status labels): a light background with dark text of the same hue.
struct TagColours {
    ImU32 background, text;
};
inline constexpr TagColours kGreenTag{IM_COL32(0xcc, 0xe2, 0xd8, 0xff), IM_COL32(0x00, 0x5a, 0x30, 0xff)};
inline constexpr TagColours kYellowTag{IM_COL32(0xff, 0xf7, 0xbf, 0xff), IM_COL32(0x59, 0x4d, 0x00, 0xff)};
inline constexpr TagColours kRedTag{IM_COL32(0xf4, 0xcd, 0xc6, 0xff), IM_COL32(0x94, 0x25, 0x14, 0xff)};
inline constexpr TagColours kBlueTag{IM_COL32(0xbb, 0xd4, 0xea, 0xff), IM_COL32(0x0c, 0x2d, 0x4a, 0xff)};
inline constexpr TagColours kTestTag{IM_COL32(0x0b, 0x0c, 0x0c, 0xff), IM_COL32(0xff, 0xdd, 0x00, 0xff)};  // on the gateway's yellow

// Page width and spacing, in CSS pixels. Forms take the start-side two thirds of the page, as
// GOV.UK's: a line of text or a field wider than that is hard to follow.
inline constexpr float kPageMaxWidth = 960.0f;
inline constexpr float kFormMaxWidth = 640.0f;
inline constexpr float kPageMargin = 16.0f;
inline constexpr float kHeaderHeight = 56.0f;
inline constexpr float kHeaderRule = 8.0f;
// Line heights, times ImGui's font size, which spans Noto Sans's ascender to descender (1.36 em).
// Body text gets 1.6 em, the room Arabic needs for marks above and dots below; headings, short and
// large, 1.4 em.
inline constexpr float kLineHeight = 1.2f;
inline constexpr float kHeadingLineHeight = 1.0f;

// Replaces ImGui's style with the app's, sizes scaled to `pixel_ratio` (ImGui works in device pixels).
void apply_style(float pixel_ratio);

}  // namespace muamala::client::theme
