#include "client/platform/page.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include "common/wire.h"

namespace muamala::client {
namespace {

constexpr const char* kLanguageKey = "muamala.language";

// 1 Arabic, 0 English, -1 nothing remembered. Storage may be refused (private modes, policies).
EM_JS(int, muamala_js_stored_language, (const char* key), {
    try {
        const stored = localStorage.getItem(UTF8ToString(key));
        return stored === "ar" ? 1 : stored === "en" ? 0 : -1;
    } catch (error) {
        return -1;
    }
});

EM_JS(void, muamala_js_store_language, (const char* key, const char* code), {
    try {
        localStorage.setItem(UTF8ToString(key), UTF8ToString(code));
    } catch (error) {
        // Not remembered: the next visit starts from the browser's language.
    }
});

EM_JS(int, muamala_js_prefers_arabic, (), {
    const first = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    return first.toLowerCase().startsWith("ar") ? 1 : 0;
});

EM_JS(void, muamala_js_set_language, (const char* lang, const char* dir), {
    document.documentElement.lang = UTF8ToString(lang);
    document.documentElement.dir = UTF8ToString(dir);
});

EM_JS(void, muamala_js_set_title, (const char* title), {
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

// Builds the printable copy with textContent and DOM calls only: nothing from the server is ever
// parsed as HTML. The QR code is an SVG path of its dark modules, with the 4-module quiet zone.
EM_JS(void, muamala_js_print, (const char* json), {
    const receipt = JSON.parse(UTF8ToString(json));
    window.getSelection().removeAllRanges();  // a selection would print highlighted
    const root = document.getElementById("print");
    root.replaceChildren();
    root.lang = receipt.lang;
    root.dir = receipt.dir;
    const add = (parent, tag, text) => {
        const element = document.createElement(tag);
        if (text !== undefined) element.textContent = text;
        parent.appendChild(element);
        return element;
    };
    add(root, "h1", receipt.title);
    add(root, "p", receipt.number_label + " " + receipt.number).className = "number";
    const list = add(root, "dl");
    for (const line of receipt.lines) {
        add(list, "dt", line.key);
        add(list, "dd", line.value);
    }
    const svg_ns = "http://www.w3.org/2000/svg";
    const size = receipt.qr.length + 8;
    const svg = document.createElementNS(svg_ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("shape-rendering", "crispEdges");
    let path = "";
    receipt.qr.forEach((row, y) => {
        for (let x = 0; x < row.length; ++x)
            if (row[x] === "1") path += "M" + (x + 4) + " " + (y + 4) + "h1v1h-1z";
    });
    const dark = document.createElementNS(svg_ns, "path");
    dark.setAttribute("d", path);
    svg.appendChild(dark);
    root.appendChild(svg);
    add(root, "p", receipt.check_text);
    add(root, "p", receipt.check_url).className = "url";
    window.print();
});

}  // namespace

Language page_preferred_language() {
    switch (muamala_js_stored_language(kLanguageKey)) {
        case 1: return Language::Arabic;
        case 0: return Language::English;
        default: return muamala_js_prefers_arabic() ? Language::Arabic : Language::English;
    }
}

void page_remember_language(Language language) {
    muamala_js_store_language(kLanguageKey, std::string(language_code(language)).c_str());
}

void page_set_language(Language language) {
    const bool arabic = language == Language::Arabic;
    muamala_js_set_language(arabic ? "ar" : "en", arabic ? "rtl" : "ltr");
}

void page_set_title(std::string_view title) { muamala_js_set_title(std::string(title).c_str()); }

void page_show_app() { muamala_js_show_app(); }

void page_show_failure(const Phrase& message) {
    muamala_js_show_failure(std::string(message.en).c_str(), std::string(message.ar).c_str());
}

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

void page_print(const PrintedReceipt& receipt) {
    const bool arabic = receipt.language == Language::Arabic;
    Json lines = Json::array();
    for (const PrintedLine& line : receipt.lines) lines.push_back({{"key", line.key}, {"value", line.value}});
    const Json json{{"lang", arabic ? "ar" : "en"},
                    {"dir", arabic ? "rtl" : "ltr"},
                    {"title", receipt.title},
                    {"number_label", receipt.number_label},
                    {"number", receipt.number},
                    {"lines", std::move(lines)},
                    {"qr", receipt.qr_modules},
                    {"check_text", receipt.check_text},
                    {"check_url", receipt.check_url}};
    muamala_js_print(dump(json).c_str());
}

}  // namespace muamala::client
