// The HTML page around the canvas (web/index.html): what the browser itself shows and reads.
#pragma once
#include "client/i18n.h"

namespace muamala::client {

Language page_preferred_language();          // Arabic when the browser's first language is Arabic
void page_set_language(Language language);   // <html lang dir> and the document title
void page_show_app();                        // hides the loading message: the canvas has drawn
void page_show_failure(const Text& message); // replaces the loading message; the app cannot start

// The mouse pointer over the canvas, as a CSS cursor: ImGui's requests (text beam over fields, hand
// over links and buttons) are not passed on by Emscripten's GLFW.
void page_set_cursor(int imgui_mouse_cursor);

}  // namespace muamala::client
