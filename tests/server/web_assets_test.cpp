// The embedded web client over real HTTP, with the fixture in web_fixture/ standing in for the
// real client: what was embedded, and how each file is sent (type, gzip, validators, caching).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "server/assets/static_assets.h"
#include "test_support.h"

namespace muamala::server::testing {
namespace {

const Headers accept_gzip = {{"Accept-Encoding", "gzip, deflate, br"}};

// Decompresses with the same gzip program the build used.
std::string gunzip(const std::string& compressed) {
    TempDir dir;
    const std::filesystem::path file = dir.path() / "body.gz";
    std::ofstream(file, std::ios::binary) << compressed;
    std::FILE* pipe = popen((std::string(MUAMALA_GZIP) + " -dc '" + file.string() + "'").c_str(), "r");
    if (pipe == nullptr) return {};
    std::string plain;
    char buffer[4096];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) plain.append(buffer, read);
    return pclose(pipe) == 0 ? plain : std::string("(gzip -d failed)");
}

TEST(WebAssets, EmbedsEveryFileOfTheFolderRecursivelyAndByteForByte) {
    std::set<std::string> on_disk;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(MUAMALA_WEB_FIXTURE_DIR))
        if (entry.is_regular_file())
            on_disk.insert(std::filesystem::path("/") / std::filesystem::relative(entry.path(), MUAMALA_WEB_FIXTURE_DIR));
    std::set<std::string> embedded;
    for (const WebAsset& asset : embedded_web_assets()) {
        embedded.insert(std::string(asset.path));
        EXPECT_EQ(asset.raw, fixture_file(std::string(asset.path.substr(1)))) << asset.path;
    }
    EXPECT_EQ(embedded, on_disk);
    EXPECT_TRUE(on_disk.contains("/fonts/fixture.ttf"));
}

TEST(WebAssets, ServesIndexHtmlAtTheRoot) {
    RunningServer server;
    const HttpReply root = get(server.port(), "/");
    EXPECT_EQ(root.status, 200);
    EXPECT_EQ(root.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(root.body, fixture_file("index.html"));
    EXPECT_EQ(get(server.port(), "/index.html").body, root.body);
}

TEST(WebAssets, SendsEachFileWithItsContentTypeAndCachePolicy) {
    RunningServer server;
    const struct {
        const char* path;
        const char* content_type;
        const char* cache_control;
    } cases[] = {
        {"/index.html", "text/html; charset=utf-8", "no-cache"},
        {"/muamala.js", "text/javascript; charset=utf-8", "no-cache"},
        {"/muamala.wasm", "application/wasm", "no-cache"},
        {"/fonts/fixture.ttf", "font/ttf", "public, max-age=86400"},
        {"/icon.png", "image/png", "no-cache"},
    };
    for (const auto& expected : cases) {
        SCOPED_TRACE(expected.path);
        const HttpReply reply = get(server.port(), expected.path);
        EXPECT_EQ(reply.status, 200);
        EXPECT_EQ(reply.header("Content-Type"), expected.content_type);
        EXPECT_EQ(reply.header("Cache-Control"), expected.cache_control);
        EXPECT_EQ(reply.body, fixture_file(std::string(expected.path).substr(1)));
    }
}

TEST(WebAssets, SendsAnEmptyFileAsAnEmptyBody) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/empty.txt", accept_gzip);
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(reply.header("Content-Length"), "0");
    EXPECT_FALSE(reply.has_header("Content-Encoding"));
}

