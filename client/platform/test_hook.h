// What each frame's widgets report, and what the page asks of them. Two readers:
//   - window.muamalaTest: what a canvas cannot offer end-to-end tests, a list of the labelled
//     widgets drawn in the last frame with their rectangles in CSS pixels, so a test clicks
//     "continue-button" rather than guessed coordinates;
//   - the DOM mirror (mirror.h, web/mirror.js): the same items as HTML elements placed over the
//     canvas, which screen readers read, the keyboard moves through and phones type into.
// Widget helpers record their items; the frame publishes them.
//
//   window.muamalaTest = {ready, frame, language, screen, busy, focused, focus_ring,
//                         items: [{id, kind, text, active, x, y, w, h}, ...]}
//
// `screen` is the route's fragment ("#/household"); `busy` is true while any request is out.
// `focused` is the id of the item holding the keyboard focus (its mirror element has the DOM's
// focus), "" for none; `focus_ring` is true when the last frame drew its focus ring (the keyboard
// moved the focus there: a mouse click focuses without a ring). `text` is the logical text (as written,
// not as drawn), in the language shown; a password field shows one '*' per byte. `active` is true
// for the field being typed into (keys go there) and the button being held. Rectangles may lie
// outside the window: the page scrolls.
//
// The page's requests (an activation from the mirror, an edit typed into a mirrored field, the
// focus moving) arrive between frames and are consumed by the widget they name during the next
// frame: test_hook_take_activation() and friends below. A widget that does not know them still
// works: an activation nobody took becomes a click at the middle of its rectangle, an edit nobody
// took is typed into it (mirror.cpp). For the mirror, a kind that contains "button" or "link" is
// one, "radio" is a radio option (ItemSemantics::checked), "input" is a field, and anything else
// is read as text.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/text/i18n.h"

struct ImVec2;

namespace muamala::client {

// What a screen reader, or a phone's keyboard, needs to know about an item beyond its kind and
// text. All optional.
struct ItemSemantics {
    int heading_level = 0;        // 1 for the page's h1, 2 for a section's h2; 0 for not a heading
    bool disabled = false;        // a button that cannot be pressed now
    bool invalid = false;         // a field showing an error (its id + "-error" item says which)
    bool secret = false;          // a password: the mirror's input hides it, the hook shows '*'s
    std::string value;            // a field's real content when `text` (the hook's) hides it
    std::string input_mode;       // a field's HTML inputmode ("numeric", "tel"): the keyboard a phone opens
    std::string autocomplete;     // a field's HTML autocomplete token ("one-time-code"), "" for none
    std::optional<bool> checked;  // a radio option (kind "radio"): chosen or not
};

struct TestHook {
    struct Item {
        std::string id;    // stable across languages and builds, e.g. "check-button"
        std::string kind;  // "text", "button", "input", "link", "tag", "progress", "image"
        std::string text;
        bool active;
        float x0, y0, x1, y1;  // device pixels, as ImGui measures
        ItemSemantics semantics;  // for the mirror only: window.muamalaTest leaves it out
        std::string region;       // the id of the Region it was drawn in, "" for none
        std::string region_role;  // "alert" (said at once) or "status" (said when the reader is free)
        std::string landmark;     // the Landmark it was drawn in: "banner", "navigation", "main", or ""
    };
    std::vector<Item> items;  // this frame's, in drawing order
    unsigned frame = 0;       // frames drawn so far

    // The page's requests, kept between frames (see the top of this file).
    struct FieldEdit {
        std::string text;           // the mirrored field's whole content
        int selection_start = 0;    // byte offsets into `text`, the caret at selection_end
        int selection_end = 0;
        bool fresh = false;         // `text` not yet applied to the ImGui field
    };
    struct Requests {
        std::string activate;       // a mirrored button or link was clicked (or Enter, Space)
        std::string submit;         // Enter in a mirrored field
        bool escape = false;        // Escape pressed outside a field: the page's Back takes it
        std::string focused;        // the item whose mirror element has the DOM's focus
        bool focus_visible = false; // the browser would show it (:focus-visible): the keyboard put it there
        bool reveal_focused = false;  // the focus just moved: scroll its item into view
        std::string want_focus;     // the app moves the focus here (an error summary's link to its field)
        FieldEdit edit;             // of the focused field
        // The whole new text of fields without the focus, by id, for each to take when next drawn:
        // a password manager fills two fields at once, and typing can run ahead of the frames (the
        // focus moves on before a frame took the first field's text).
        std::map<std::string, std::string, std::less<>> unfocused_edits;
        float scroll_by = 0.0f;     // device pixels the page is dragged by (touch), not yet applied
        bool focus_drawn = false;   // this frame's focused widget drew its own focus style
    } requests;

    // The Region being drawn (see below).
    std::string region, region_role;
    std::string landmark;     // the Landmark being drawn
    std::string mirror_sent;  // the mirror's last update (mirror.cpp): an unchanged frame sends nothing
};

// Items recorded between its construction and destruction belong to one region: an error summary,
// a failed call's notice, a payment's result. The mirror reads a region out when it appears or
// its words change: "alert" at once (errors), "status" when the reader is free (results).
class HookRegion {
public:
    HookRegion(TestHook& hook, std::string_view id, std::string_view role);
    HookRegion(const HookRegion&) = delete;
    HookRegion& operator=(const HookRegion&) = delete;
    ~HookRegion();

private:
    TestHook& hook_;
    std::string outer_, outer_role_;
};

// Items recorded between its construction and destruction make one of the page's landmarks, which
// a screen reader jumps between: "banner" (the header), "navigation", "main" (the screen itself).
class HookLandmark {
public:
    HookLandmark(TestHook& hook, std::string_view role);
    HookLandmark(const HookLandmark&) = delete;
    HookLandmark& operator=(const HookLandmark&) = delete;
    ~HookLandmark();

private:
    TestHook& hook_;
    std::string outer_;
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
                      const ImVec2& min, const ImVec2& max, const ItemSemantics& semantics = {});
// After a frame is drawn. The first call, once the fonts have arrived, is what sets `ready`.
void test_hook_publish(const TestHook& hook, const FrameState& frame);

// Requests, for widgets to consume while drawing.
bool test_hook_take_activation(TestHook& hook, std::string_view id);  // true once per click of the mirrored `id`
bool test_hook_take_submit(TestHook& hook, std::string_view id);      // Enter in the mirrored field `id`
bool test_hook_take_escape(TestHook& hook);                           // Escape, for the page's Back
inline bool test_hook_has_focus(const TestHook& hook, std::string_view id) { return !id.empty() && hook.requests.focused == id; }

}  // namespace muamala::client
