#include "server/transactions/receipt_page.h"

#include <charconv>
#include <cstdio>
#include <vector>

namespace muamala::server {
namespace {

// The quality a media range in `accept` gives `media_type` (its q parameter; 1 without one), or 0
// when the header does not name it. Wildcards are ignored: they rank both answers alike.
double quality_of(std::string_view accept, std::string_view media_type) {
    while (!accept.empty()) {
        const std::size_t comma = accept.find(',');
        std::string_view range = accept.substr(0, comma);
        accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
        while (!range.empty() && range.front() == ' ') range.remove_prefix(1);
        const std::size_t semicolon = range.find(';');
        std::string_view type = range.substr(0, semicolon);
        while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
        if (type != media_type) continue;
        if (semicolon == std::string_view::npos) return 1.0;
        const std::size_t q = range.find("q=", semicolon);
        if (q == std::string_view::npos) return 1.0;
        double quality = 0;
        const std::string_view digits = range.substr(q + 2);
        std::from_chars(digits.data(), digits.data() + digits.size(), quality);
        return quality;
    }
    return 0.0;
}

std::string escaped(std::string_view text) {
    std::string html;
    for (const char c : text) {
        switch (c) {
        case '&': html += "&amp;"; break;
        case '<': html += "&lt;"; break;
        case '>': html += "&gt;"; break;
        case '"': html += "&quot;"; break;
        case '\'': html += "&#39;"; break;
        default: html += c;
        }
    }
    return html;
}

std::string text_in(const Json& value, const char* language) {
    if (value.is_object() && value.contains(language) && value.at(language).is_string())
        return value.at(language).get<std::string>();
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::string string_at(const Json& receipt, const char* key) {
    return receipt.contains(key) && receipt.at(key).is_string() ? receipt.at(key).get<std::string>() : std::string();
}

std::string dinars(const Json& fee_fils) {
    const long long fils = fee_fils.is_number_integer() ? fee_fils.get<long long>() : 0;
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%03lld", fils / 1000, fils % 1000);
    return text;
}

// No script and no outside file: the page must open on any phone, and the server's
// Content-Security-Policy allows inline styles only.
constexpr std::string_view page_style =
    "body{font-family:system-ui,'Noto Sans','Noto Sans Arabic',sans-serif;margin:0;padding:16px;"
    "color:#0b0c0c;background:#fff;line-height:1.5}main{max-width:640px;margin:auto}"
    "section{border-top:1px solid #b1b4b6;padding:8px 0}h1{font-size:1.4rem;margin:.5rem 0}"
    ".genuine{background:#00703c;color:#fff;padding:12px;font-weight:bold}"
    ".broken{background:#d4351c;color:#fff;padding:12px;font-weight:bold}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:bold}dd{margin:0}";

std::string page(std::string_view title, std::string_view body) {
    return "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"robots\" content=\"noindex\"><title>" +
           std::string(title) + "</title><style>" + std::string(page_style) + "</style></head><body><main>" +
           std::string(body) + "</main></body></html>\n";
}

struct Row {
    std::string_view label_ar, label_en;
    std::string value;
};

std::string language_section(bool arabic, bool valid, std::string_view title, const std::vector<Row>& rows) {
    std::string html = arabic ? "<section lang=\"ar\" dir=\"rtl\">" : "<section lang=\"en\" dir=\"ltr\">";
    html += "<h1>" + escaped(title) + "</h1>";
    html += valid ? (arabic ? "<p class=\"genuine\">إيصال صحيح: التوقيع الرقمي سليم وصادر عن هذه الخدمة.</p>"
                            : "<p class=\"genuine\">Genuine: the digital signature holds and was made by this service.</p>")
                  : (arabic ? "<p class=\"broken\">التوقيع الرقمي لهذا الإيصال غير سليم: لا تعتمد عليه.</p>"
                            : "<p class=\"broken\">This receipt's digital signature does not hold: do not rely on it.</p>");
    html += "<dl>";
    for (const Row& row : rows)
        html += "<dt>" + escaped(arabic ? row.label_ar : row.label_en) + "</dt><dd dir=\"auto\">" + escaped(row.value) +
                "</dd>";
    return html + "</dl></section>";
}

}  // namespace

bool prefers_html(std::string_view accept) {
    return quality_of(accept, "text/html") > quality_of(accept, "application/json");
}

std::string receipt_verification_page(const Json& receipt, bool valid) {
    const Json holder = receipt.value("holder", Json::object());
    const std::string old_expiry = string_at(receipt, "old_expiry"), center = string_at(receipt, "center_id");
    const bool online = string_at(receipt, "channel") == "online";
    const auto rows = [&](bool arabic) {
        const char* language = arabic ? "ar" : "en";
        std::vector<Row> all{
            {"رقم الإيصال", "Receipt number", string_at(receipt, "number")},
            {"صاحب المستند", "Holder", text_in(holder.value("name", Json()), language)},
            {"آخر أربعة أرقام من الرقم المدني", "Civil ID, last four digits", "…" + string_at(holder, "civil_id_last4")},
        };
        if (!old_expiry.empty()) all.push_back({"تاريخ الانتهاء السابق", "Previous expiry", old_expiry});
        all.push_back({"تاريخ الانتهاء الجديد", "New expiry", string_at(receipt, "new_expiry")});
        all.push_back({"الرسوم", "Fee", arabic ? dinars(receipt.value("fee_fils", Json())) + " د.ك"
                                             : "KD " + dinars(receipt.value("fee_fils", Json()))});
        all.push_back({"تاريخ الإصدار (UTC)", "Issued (UTC)", string_at(receipt, "issued_at")});
        all.push_back({"طريقة الإنجاز", "Done",
                       online ? (arabic ? "عبر الإنترنت" : "Online")
                              : (arabic ? "في مركز الخدمة " : "At service center ") + center});
        return all;
    };
    const Json title = receipt.value("title", Json());
    return page("التحقق من إيصال · Receipt check",
                language_section(true, valid, text_in(title, "ar"), rows(true)) +
                    language_section(false, valid, text_in(title, "en"), rows(false)));
}

std::string unknown_receipt_page() {
    return page("التحقق من إيصال · Receipt check",
                "<section lang=\"ar\" dir=\"rtl\"><h1>لا يوجد إيصال بهذا الرقم</h1><p class=\"broken\">"
                "تحقق من الرمز أو الرقم المطبوع. إيصال لا يعرفه النظام ليس إيصالًا صادرًا عنه.</p></section>"
                "<section lang=\"en\" dir=\"ltr\"><h1>No receipt has this number</h1><p class=\"broken\">"
                "Check the code or the printed number. A receipt this service does not know was not issued by it.</p>"
                "</section>");
}

}  // namespace muamala::server
