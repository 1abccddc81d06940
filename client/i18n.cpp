#include "client/i18n.h"

namespace muamala::client {

std::string fill(std::string_view pattern, std::string_view value) {
    constexpr std::string_view kLeftToRightIsolate = "\u2066", kPopDirectionalIsolate = "\u2069";
    std::string out(pattern);
    if (const size_t at = out.find("{}"); at != std::string::npos)
        out.replace(at, 2, std::string(kLeftToRightIsolate) + std::string(value) + std::string(kPopDirectionalIsolate));
    return out;
}

namespace strings {
// Plain words, saying what to do (DESIGN.md, "How errors are shown"). Digits stay ASCII in Arabic,
// as on Kuwaiti government sites; FriBidi keeps them left to right inside the Arabic sentence.
const Text app_name{"Muamala", "معاملة"};
const Text title{"Muamala — residency and licence transactions", "معاملة — معاملات الإقامة والرخص"};
const Text language_name{"English", "العربية"};
const Text intro{
    "Check a civil ID number. This page checks it as you type, and the server checks it again when you ask.",
    "تحقق من رقم مدني. تتحقق هذه الصفحة منه أثناء الكتابة، ويتحقق منه الخادم مرة أخرى عندما تطلب ذلك."};
const Text civil_id_label{"Civil ID number", "الرقم المدني"};
const Text civil_id_format{"12 digits, as printed on the civil ID card", "12 رقمًا كما هو مطبوع على البطاقة المدنية"};
const Text civil_id_valid{"This civil ID number is valid (birth date {})", "هذا الرقم المدني صحيح (تاريخ الميلاد {})"};
const Text check_button{"Check with the server", "تحقق عبر الخادم"};
const Text checking{"Checking with the server…", "جارٍ التحقق عبر الخادم…"};
const Text error_summary_title{"There is a problem", "هناك مشكلة"};
const Text server_accepted{"The server accepted civil ID {}.", "قبل الخادم الرقم المدني {}."};
const Text server_rejected{"The server did not accept this civil ID:", "لم يقبل الخادم هذا الرقم المدني:"};
const Text server_unreachable{"Could not reach the server. Check your connection and try again.",
                              "تعذّر الوصول إلى الخادم. تحقق من اتصالك وحاول مرة أخرى."};
const Text server_unexpected{"The server could not check the number (HTTP {}). Try again later.",
                             "تعذّر على الخادم التحقق من الرقم (HTTP {}). حاول مرة أخرى لاحقًا."};
const Text load_failed{"Could not load the page. Reload it to try again.",
                       "تعذّر تحميل الصفحة. أعد تحميلها للمحاولة مرة أخرى."};
const Text needs_webgl2{"This browser cannot show the page: it needs WebGL 2. Try an up-to-date browser.",
                        "لا يستطيع هذا المتصفح عرض الصفحة لأنها تحتاج إلى WebGL 2. جرّب متصفحًا حديثًا."};
}  // namespace strings

}  // namespace muamala::client
