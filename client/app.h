// All of the app's state, in one place. main.cpp owns the one App; screens read and change it;
// callbacks from the browser (answers, downloads) change it between frames; main.cpp notices.
#pragma once
#include <algorithm>
#include <array>

#include "client/bidi_text.h"
#include "client/canvas.h"
#include "client/fonts.h"
#include "client/i18n.h"
#include "client/server_check.h"
#include "client/test_hook.h"
#include "common/civil_id.h"

struct GLFWwindow;

namespace muamala::client {

// Frames are drawn only when something changed (input, an answer, a resize), then a few more:
// ImGui settles hover and layout over a couple of frames.
struct Redraw {
    int frames_left = 0;
    void request() { frames_left = std::max(frames_left, 3); }
};

struct CivilIdForm {
    std::array<char, 96> typed{};  // UTF-8, exactly as typed or pasted; the app never rewrites it
    Validation validation = validate_civil_id("");  // of `typed`, redone on every edit
    bool submitted = false;        // the person asked for a check: problems now show as errors
    bool focus_requested = false;  // the error summary's link moves the keyboard focus to the field
};

struct ServerCheckState {
    enum class Phase { Idle, Waiting, Answered };
    Phase phase = Phase::Idle;
    ServerAnswer answer;      // when Answered
    unsigned generation = 0;  // bumped by each request and each edit: a late answer about older input is dropped
};

struct App {
    GLFWwindow* window = nullptr;
    Canvas canvas;
    Fonts fonts;
    BidiText bidi;
    TestHook test_hook;
    Redraw redraw;
    Language language = Language::English;
    CivilIdForm civil_id;
    ServerCheckState server_check;
    int mouse_cursor = -1;  // the CSS cursor last set on the canvas (an ImGuiMouseCursor)
    bool page_shown = false;
};

}  // namespace muamala::client
