// The DOM mirror: the current screen as plain HTML over the canvas (web/mirror.js), kept in step
// with what the widgets record each frame (test_hook.h). It is what screen readers read, what the
// keyboard moves through (Tab order is drawing order, which is reading order in both directions),
// and what phones type into (a mirrored field is a real <input>: tapping it opens the on-screen
// keyboard, and whatever the keyboard or an IME produces arrives as the input's whole value).
//
// Where the focus lives: in the DOM. A mirrored element has the browser's focus; the widget it
// mirrors draws the focus ring (GOV.UK's yellow) and, for a field, is ImGui's active item, so its
// caret and selection are drawn where the <input>'s are. ImGui itself gets no key events at all:
// one focus, the one the screen reader follows.
//
// The elements are transparent and sit exactly over the widgets they mirror, so touch exploration
// by a phone's screen reader finds them where they are drawn, and mouse clicks and taps land on
// them: they act on the widget directly (a queued activation), never through pixels.
#pragma once

namespace muamala::client {

struct App;
struct FrameState;
struct TestHook;

// Connects web/mirror.js to this App and takes the keyboard away from ImGui's GLFW backend. Once,
// after ImGui_ImplGlfw_InitForOpenGL().
void install_mirror(App& app);

// After the screen is drawn, before ImGui::Render(): an activation no widget took becomes a click at
// the middle of its item; a focused item whose widget drew no focus style gets a plain ring.
void mirror_end_frame(App& app);

// After a drawn frame: sends the items to the mirror when they differ from the last ones sent.
void mirror_publish(TestHook& hook, const FrameState& frame);

}  // namespace muamala::client
