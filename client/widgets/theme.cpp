#include "client/widgets/theme.h"

namespace muamala::client::theme {

void apply_style(float pixel_ratio) {
    ImGuiStyle style;  // defaults, so scaling never compounds across pixel-ratio changes
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.FramePadding = ImVec2(8.0f, 7.0f);  // a 40 px field for 19 px text, as GOV.UK's inputs
    style.FrameBorderSize = 2.0f;
    style.FrameRounding = 0.0f;
    style.ItemSpacing = ImVec2(0, 0);  // the screen spaces its blocks itself
    style.ItemInnerSpacing = ImVec2(0, 0);
    style.ScrollbarSize = 12.0f;
    style.ScaleAllSizes(pixel_ratio);

    ImVec4* colors = style.Colors;
    const auto color = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
    colors[ImGuiCol_Text] = color(kText);
    colors[ImGuiCol_TextDisabled] = color(kSecondaryText);
    colors[ImGuiCol_WindowBg] = color(kWhite);
    colors[ImGuiCol_ChildBg] = color(kWhite);
    colors[ImGuiCol_Border] = color(kText);
    colors[ImGuiCol_FrameBg] = color(kWhite);
    colors[ImGuiCol_FrameBgHovered] = color(kWhite);
    colors[ImGuiCol_FrameBgActive] = color(kWhite);
    colors[ImGuiCol_Button] = color(kButton);
    colors[ImGuiCol_ButtonHovered] = color(kButtonHovered);
    colors[ImGuiCol_ButtonActive] = color(kButtonHovered);
    colors[ImGuiCol_TextSelectedBg] = color(IM_COL32(0xb4, 0xd5, 0xfe, 0xff));
    colors[ImGuiCol_NavHighlight] = color(kFocus);
    colors[ImGuiCol_ScrollbarBg] = color(kWhite);
    ImGui::GetStyle() = style;
}

}  // namespace muamala::client::theme
