#include "client/test_hook.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include "common/wire.h"

namespace muamala::client {
namespace {

EM_JS(void, muamala_js_publish_test_state, (const char* json), {
    window.muamalaTest = JSON.parse(UTF8ToString(json));
});

}  // namespace

void test_hook_begin_frame(TestHook& hook) {
    hook.items.clear();
    ++hook.frame;
}

void test_hook_record(TestHook& hook, std::string_view id, std::string_view kind, std::string_view text, bool active,
                      const ImVec2& min, const ImVec2& max) {
    hook.items.push_back({std::string(id), std::string(kind), std::string(text), active, min.x, min.y, max.x, max.y});
}

void test_hook_publish(const TestHook& hook, const FrameState& frame) {
    const float pixel_ratio = frame.pixel_ratio;
    Json items = Json::array();
    for (const TestHook::Item& item : hook.items) {
        items.push_back({{"id", item.id},
                         {"kind", item.kind},
                         {"text", item.text},
                         {"active", item.active},
                         {"x", item.x0 / pixel_ratio},
                         {"y", item.y0 / pixel_ratio},
                         {"w", (item.x1 - item.x0) / pixel_ratio},
                         {"h", (item.y1 - item.y0) / pixel_ratio}});
    }
    const Json state{{"ready", true},
                     {"frame", hook.frame},
                     {"language", language_code(frame.language)},
                     {"screen", frame.screen},
                     {"busy", frame.busy},
                     {"items", std::move(items)}};
    muamala_js_publish_test_state(dump(state).c_str());
}

}  // namespace muamala::client
