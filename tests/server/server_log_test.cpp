// The server's log lines and request ids.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "server/ops/server_log.h"

namespace muamala::server {
namespace {

using namespace std::chrono;

// 2025-12-23T08:30:00.125Z, the day the 2025 residency regulations took effect.
const system_clock::time_point regulations_day = sys_days{year{2025} / December / 23} + hours{8} + minutes{30} + milliseconds{125};

TEST(Iso8601Utc, WritesMillisecondsAndZ) {
    EXPECT_EQ(iso8601_utc(regulations_day), "2025-12-23T08:30:00.125Z");
    EXPECT_EQ(iso8601_utc(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
}

TEST(ServerLog, WritesAnAccessLineAsOneJsonObject) {
    std::ostringstream out;
    ServerLog log(out);
    log.access({regulations_day, "0123456789abcdef0123456789abcdef", "POST", "/api/v1/validate", 422, 1.23456});
    EXPECT_EQ(out.str(),
              R"({"time":"2025-12-23T08:30:00.125Z","level":"access","request_id":"0123456789abcdef0123456789abcdef",)"
              R"("method":"POST","path":"/api/v1/validate","status":422,"duration_ms":1.235})"
              "\n");
}

TEST(ServerLog, WritesAnErrorLineThatCannotBreakTheJson) {
    std::ostringstream out;
    ServerLog log(out);
    log.error(regulations_day, "id", "sqlite: \"quoted\"\nsecond line \xff");
    EXPECT_EQ(out.str(),
              R"({"time":"2025-12-23T08:30:00.125Z","level":"error","request_id":"id",)"
              R"("message":"sqlite: \"quoted\"\nsecond line )"
              "\xef\xbf\xbd\"}\n");
}

TEST(NewRequestId, Gives32HexDigitsNeverTheSameTwice) {
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) {
        const std::string id = new_request_id();
        ASSERT_EQ(id.size(), 32u);
        ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 10000u);
}

}  // namespace
}  // namespace muamala::server
