// The HTTP rules behind the web client's files, without a server: content negotiation, entity tags,
// types and cache policies.
#include <gtest/gtest.h>

#include "server/assets/static_assets.h"

namespace muamala::server {
namespace {

TEST(AcceptsGzip, FollowsTheCodingsAndWeightsOfAcceptEncoding) {
    EXPECT_TRUE(accepts_gzip("gzip"));
    EXPECT_TRUE(accepts_gzip("gzip, deflate, br, zstd"));
    EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
    EXPECT_TRUE(accepts_gzip("x-gzip"));
    EXPECT_TRUE(accepts_gzip("*"));
    EXPECT_TRUE(accepts_gzip("gzip ; q=0.001"));

    EXPECT_FALSE(accepts_gzip(""));
    EXPECT_FALSE(accepts_gzip("identity"));
    EXPECT_FALSE(accepts_gzip("br, deflate"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0.000"));
    EXPECT_FALSE(accepts_gzip("*;q=0"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0, *")) << "gzip named with weight 0 beats the wildcard";
    EXPECT_FALSE(accepts_gzip("gzipped"));
}

TEST(EtagMatches, ComparesEachListedTagWeakly) {
    const std::string_view etag = "\"abc\"";
    EXPECT_TRUE(etag_matches("\"abc\"", etag));
    EXPECT_TRUE(etag_matches("W/\"abc\"", etag));
    EXPECT_TRUE(etag_matches("\"x\", \"abc\"", etag));
    EXPECT_TRUE(etag_matches(" * ", etag));

    EXPECT_FALSE(etag_matches("", etag));
    EXPECT_FALSE(etag_matches("abc", etag)) << "an unquoted tag is not an entity-tag";
    EXPECT_FALSE(etag_matches("\"abcd\"", etag));
    EXPECT_FALSE(etag_matches("\"ab", etag));
    EXPECT_FALSE(etag_matches("W/", etag));
}

TEST(ContentTypeFor, NamesTheTypeByExtensionInAnyCase) {
    EXPECT_EQ(content_type_for("/index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type_for("/muamala.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("/muamala.wasm"), "application/wasm");
    EXPECT_EQ(content_type_for("/fonts/NotoSans-Regular.TTF"), "font/ttf");
    EXPECT_EQ(content_type_for("/favicon.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("/manifest.webmanifest"), "application/manifest+json");
    EXPECT_EQ(content_type_for("/LICENSE"), "application/octet-stream");
    EXPECT_EQ(content_type_for("/v1.2/LICENSE"), "application/octet-stream") << "a dot in a folder name is no extension";
}

TEST(CacheControlFor, LetsFontsBeCachedAndRevalidatesTheRest) {
    EXPECT_EQ(cache_control_for("/fonts/NotoSansArabic-Regular.ttf"), "public, max-age=86400");
    EXPECT_EQ(cache_control_for("/fonts/x.woff2"), "public, max-age=86400");
    EXPECT_EQ(cache_control_for("/index.html"), "no-cache");
    EXPECT_EQ(cache_control_for("/muamala.js"), "no-cache");
    EXPECT_EQ(cache_control_for("/muamala.wasm"), "no-cache");
}

TEST(StaticAssetsReply, PicksTheRepresentationAndValidatesAgainstItsOwnTag) {
    const WebAsset assets[] = {
        {"/index.html", "<html>raw</html>", "GZ", "\"raw-tag\"", "\"gz-tag\""},
        {"/plain.png", "PNG", "", "\"png-tag\"", "\"png-tag-gzip\""},
    };
    const StaticAssets table(assets);

    const AssetReply root = table.reply("/", "gzip", "");
    EXPECT_EQ(root.status, 200);
    EXPECT_TRUE(root.gzip);
    EXPECT_EQ(root.body, "GZ");
    EXPECT_EQ(root.etag, "\"gz-tag\"");
    EXPECT_TRUE(root.varies_by_encoding);

    EXPECT_EQ(table.reply("/index.html", "gzip", "\"gz-tag\"").status, 304);
    EXPECT_EQ(table.reply("/index.html", "", "\"gz-tag\"").status, 200);
    const AssetReply raw_revalidated = table.reply("/index.html", "", "\"raw-tag\"");
    EXPECT_EQ(raw_revalidated.status, 304);
    EXPECT_EQ(raw_revalidated.body, "<html>raw</html>") << "its size is the 304's Content-Length";

    const AssetReply png = table.reply("/plain.png", "gzip", "");
    EXPECT_FALSE(png.gzip);
    EXPECT_FALSE(png.varies_by_encoding);
    EXPECT_EQ(png.body, "PNG");

    EXPECT_EQ(table.reply("/missing", "gzip", "").status, 404);
    EXPECT_EQ(table.reply("", "gzip", "").status, 404);
}

}  // namespace
}  // namespace muamala::server
