#include "client/page.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

namespace muamala::client {
namespace {

EM_JS(int, muamala_js_prefers_arabic, (), {
    const first = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    return first.toLowerCase().startsWith("ar") ? 1 : 0;
});

EM_JS(void, muamala_js_set_language, (const char* lang, const char* dir, const char* title), {
    document.documentElement.lang = UTF8ToString(lang);
    document.documentElement.dir = UTF8ToString(dir);
    document.title = UTF8ToString(title);
});

// #status is index.html's loading message, shown over the canvas until its first frame.
EM_JS(void, muamala_js_show_app, (), {
    document.getElementById("status").hidden = true;
});

// #failure holds index.html's generic message; the app's own replaces it.
EM_JS(void, muamala_js_show_failure, (const char* en, const char* ar), {
    const failure = document.getElementById("failure");
    const [english, arabic] = failure.getElementsByTagName("p");
    english.textContent = UTF8ToString(en);
    arabic.textContent = UTF8ToString(ar);
    document.getElementById("status").hidden = true;
    failure.hidden = false;
});

EM_JS(void, muamala_js_set_cursor, (const char* cursor), {
    document.getElementById("canvas").style.cursor = UTF8ToString(cursor);
});

}  // namespace

Language page_preferred_language() { return muamala_js_prefers_arabic() ? Language::Arabic : Language::English; }

void page_set_language(Language language) {
    const bool arabic = language == Language::Arabic;
    muamala_js_set_language(arabic ? "ar" : "en", arabic ? "rtl" : "ltr", pick(strings::title, language).c_str());
}

void page_show_app() { muamala_js_show_app(); }

void page_show_failure(const Text& message) { muamala_js_show_failure(message.en.c_str(), message.ar.c_str()); }

void page_set_cursor(int imgui_mouse_cursor) {
    const char* cursor = "default";
    switch (imgui_mouse_cursor) {
        case ImGuiMouseCursor_TextInput: cursor = "text"; break;
        case ImGuiMouseCursor_Hand: cursor = "pointer"; break;
        case ImGuiMouseCursor_NotAllowed: cursor = "not-allowed"; break;
        default: break;
    }
    muamala_js_set_cursor(cursor);
}

}  // namespace muamala::client
