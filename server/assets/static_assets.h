// The web client, served from bytes compiled into the binary: copying the binary deploys the app.
// server/assets/web_assets.cmake embeds a folder (at build time, gzip included); this file decides what
// to answer for a path and a request's Accept-Encoding and If-None-Match. No HTTP library here.
#pragma once
#include <span>
#include <string_view>
#include <unordered_map>

namespace muamala::server {

// One embedded file.
struct WebAsset {
    std::string_view path;       // URL path: "/index.html", "/fonts/NotoSans.ttf"
    std::string_view raw;        // the file's bytes
    std::string_view gzip;       // gzip of raw (-9, no name, mtime 0), or empty when that would not save space
    std::string_view etag;       // strong validator of raw, from its SHA-256: "\"<hex>\""
    std::string_view gzip_etag;  // strong validator of gzip: a different representation needs another tag
};

// The web client this executable carries. Defined by the file that muamala_embed_web_assets()
// generates into each executable (the server's real client, or a test's fixture).
std::span<const WebAsset> embedded_web_assets();

// What to send for one request.
struct AssetReply {
    int status = 404;                // 200, 304 (the client's copy is current) or 404
    std::string_view body;           // the representation; with 304 only its size is sent (Content-Length)
    std::string_view content_type;
    std::string_view cache_control;
    std::string_view etag;
    bool gzip = false;               // send Content-Encoding: gzip
    bool varies_by_encoding = false; // send Vary: Accept-Encoding (the asset has two representations)
};

class StaticAssets {
public:
    explicit StaticAssets(std::span<const WebAsset> assets);  // the assets must outlive this
    // `path` as decoded from the request target, without the query; "/" means "/index.html".
    AssetReply reply(std::string_view path, std::string_view accept_encoding, std::string_view if_none_match) const;

private:
    std::unordered_map<std::string_view, const WebAsset*> by_path_;
};

// [SECTION] HTTP rules, exposed for tests
bool accepts_gzip(std::string_view accept_encoding);                  // gzip (or *) listed with q > 0
bool etag_matches(std::string_view if_none_match, std::string_view etag);  // weak comparison, as RFC 9110 asks for If-None-Match
std::string_view content_type_for(std::string_view path);            // by extension
std::string_view cache_control_for(std::string_view path);           // by extension

}  // namespace muamala::server
