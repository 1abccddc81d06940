// The published OpenAPI document lists exactly the routes the server registers.
#include <gtest/gtest.h>

#include <set>

#include "server/http/api_routes.h"
#include "server/http/openapi.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {
namespace {

TEST(OpenApi, ListsExactlyTheRoutesTheServerHas) {
    TempDir dir;
    Database database(dir.path() / "muamala.db");
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    const SystemClock clock;
    TestGateway payments;
    const ReceiptSigner receipts = ReceiptSigner::load_or_create(database, "2026-01-01T00:00:00.000Z");
    Services services{database, rulebook, clock, payments, receipts};

    std::set<std::string> registered, documented;
    for (const Route& route : api_routes(services)) {
        std::string method = route.method;
        for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        registered.insert(method + " " + openapi_path(route.pattern));
    }
    for (const auto& [path, operations] : openapi_document()["paths"].items())
        for (const auto& [method, operation] : operations.items()) documented.insert(method + " " + path);
    EXPECT_EQ(documented, registered);
    EXPECT_GE(registered.size(), 14u);
}

TEST(OpenApi, IsServedAsJson) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/api/v1/openapi.json");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json()["openapi"], "3.0.3");
}

TEST(OpenApi, PathsUseBracesForParameters) {
    EXPECT_EQ(openapi_path("/api/v1/receipts/:number/verify"), "/api/v1/receipts/{number}/verify");
    EXPECT_EQ(openapi_path("/api/v1/health"), "/api/v1/health");
}

}  // namespace
}  // namespace muamala::server::testing
