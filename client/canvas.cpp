#include "client/canvas.h"

#include <emscripten/html5.h>

#include <cmath>

namespace muamala::client {
namespace {
constexpr const char* kCanvas = "#canvas";  // the <canvas id="canvas"> of web/index.html
}

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

}  // namespace muamala::client
