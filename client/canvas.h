// The canvas fills the window; its backing store follows the window's size times devicePixelRatio,
// so text is drawn at the screen's own resolution.
//
// ImGui therefore works in device pixels. The app scales its sizes by `pixel_ratio`, and converts
// back to CSS pixels only where the page needs them (the test hook).
#pragma once

namespace muamala::client {

struct Canvas {
    int width = 0, height = 0;  // backing store in device pixels
    float pixel_ratio = 0.0f;   // device pixels per CSS pixel (devicePixelRatio); 0 before the first size
};

// Resizes the backing store when the window's size or devicePixelRatio changed. Returns true then.
// Called every animation frame: browsers send no event when a window moves to a screen with another
// pixel ratio, and comparing two numbers costs nothing.
bool canvas_follow_window(Canvas& canvas);

}  // namespace muamala::client
