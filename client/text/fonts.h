// The app's fonts, each Noto Sans for Latin with Noto Sans Arabic merged in, rasterised at the
// screen's pixel ratio: body text, bold body text (labels, keys, tags), and two bold heading sizes,
// as GOV.UK's type scale. The subset TTFs (client/CMakeLists.txt) are downloaded once at start and
// kept, because the atlas is rebuilt whenever devicePixelRatio changes.
#pragma once
#include <string>

struct ImFont;

namespace muamala::client {

struct Fonts {
    // File bytes, owned here (the atlas only points at them).
    std::string latin_ttf, arabic_ttf, latin_bold_ttf, arabic_bold_ttf;
    int downloads_pending = 0;
    bool failed = false;                // a file did not arrive, or is not a font
    float built_for_pixel_ratio = 0.0f; // 0: no atlas yet
    // Valid once built; replaced by each rebuild.
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;          // page headings (h1)
    ImFont* subheading = nullptr;       // section and card headings (h2)
};

// The em, in CSS pixels, as CSS font-size: GOV.UK's body text and its large and medium headings.
constexpr float kBodyFontSize = 19.0f;
constexpr float kHeadingFontSize = 32.0f;
constexpr float kSubheadingFontSize = 24.0f;

// Starts the downloads. build_fonts() picks the files up once all have answered.
void load_font_files(Fonts& fonts);

// (Re)builds the atlas and its GPU texture for `pixel_ratio` when the files are in and it differs
// from the last build. Returns true when it rebuilt (layouts measured with the old fonts are stale).
// Needs ImGui_ImplOpenGL3_Init() done; not between NewFrame() and Render().
bool build_fonts(Fonts& fonts, float pixel_ratio);

}  // namespace muamala::client
