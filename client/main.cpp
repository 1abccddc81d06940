// The citizen app's entry point: sets up the page's WebGL 2 canvas, GLFW (Emscripten's), Dear ImGui,
// then hands a frame function to the browser's animation loop. Frames are drawn only when something
// changed; an idle page costs nothing but a comparison per animation frame.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ImGuiContext::InputEventsQueue: has input arrived since the last frame?

#include "client/app/app.h"
#include "client/app/wizard.h"
#include "client/platform/mirror.h"
#include "client/platform/page.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"
#include "client/widgets/theme.h"

namespace muamala::client {
namespace {

bool input_waiting() { return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; }

void draw_frame(App& app) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Emscripten's GLFW does not know the size canvas.cpp gave the canvas; ImGui works in device
    // pixels, which is also what GLFW reports mouse positions in.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(app.canvas.width), static_cast<float>(app.canvas.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui::NewFrame();
    test_hook_begin_frame(app.test_hook);

    draw_app(app);

    if (const int cursor = ImGui::GetMouseCursor(); cursor != app.mouse_cursor) {
        page_set_cursor(cursor);
        app.mouse_cursor = cursor;
    }
    mirror_end_frame(app);
    ImGui::Render();
    glViewport(0, 0, app.canvas.width, app.canvas.height);
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (app.page_title != app.published_title) {
        page_set_title(app.page_title);
        app.published_title = app.page_title;
    }
    const FrameState frame{.language = app.language,
                           .pixel_ratio = app.canvas.pixel_ratio,
                           .screen = to_fragment(app.route),
                           .busy = app.requests_in_flight > 0};
    test_hook_publish(app.test_hook, frame);
    mirror_publish(app.test_hook, frame);
    if (!app.page_shown) {
        page_show_app();
        app.page_shown = true;
    }
}

// Runs once per animation frame (requestAnimationFrame), drawing or not.
void tick(void* user_data) {
    App& app = *static_cast<App*>(user_data);
    if (canvas_follow_window(app.canvas)) {
        theme::apply_style(app.canvas.pixel_ratio);
        app.redraw.request();
    }
    if (build_fonts(app.fonts, app.canvas.pixel_ratio)) {
        app.bidi.clear_layouts();
        app.redraw.request();
    }
    if (app.fonts.failed) {  // nothing can be drawn without them; the page says so and the loop ends
        page_show_failure(strings::load_failed);
        emscripten_cancel_main_loop();
        return;
    }
    if (app.fonts.body == nullptr) return;  // not arrived yet

    if (input_waiting()) app.redraw.request();
    const bool animating = app.requests_in_flight > 0;  // progress rings turn
    if (app.redraw.frames_left == 0 && !animating) return;
    if (app.redraw.frames_left > 0) --app.redraw.frames_left;
    draw_frame(app);
}

}  // namespace
}  // namespace muamala::client

int main() {
    using namespace muamala::client;
    if (!glfwInit()) {
        page_show_failure(strings::load_failed);
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // The App lives as long as the page: emscripten_set_main_loop_arg below never returns.
    App* app = new App();
    app->window = glfwCreateWindow(1, 1, "Muamala", nullptr, nullptr);  // canvas_follow_window sizes it
    if (app->window == nullptr) {  // no WebGL 2
        page_show_failure(strings::needs_webgl2);
        return 1;
    }
    glfwMakeContextCurrent(app->window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to restore: one fixed full-window layout
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // page.cpp sets the CSS cursor instead
    io.ConfigInputTextCursorBlink = false;    // a blinking caret would need a frame twice a second
    ImGui_ImplGlfw_InitForOpenGL(app->window, /*install_callbacks=*/true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    install_mirror(*app);  // the keyboard, screen readers and phones' typing go through the DOM mirror
    take_wheel_on_canvas();

    app->language = page_preferred_language();
    page_set_language(app->language);
    install_router(*app);
    start_session_check(*app);
    fetch_rulebook(*app);  // early: the wizard needs it, and it needs no session
    load_font_files(app->fonts);
    emscripten_set_main_loop_arg(tick, app, 0, /*simulate_infinite_loop=*/true);
    return 0;
}
