#include "client/platform/canvas.h"

#include <emscripten/html5.h>
#include <imgui.h>

#include <cmath>

namespace muamala::client {
namespace {
constexpr const char* kCanvas = "#canvas";  // the <canvas id="canvas"> of web/index.html

// As ImGui's backend does it (after SDL's Emscripten_HandleWheel): 100 pixels, 3 lines or 1/80 of a
// page make one step of the wheel.
EM_BOOL wheel_turned(int, const EmscriptenWheelEvent* event, void*) {
    float per_step = 0.0f;
    if (event->deltaMode == DOM_DELTA_PIXEL) per_step = 100.0f;
    else if (event->deltaMode == DOM_DELTA_LINE) per_step = 3.0f;
    else if (event->deltaMode == DOM_DELTA_PAGE) per_step = 1.0f / 80.0f;
    if (per_step == 0.0f) return EM_FALSE;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX) / per_step, static_cast<float>(-event->deltaY) / per_step);
    return EM_TRUE;  // the page itself never scrolls: the canvas is the page
}

}  // namespace

bool canvas_follow_window(Canvas& canvas) {
    double css_width = 0.0, css_height = 0.0;
    emscripten_get_element_css_size(kCanvas, &css_width, &css_height);
    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int width = static_cast<int>(std::lround(css_width * ratio));
    const int height = static_cast<int>(std::lround(css_height * ratio));
    if (width == canvas.width && height == canvas.height && ratio == canvas.pixel_ratio) return false;

    // Sized directly rather than through glfwSetWindowSize: Emscripten's GLFW asks for fullscreen
    // whenever the requested size equals the screen's, which a maximised window at ratio 1 hits.
    emscripten_set_canvas_element_size(kCanvas, width, height);
    canvas = {width, height, ratio};
    return true;
}

void take_wheel_on_canvas() {
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback(kCanvas, nullptr, false, wheel_turned);
    // The DOM mirror (mirror.h) lies over the canvas: a wheel turned over a mirrored element scrolls too.
    emscripten_set_wheel_callback("#mirror", nullptr, false, wheel_turned);
}

}  // namespace muamala::client
