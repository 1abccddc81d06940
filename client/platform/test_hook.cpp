#include "client/platform/test_hook.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <utility>

#include "common/wire.h"

namespace muamala::client {
namespace {

EM_JS(void, muamala_js_publish_test_state, (const char* json), {
    window.muamalaTest = JSON.parse(UTF8ToString(json));
});

bool take(std::string& request, std::string_view id) {
    if (id.empty() || request != id) return false;
    request.clear();
    return true;
}

}  // namespace

HookRegion::HookRegion(TestHook& hook, std::string_view id, std::string_view role)
    : hook_(hook), outer_(std::exchange(hook.region, std::string(id))), outer_role_(std::exchange(hook.region_role, std::string(role))) {}

HookRegion::~HookRegion() {
    hook_.region = std::move(outer_);
    hook_.region_role = std::move(outer_role_);
}

HookLandmark::HookLandmark(TestHook& hook, std::string_view role) : hook_(hook), outer_(std::exchange(hook.landmark, std::string(role))) {}

HookLandmark::~HookLandmark() { hook_.landmark = std::move(outer_); }

void test_hook_begin_frame(TestHook& hook) {
    hook.items.clear();
    hook.requests.focus_drawn = false;
    ++hook.frame;
}

void test_hook_record(TestHook& hook, std::string_view id, std::string_view kind, std::string_view text, bool active,
                      const ImVec2& min, const ImVec2& max, const ItemSemantics& semantics) {
    hook.items.push_back({std::string(id), std::string(kind), std::string(text), active, min.x, min.y, max.x, max.y, semantics,
                          hook.region, hook.region_role, hook.landmark});
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
                     {"focused", hook.requests.focused},
                     {"focus_ring", hook.requests.focus_drawn},
                     {"items", std::move(items)}};
    muamala_js_publish_test_state(dump(state).c_str());
}

bool test_hook_take_activation(TestHook& hook, std::string_view id) { return take(hook.requests.activate, id); }
bool test_hook_take_submit(TestHook& hook, std::string_view id) { return take(hook.requests.submit, id); }
bool test_hook_take_escape(TestHook& hook) { return std::exchange(hook.requests.escape, false); }

}  // namespace muamala::client
