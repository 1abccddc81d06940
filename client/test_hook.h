// window.muamalaTest: what a canvas cannot offer end-to-end tests, a list of the labelled widgets
// drawn in the last frame with their rectangles in CSS pixels, so a test clicks "continue-button"
// rather than guessed coordinates. Widget helpers record their items; the frame publishes them.
//
//   window.muamalaTest = {ready, frame, language, screen, busy,
//                         items: [{id, kind, text, active, x, y, w, h}, ...]}
//
// `screen` is the route's fragment ("#/household"); `busy` is true while any request is out.
// `text` is the logical text (as written, not as drawn), in the language shown; a password field
// shows one '*' per byte. `active` is true for the field being typed into (keys go there) and the
// button being held. Rectangles may lie outside the window: the page scrolls.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "client/i18n.h"

struct ImVec2;

namespace muamala::client {

struct TestHook {
    struct Item {
        std::string id;    // stable across languages and builds, e.g. "check-button"
        std::string kind;  // "text", "button", "input", "link"
        std::string text;
        bool active;
        float x0, y0, x1, y1;  // device pixels, as ImGui measures
    };
    std::vector<Item> items;  // this frame's, in drawing order
    unsigned frame = 0;       // frames drawn so far
};

// What the frame as a whole shows, besides its items.
struct FrameState {
    Language language;
    float pixel_ratio;
    std::string screen;
    bool busy;
};

void test_hook_begin_frame(TestHook& hook);
void test_hook_record(TestHook& hook, std::string_view id, std::string_view kind, std::string_view text, bool active,
                      const ImVec2& min, const ImVec2& max);
// After a frame is drawn. The first call, once the fonts have arrived, is what sets `ready`.
void test_hook_publish(const TestHook& hook, const FrameState& frame);

}  // namespace muamala::client
