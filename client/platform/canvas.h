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

// Moves the mouse wheel's listener from the document (where ImGui's GLFW backend puts it) to the
// canvas. Chromium treats wheel listeners on the document as passive, so the backend's
// preventDefault() is refused with a console error on every turn of the wheel; on the canvas it is
// honoured; and over the DOM mirror that covers the canvas. Call after ImGui_ImplGlfw_InitForOpenGL().
void take_wheel_on_canvas();

}  // namespace muamala::client
