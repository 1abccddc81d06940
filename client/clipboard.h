// Copy and paste between ImGui and the system clipboard. Emscripten's GLFW has no clipboard, and a
// page may only read the clipboard inside a paste event, so:
//   paste: the browser's `paste` event types its text into the focused ImGui field;
//   copy:  ImGui's copy (Ctrl+C in a field) writes through navigator.clipboard;
//   select all: Ctrl+A is ImGui's alone (the page's own text is not selected with it).
#pragma once

namespace muamala::client {

void install_clipboard_bridge();  // after ImGui_ImplGlfw_InitForOpenGL(), which installs its own no-op hooks

}  // namespace muamala::client
