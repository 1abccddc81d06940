#include "client/text/fonts.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>
#include <string_view>
#include <utility>

#include "client/platform/http.h"

namespace muamala::client {
namespace {

// What each subset file holds (client/CMakeLists.txt subsets to the same ranges).
constexpr ImWchar kLatinRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0};
constexpr ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0xFB50, 0xFBFF, 0xFE70, 0xFEFC, 0};
// Bold text (headings, labels, names) is standard Arabic: the basic letters, marks and digits and
// their joining forms (Forms-B) are enough. Leaving out the letters of other languages written in
// Arabic script (Persian, Urdu: U+0670-06FF and their Forms-A) roughly halves each bold font's share
// of the atlas, which at a pixel ratio of 3 is a texture of several megabytes. The bold files are
// subset to these ranges only (client/CMakeLists.txt).
constexpr ImWchar kBoldArabicRanges[] = {0x0600, 0x066F, 0xFE70, 0xFEFC, 0};

// ImGui (stb_truetype) sizes a font by its full height, ascender to descender, while CSS and
// typographers size it by its em. Noto Sans Arabic is far taller than its em (room for stacked
// marks: 2.1 em against Noto Sans's 1.4), so the same ImGui size would draw Arabic at two thirds of
// the Latin. Sizing both by em makes them match, and matches the CSS font-size of the HTML shell.
// Reads unitsPerEm ('head') and ascender/descender ('hhea'); 0 when the file is not a TrueType font.
float imgui_size_for_em(const std::string& ttf, float em_pixels) {
    const auto u16 = [&](size_t at) { return at + 2 <= ttf.size() ? (static_cast<uint8_t>(ttf[at]) << 8) | static_cast<uint8_t>(ttf[at + 1]) : 0; };
    const auto i16 = [&](size_t at) { return static_cast<int16_t>(u16(at)); };
    const auto u32 = [&](size_t at) { return (static_cast<uint32_t>(u16(at)) << 16) | static_cast<uint32_t>(u16(at + 2)); };
    size_t head = 0, hhea = 0;
    const int tables = u16(4);
    for (int i = 0; i < tables; ++i) {
        const size_t record = 12 + 16 * static_cast<size_t>(i);
        const std::string_view tag = record + 4 <= ttf.size() ? std::string_view(ttf).substr(record, 4) : std::string_view();
        if (tag == "head") head = u32(record + 8);
        if (tag == "hhea") hhea = u32(record + 8);
    }
    const int units_per_em = head ? u16(head + 18) : 0;
    if (units_per_em == 0 || hhea == 0) return 0.0f;
    return em_pixels * static_cast<float>(i16(hhea + 4) - i16(hhea + 6)) / static_cast<float>(units_per_em);
}

void download(Fonts& fonts, const char* url, std::string& into) {
    http_get(url, [&fonts, &into](HttpResponse&& response) {
        if (response.status == 200 && !response.body.empty())
            into = std::move(response.body);
        else
            fonts.failed = true;
        --fonts.downloads_pending;
    });
}

ImFont* add_font(ImFontAtlas& atlas, std::string& latin_ttf, std::string& arabic_ttf, float em_pixels,
                 const ImWchar* arabic_ranges) {
    ImFontConfig latin;
    latin.FontDataOwnedByAtlas = false;
    // The atlas is rasterised at the exact device size and text is drawn at whole pixels, so
    // horizontal oversampling (for sub-pixel positions) would only double the texture.
    latin.OversampleH = 1;
    latin.OversampleV = 1;
    latin.PixelSnapH = true;
    ImFont* font = atlas.AddFontFromMemoryTTF(latin_ttf.data(), static_cast<int>(latin_ttf.size()),
                                              imgui_size_for_em(latin_ttf, em_pixels), &latin, kLatinRanges);
    ImFontConfig arabic = latin;
    arabic.MergeMode = true;  // one ImFont: a line mixing scripts needs no font switching
    atlas.AddFontFromMemoryTTF(arabic_ttf.data(), static_cast<int>(arabic_ttf.size()),
                               imgui_size_for_em(arabic_ttf, em_pixels), &arabic, arabic_ranges);
    return font;
}

}  // namespace

void load_font_files(Fonts& fonts) {
    fonts.downloads_pending = 4;
    download(fonts, "fonts/latin.ttf", fonts.latin_ttf);
    download(fonts, "fonts/arabic.ttf", fonts.arabic_ttf);
    download(fonts, "fonts/latin-bold.ttf", fonts.latin_bold_ttf);
    download(fonts, "fonts/arabic-bold.ttf", fonts.arabic_bold_ttf);
}

bool build_fonts(Fonts& fonts, float pixel_ratio) {
    if (fonts.failed || fonts.downloads_pending > 0 || pixel_ratio == fonts.built_for_pixel_ratio) return false;
    for (const std::string* ttf : {&fonts.latin_ttf, &fonts.arabic_ttf, &fonts.latin_bold_ttf, &fonts.arabic_bold_ttf}) {
        if (imgui_size_for_em(*ttf, 1.0f) <= 0.0f) {
            fonts.failed = true;  // not TrueType: the server sent something else under the font's name
            return false;
        }
    }

    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // frees the old font texture
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    fonts.body = add_font(atlas, fonts.latin_ttf, fonts.arabic_ttf, kBodyFontSize * pixel_ratio, kArabicRanges);
    fonts.bold = add_font(atlas, fonts.latin_bold_ttf, fonts.arabic_bold_ttf, kBodyFontSize * pixel_ratio, kBoldArabicRanges);
    fonts.heading = add_font(atlas, fonts.latin_bold_ttf, fonts.arabic_bold_ttf, kHeadingFontSize * pixel_ratio, kBoldArabicRanges);
    fonts.subheading =
        add_font(atlas, fonts.latin_bold_ttf, fonts.arabic_bold_ttf, kSubheadingFontSize * pixel_ratio, kBoldArabicRanges);
    if (!atlas.Build()) {  // stb_truetype could not read a file
        fonts.failed = true;
        fonts.body = fonts.bold = fonts.heading = fonts.subheading = nullptr;
        return false;
    }
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // uploads the atlas
    atlas.ClearTexData();                     // the pixels live on the GPU now; keep only glyph metrics
    fonts.built_for_pixel_ratio = pixel_ratio;
    return true;
}

}  // namespace muamala::client
