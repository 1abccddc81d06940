// Colours and ImGui style, after the GOV.UK Design System (DESIGN.md takes its rules for forms and
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
inline constexpr ImU32 kBrand = IM_COL32(0x1d, 0x70, 0xb8, 0xff);        // the rule under the header
inline constexpr ImU32 kInsetBorder = IM_COL32(0xb1, 0xb4, 0xb6, 0xff);  // neutral notices
inline constexpr ImU32 kButton = IM_COL32(0x00, 0x70, 0x3c, 0xff);
inline constexpr ImU32 kButtonHovered = IM_COL32(0x00, 0x5a, 0x30, 0xff);
inline constexpr ImU32 kButtonShadow = IM_COL32(0x00, 0x2d, 0x18, 0xff);

// Content column and spacing, in CSS pixels.
inline constexpr float kColumnMaxWidth = 640.0f;
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
