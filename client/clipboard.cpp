#include "client/clipboard.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

namespace muamala::client {
namespace {

EM_JS(void, muamala_js_listen_for_paste, (), {
    // Ctrl+A selects a field's text in ImGui; left alone the browser would also select the page's
    // own text (the notices, the print copy), which then prints highlighted.
    document.addEventListener("keydown", (event) => {
        if ((event.ctrlKey || event.metaKey) && (event.key === "a" || event.key === "A")) event.preventDefault();
    });
    document.addEventListener("paste", (event) => {
        const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
        if (!text) return;
        event.preventDefault();
        const size = lengthBytesUTF8(text) + 1;
        const heap_text = _malloc(size);
        stringToUTF8(text, heap_text, size);
        _muamala_paste(heap_text);
        _free(heap_text);
    });
});

// Writing may be refused (no permission, page not focused); there is nothing useful to tell the
// person, and an unhandled rejection would be reported as a page error.
EM_JS(void, muamala_js_copy, (const char* text), {
    if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(() => {});
});

void set_clipboard_text(void*, const char* text) { muamala_js_copy(text); }

// ImGui asks for the clipboard when it sees Ctrl+V; the text comes through the paste event instead,
// so answering "empty" here keeps it from being pasted twice.
const char* get_clipboard_text(void*) { return nullptr; }

}  // namespace

void install_clipboard_bridge() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
    muamala_js_listen_for_paste();
}

}  // namespace muamala::client

// Goes to ImGui's input queue like typed characters; single-line fields drop the line breaks.
extern "C" EMSCRIPTEN_KEEPALIVE void muamala_paste(const char* text) { ImGui::GetIO().AddInputCharactersUTF8(text); }
