// The HTML page around the canvas (web/index.html): what the browser itself shows, reads and keeps.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "client/text/i18n.h"

namespace muamala::client {

// The language chosen on an earlier visit (localStorage), else Arabic when the browser's first
// language is Arabic, else English.
Language page_preferred_language();
void page_remember_language(Language language);  // for the next visit; silently not when storage is refused
void page_set_language(Language language);       // <html lang dir>
void page_set_title(std::string_view title);     // document.title
void page_show_app();                            // hides the loading message: the canvas has drawn
void page_show_failure(const Phrase& message);   // replaces the loading message; the app cannot start

// The mouse pointer over the canvas, as a CSS cursor: ImGui's requests (text beam over fields, hand
// over links and buttons) are not passed on by Emscripten's GLFW.
void page_set_cursor(int imgui_mouse_cursor);

// A document to print (or save as PDF from the print dialogue): written into the page's #print
// element as plain HTML, shown only by the print style sheet, then window.print().
struct PrintedLine {
    std::string id;  // the hook id of the line on screen
    std::string key, value;
};
struct PrintedReceipt {
    Language language;
    std::string title;
    std::string number_label, number;
    std::vector<PrintedLine> lines;
    std::vector<std::string> qr_modules;
    std::string check_text, check_url;
};
void page_print(const PrintedReceipt& receipt);

}  // namespace muamala::client
