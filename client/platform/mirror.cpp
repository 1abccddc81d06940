#include "client/platform/mirror.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID

#include <cmath>
#include <string>

#include "client/app/app.h"
#include "client/widgets/theme.h"
#include "common/wire.h"

namespace muamala::client {
namespace {

// What web/mirror.js sends (muamala_mirror_event below). Keep in step with `Request` there.
enum class Request { Activate = 0, Focus = 1, Edit = 2, Submit = 3, Escape = 4 };

// mirror.js is a plain script (web/), loaded before this glue; it gets three ways back into the
// app. Strings cross as UTF-8 copies in the heap, freed once the call returns.
//
// The keyboard belongs to the DOM: Emscripten's GLFW listens for keys on the whole window, so a
// letter typed into a mirrored <input> would otherwise reach ImGui a second time, and Tab would
// move ImGui's own focus as well as the browser's.
EM_JS(void, muamala_js_connect_mirror, (void* app), {
    window.removeEventListener("keydown", GLFW.onKeydown, true);
    window.removeEventListener("keypress", GLFW.onKeyPress, true);
    window.removeEventListener("keyup", GLFW.onKeyup, true);
    const heapString = (text) => {
        const size = lengthBytesUTF8(text) + 1;
        const pointer = _malloc(size);
        stringToUTF8(text, pointer, size);
        return pointer;
    };
    window.muamalaMirror.connect({
        send: (request, id, text, a, b) => {
            const heapId = heapString(id), heapText = heapString(text);
            _muamala_mirror_event(app, request, heapId, heapText, a, b);
            _free(heapId);
            _free(heapText);
        },
        scroll: (devicePixels) => _muamala_mirror_scroll(app, devicePixels),
        point: (x, y) => _muamala_mirror_point(app, x, y),
    });
});

EM_JS(void, muamala_js_update_mirror, (const char* json), {
    window.muamalaMirror.update(JSON.parse(UTF8ToString(json)));
});

const TestHook::Item* find_item(const TestHook& hook, std::string_view id) {
    for (const TestHook::Item& item : hook.items)
        if (item.id == id) return &item;
    return nullptr;
}

float css(float device_pixels, float pixel_ratio) { return std::round(device_pixels / pixel_ratio * 8.0f) / 8.0f; }

}  // namespace

void install_mirror(App& app) { muamala_js_connect_mirror(&app); }

void mirror_end_frame(App& app) {
    TestHook& hook = app.test_hook;
    TestHook::Requests& requests = hook.requests;
    // A widget of a kind this file does not know (a screen's own) took no activation: click it, as
    // the mouse would have. Only when it is in the window; otherwise the focus brought it there.
    if (!requests.activate.empty()) {
        const TestHook::Item* item = find_item(hook, requests.activate);
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        if (item && item->y0 >= 0 && item->y1 <= display.y) {
            ImGuiIO& io = ImGui::GetIO();
            io.AddMousePosEvent((item->x0 + item->x1) / 2, (item->y0 + item->y1) / 2);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        requests.activate.clear();
    }
    // A field of a kind this file does not know (a screen's own ImGui::InputText) took no edit:
    // type it in as the keyboard would have: a click makes it active, Ctrl+A and the text replace
    // what it held, Enter submits. The caret is not followed there; form_field's is.
    ImGuiIO& io = ImGui::GetIO();
    const TestHook::Item* focused = find_item(hook, requests.focused);
    const bool in_field = focused && focused->kind == "input";
    if (in_field && (requests.edit.fresh || requests.submit == requests.focused)) {
        if (!io.WantTextInput) {
            io.AddMousePosEvent((focused->x0 + focused->x1) / 2, (focused->y0 + focused->y1) / 2);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        const auto press = [&io](ImGuiKey key) {
            io.AddKeyEvent(key, true);
            io.AddKeyEvent(key, false);
        };
        if (requests.edit.fresh) {
            io.AddKeyEvent(ImGuiMod_Ctrl, true);
            press(ImGuiKey_A);
            io.AddKeyEvent(ImGuiMod_Ctrl, false);
            if (requests.edit.text.empty()) press(ImGuiKey_Delete);
            else io.AddInputCharactersUTF8(requests.edit.text.c_str());
        }
        if (requests.submit == requests.focused) press(ImGuiKey_Enter);
    }
    requests.edit.fresh = false;
    requests.unfocused_edits.clear();  // for fields no longer drawn
    // The focus left the fields: no ImGui field stays active (form_field sees to its own).
    if (io.WantTextInput && !in_field) ImGui::ClearActiveID();
    requests.submit.clear();   // for a field no longer drawn
    requests.escape = false;   // on a page without a Back
    if (requests.focus_visible && !requests.focus_drawn)
        if (const TestHook::Item* item = find_item(hook, requests.focused)) {
            // GOV.UK's focus, drawn round what the widget drew: a yellow ring, a black bar beneath.
            const float ratio = app.canvas.pixel_ratio, ring = std::round(3 * ratio), bar = std::round(4 * ratio);
            ImDrawList* draw = ImGui::GetForegroundDrawList();
            draw->AddRect(ImVec2(item->x0 - ring / 2, item->y0 - ring / 2), ImVec2(item->x1 + ring / 2, item->y1 + ring / 2), theme::kFocus, 0.0f, 0,
                          ring);
            draw->AddRectFilled(ImVec2(item->x0, item->y1 - bar), ImVec2(item->x1, item->y1), theme::kText);
            requests.focus_drawn = true;
        }
}

void mirror_publish(TestHook& hook, const FrameState& frame) {
    const float ratio = frame.pixel_ratio;
    Json items = Json::array();
    for (const TestHook::Item& item : hook.items) {
        Json entry{{"id", item.id},
                   {"kind", item.kind},
                   {"text", item.text},
                   {"x", css(item.x0, ratio)},
                   {"y", css(item.y0, ratio)},
                   {"w", css(item.x1 - item.x0, ratio)},
                   {"h", css(item.y1 - item.y0, ratio)}};
        const ItemSemantics& semantics = item.semantics;
        if (semantics.heading_level > 0) entry["level"] = semantics.heading_level;
        if (semantics.disabled) entry["disabled"] = true;
        if (semantics.invalid) entry["invalid"] = true;
        if (semantics.secret) entry["secret"] = true;
        if (semantics.checked) entry["checked"] = *semantics.checked;
        if (item.kind == "input") entry["value"] = semantics.secret ? semantics.value : item.text;
        if (!semantics.input_mode.empty()) entry["inputmode"] = semantics.input_mode;
        if (!semantics.autocomplete.empty()) entry["autocomplete"] = semantics.autocomplete;
        if (!item.landmark.empty()) entry["landmark"] = item.landmark;
        if (!item.region.empty()) {
            entry["region"] = item.region;
            entry["role"] = item.region_role;
        }
        items.push_back(std::move(entry));
    }
    Json update{{"lang", language_code(frame.language)}, {"screen", frame.screen}, {"items", std::move(items)}};
    if (!hook.requests.want_focus.empty()) update["focus"] = std::exchange(hook.requests.want_focus, std::string());
    std::string json = dump(update);
    if (json == hook.mirror_sent) return;
    muamala_js_update_mirror(json.c_str());
    hook.mirror_sent = std::move(json);
}

}  // namespace muamala::client

// [SECTION] From web/mirror.js ----------------------------------------------------------------------
// Each asks for a frame: what it changes is drawn by the widgets it names.

extern "C" EMSCRIPTEN_KEEPALIVE void muamala_mirror_event(void* app, int request, const char* id, const char* text, int a, int b) {
    using namespace muamala::client;
    App& the_app = *static_cast<App*>(app);
    TestHook::Requests& requests = the_app.test_hook.requests;
    switch (static_cast<Request>(request)) {
        case Request::Activate: requests.activate = id; break;
        case Request::Focus:
            if (requests.focused != id) {
                if (requests.edit.fresh) requests.unfocused_edits[requests.focused] = requests.edit.text;  // not yet taken
                requests.focused = id;
                requests.edit = {};
                // Back in a field whose text was not yet taken: it is the focused field's again.
                if (const auto unfocused = requests.unfocused_edits.find(requests.focused); unfocused != requests.unfocused_edits.end()) {
                    const int end = static_cast<int>(unfocused->second.size());
                    requests.edit = {unfocused->second, end, end, true};
                    requests.unfocused_edits.erase(unfocused);
                }
            }
            requests.focus_visible = a != 0;
            requests.reveal_focused = true;
            break;
        case Request::Edit:
            if (requests.focused == id) requests.edit = {text, a, b, true};
            else requests.unfocused_edits[id] = text;  // autofill, or a screen reader setting a value
            break;
        case Request::Submit: requests.submit = id; break;
        case Request::Escape: requests.escape = true; break;
    }
    the_app.redraw.request();
}

// A finger dragging the page: by this many device pixels, up when positive.
extern "C" EMSCRIPTEN_KEEPALIVE void muamala_mirror_scroll(void* app, float device_pixels) {
    using namespace muamala::client;
    App& the_app = *static_cast<App*>(app);
    the_app.test_hook.requests.scroll_by += device_pixels;
    the_app.redraw.request();
}

// The mouse over a mirrored element (which takes it from the canvas): ImGui still shows hover.
extern "C" EMSCRIPTEN_KEEPALIVE void muamala_mirror_point(void* app, float x, float y) {
    using namespace muamala::client;
    ImGui::GetIO().AddMousePosEvent(x, y);
    static_cast<App*>(app)->redraw.request();
}
