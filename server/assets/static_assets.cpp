#include "server/assets/static_assets.h"

#include <cctype>
#include <optional>

namespace muamala::server {
namespace {

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

// RFC 9110 qvalue: "0", "0.", "0.0", "0.00" or "0.000" means "not acceptable"; anything else is a weight.
bool is_zero_weight(std::string_view qvalue) {
    if (qvalue.empty() || qvalue[0] != '0') return false;
    if (qvalue.size() == 1) return true;
    if (qvalue[1] != '.' || qvalue.size() > 5) return false;
    return qvalue.substr(2).find_first_not_of('0') == std::string_view::npos;
}

std::string_view extension_of(std::string_view path) {
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return {};
    return path.substr(dot + 1);
}

}  // namespace

// [SECTION] StaticAssets

StaticAssets::StaticAssets(std::span<const WebAsset> assets) {
    for (const WebAsset& asset : assets) by_path_.emplace(asset.path, &asset);
}

AssetReply StaticAssets::reply(std::string_view path, std::string_view accept_encoding,
                               std::string_view if_none_match) const {
    const auto found = by_path_.find(path == "/" ? std::string_view("/index.html") : path);
    if (found == by_path_.end()) return {};
    const WebAsset& asset = *found->second;

    AssetReply reply;
    reply.gzip = !asset.gzip.empty() && accepts_gzip(accept_encoding);
    reply.body = reply.gzip ? asset.gzip : asset.raw;
    reply.etag = reply.gzip ? asset.gzip_etag : asset.etag;
    reply.content_type = content_type_for(asset.path);
    reply.cache_control = cache_control_for(asset.path);
    reply.varies_by_encoding = !asset.gzip.empty();
    reply.status = etag_matches(if_none_match, reply.etag) ? 304 : 200;
    return reply;
}

// [SECTION] HTTP rules

bool accepts_gzip(std::string_view accept_encoding) {
    std::optional<bool> gzip;      // what the header says of gzip by name
    std::optional<bool> wildcard;  // what it says of "*", which covers gzip unless gzip is named
    while (!accept_encoding.empty()) {
        const std::size_t comma = accept_encoding.find(',');
        std::string_view element = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);

        const std::string_view coding = trim(element.substr(0, element.find(';')));
        bool acceptable = true;
        for (std::size_t semicolon = element.find(';'); semicolon != std::string_view::npos;) {
            element = element.substr(semicolon + 1);
            semicolon = element.find(';');
            const std::string_view parameter = trim(element.substr(0, semicolon));
            if (parameter.size() >= 2 && equals_ignoring_case(parameter.substr(0, 2), "q="))
                acceptable = !is_zero_weight(parameter.substr(2));
        }
        if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) gzip = acceptable;
        else if (coding == "*") wildcard = acceptable;
    }
    return gzip.value_or(wildcard.value_or(false));
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    if (trim(if_none_match) == "*") return true;
    std::size_t position = 0;
    while (position < if_none_match.size()) {
        position = if_none_match.find_first_not_of(" \t,", position);
        if (position == std::string_view::npos) break;
        if (if_none_match.substr(position, 2) == "W/") position += 2;  // weak comparison ignores W/
        if (position >= if_none_match.size()) break;
        if (if_none_match[position] != '"') {  // not an entity-tag: skip it
            position = if_none_match.find(',', position);
            continue;
        }
        const std::size_t close = if_none_match.find('"', position + 1);
        if (close == std::string_view::npos) break;
        if (if_none_match.substr(position, close - position + 1) == etag) return true;
        position = close + 1;
    }
    return false;
}

std::string_view content_type_for(std::string_view path) {
    struct Entry { std::string_view extension, content_type; };
    static constexpr Entry types[] = {
        {"html", "text/html; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"txt", "text/plain; charset=utf-8"},
        {"json", "application/json"},
        {"map", "application/json"},
        {"webmanifest", "application/manifest+json"},
        {"wasm", "application/wasm"},  // browsers compile it while it streams only with this type
        {"ttf", "font/ttf"},
        {"otf", "font/otf"},
        {"woff", "font/woff"},
        {"woff2", "font/woff2"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"webp", "image/webp"},
        {"ico", "image/x-icon"},
    };
    const std::string_view extension = extension_of(path);
    for (const Entry& entry : types)
        if (equals_ignoring_case(entry.extension, extension)) return entry.content_type;
    return "application/octet-stream";
}

std::string_view cache_control_for(std::string_view path) {
    // Fonts change only with a new design; a day of staleness costs nothing and saves the biggest
    // downloads. Everything else (the page, its script, the wasm) must match each other, so the
    // browser revalidates on every load and a new deploy is picked up at once (a 304 when unchanged).
    const std::string_view extension = extension_of(path);
    for (const std::string_view font : {"ttf", "otf", "woff", "woff2"})
        if (equals_ignoring_case(extension, font)) return "public, max-age=86400";
    return "no-cache";
}

}  // namespace muamala::server