TEST(WebAssets, SendsDeterministicGzipWhenTheRequestAcceptsItAndRawOtherwise) {
    RunningServer server;
    const std::string wasm = fixture_file("muamala.wasm");

    const HttpReply compressed = get(server.port(), "/muamala.wasm", accept_gzip);
    EXPECT_EQ(compressed.status, 200);
    EXPECT_EQ(compressed.header("Content-Encoding"), "gzip");
    EXPECT_EQ(compressed.header("Vary"), "Accept-Encoding");
    EXPECT_EQ(compressed.header("Content-Type"), "application/wasm");
    EXPECT_LT(compressed.body.size(), wasm.size());
    ASSERT_GE(compressed.body.size(), 8u);
    EXPECT_EQ(compressed.body.substr(0, 2), "\x1f\x8b");
    EXPECT_EQ(compressed.body.substr(4, 4), std::string(4, '\0')) << "gzip header mtime must be 0";
    EXPECT_EQ(gunzip(compressed.body), wasm);

    for (const Headers& refusing : {Headers{}, Headers{{"Accept-Encoding", "gzip;q=0, identity"}},
                                    Headers{{"Accept-Encoding", "br"}}}) {
        const HttpReply raw = get(server.port(), "/muamala.wasm", refusing);
        EXPECT_EQ(raw.status, 200);
        EXPECT_FALSE(raw.has_header("Content-Encoding"));
        EXPECT_EQ(raw.header("Vary"), "Accept-Encoding");
        EXPECT_EQ(raw.body, wasm);
        EXPECT_NE(raw.header("ETag"), compressed.header("ETag")) << "two representations, two strong validators";
    }
}

TEST(WebAssets, SendsAFileThatGzipCannotShrinkRawEvenWhenGzipIsAccepted) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/icon.png", accept_gzip);
    EXPECT_EQ(reply.status, 200);
    EXPECT_FALSE(reply.has_header("Content-Encoding"));
    EXPECT_FALSE(reply.has_header("Vary"));
    EXPECT_EQ(reply.body, fixture_file("icon.png"));
}

TEST(WebAssets, AnswersNotModifiedWhenTheClientHoldsTheCurrentRepresentation) {
    RunningServer server;
    const HttpReply first = get(server.port(), "/muamala.js", accept_gzip);
    const std::string etag = first.header("ETag");
    ASSERT_TRUE(etag.starts_with("\"") && etag.ends_with("\"")) << etag;

    Headers revalidate = accept_gzip;
    revalidate.emplace_back("If-None-Match", etag);
    const HttpReply again = get(server.port(), "/muamala.js", revalidate);
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.header("ETag"), etag);
    EXPECT_EQ(again.header("Cache-Control"), "no-cache");
    EXPECT_EQ(again.header("Vary"), "Accept-Encoding");
    EXPECT_EQ(again.header("Content-Length"), std::to_string(first.body.size()));

    // The gzip tag does not validate the raw representation, and a tag from an older build nothing.
    EXPECT_EQ(get(server.port(), "/muamala.js", {{"If-None-Match", etag}}).status, 200);
    Headers stale = accept_gzip;
    stale.emplace_back("If-None-Match", "\"0123456789abcdef0123456789abcdef\"");
    EXPECT_EQ(get(server.port(), "/muamala.js", stale).status, 200);
    Headers among_others = accept_gzip;
    among_others.emplace_back("If-None-Match", "\"older\", W/" + etag);
    EXPECT_EQ(get(server.port(), "/muamala.js", among_others).status, 304);
}

TEST(WebAssets, AnswersHeadWithTheHeadersOfGet) {
    RunningServer server;
    const HttpReply reply = head(server.port(), "/muamala.wasm");
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(reply.body.empty());
    EXPECT_EQ(reply.header("Content-Type"), "application/wasm");
    EXPECT_EQ(reply.header("Content-Length"), std::to_string(fixture_file("muamala.wasm").size()));
}

TEST(WebAssets, AnswersUnknownPathsWith404AndTheErrorBody) {
    RunningServer server;
    for (const char* path : {"/nothing.js", "/fonts/", "/fonts", "/index.html/", "/../index.html"}) {
        SCOPED_TRACE(path);
        const HttpReply reply = get(server.port(), path);
        EXPECT_EQ(reply.status, 404);
        EXPECT_EQ(reply.json().at("error").at("code"), "not_found");
        EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    }
}

}  // namespace
}  // namespace muamala::server::testing
