// The app's two fonts (body and heading), each Noto Sans for Latin with Noto Sans Arabic merged in,
// rasterised at the screen's pixel ratio. The subset TTFs (client/CMakeLists.txt) are downloaded
// once at start and kept, because the atlas is rebuilt whenever devicePixelRatio changes.
#pragma once
#include <string>

struct ImFont;

namespace muamala::client {

struct Fonts {
    std::string latin_ttf, arabic_ttf;  // file bytes, owned here (the atlas only points at them)
    int downloads_pending = 0;
    bool failed = false;                // a file did not arrive, or is not a font
    float built_for_pixel_ratio = 0.0f; // 0: no atlas yet
    ImFont* body = nullptr;             // valid once built; replaced by each rebuild
    ImFont* heading = nullptr;
};

// The em, in CSS pixels, as CSS font-size: GOV.UK's body text and its large heading.
constexpr float kBodyFontSize = 19.0f;
constexpr float kHeadingFontSize = 32.0f;

// Starts both downloads. build_fonts() picks the files up once both have answered.
void load_font_files(Fonts& fonts);

// (Re)builds the atlas and its GPU texture for `pixel_ratio` when the files are in and it differs
// from the last build. Returns true when it rebuilt (layouts measured with the old fonts are stale).
// Needs ImGui_ImplOpenGL3_Init() done; not between NewFrame() and Render().
bool build_fonts(Fonts& fonts, float pixel_ratio);

}  // namespace muamala::client
