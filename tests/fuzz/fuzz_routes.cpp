// libFuzzer target: every API route's handler (server/http/api_routes.h) with a request made of the
// fuzzer's bytes: path parameters, query, body, Content-Type, and the headers that carry trust (the
// session cookie, X-CSRF-Token, Idempotency-Key), each either the real value of a signed-in
// citizen's session or bytes. The server runs as it does in production but for the clock, on a
// small demo registry in a temporary database.
//
// What must hold for any request: the handler answers (an exception would be a 500, which bad input
// must never cause), the status is one the API documents, and every refusal carries the error body
// with its code and both languages. A 5xx is a finding.
#include <fuzzer/FuzzedDataProvider.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/rulebook.h"
#include "server/accounts/sessions.h"
#include "server/demo/demo_seed.h"
#include "server/http/api_routes.h"
#include "server/ops/clock.h"
#include "server/services.h"
#include "server/storage/center_store.h"
#include "server/storage/database.h"
#include "server/transactions/payments.h"
#include "server/transactions/receipts.h"

namespace {

using namespace muamala;
using namespace muamala::server;

struct World {
    std::filesystem::path directory;
    std::unique_ptr<Database> database;
    Rulebook rulebook = load_embedded_rulebook().rulebook;
    ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 6 / 1} + std::chrono::hours(6)};
    TestGateway payments;
    std::unique_ptr<ReceiptSigner> receipts;
    std::unique_ptr<Services> services;
    std::vector<Route> routes;
    std::int64_t citizen = 0;
    NewSession session;

    World() {
        directory = std::filesystem::temp_directory_path() / ("muamala-fuzz-routes-" + std::to_string(::getpid()));
        std::filesystem::remove_all(directory);
        std::filesystem::create_directories(directory);
        database = std::make_unique<Database>(directory / "fuzz.db");
        const std::string now = iso_timestamp(clock.now());
        SeedOptions seed;
        seed.households = 4;
        seed.accounts = 2;
        seed.today = kuwait_today(clock);
        seed.staff_accounts = true;
        seed_demo(*database, seed);
        receipts = std::make_unique<ReceiptSigner>(ReceiptSigner::load_or_create(*database, now));
        services.reset(new Services{*database, rulebook, clock, payments, *receipts});
        routes = api_routes(*services);
        auto connection = database->connect();
        Statement first = connection->prepare("SELECT id FROM accounts WHERE role = 'citizen' ORDER BY id LIMIT 1");
        if (!first.step()) std::abort();
        citizen = first.column_int64(0);
        sign_in();
    }
    ~World() { std::filesystem::remove_all(directory); }

    // A fresh signed-in session for the citizen (a fuzzed DELETE /session may have closed the last).
    void sign_in() {
        auto connection = database->connect();
        Transaction transaction(*connection);
        session = open_session(*connection, citizen, SessionStage::signed_in,
                               std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count());
        transaction.commit();
    }
};

World& world() {
    static World* the_world = new World();  // never destroyed: libFuzzer exits from anywhere
    return *the_world;
}

bool documented_status(int status) {
    switch (status) {
        case 200: case 201: case 204: case 400: case 401: case 403: case 404: case 409: case 413: case 422: case 429:
            return true;
        default:
            return false;
    }
}

void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_routes: %s\n", what);
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    World& the = world();
    FuzzedDataProvider input(data, size);
    const Route& route = the.routes[input.ConsumeIntegralInRange<std::size_t>(0, the.routes.size() - 1)];

    ApiRequest request;
    request.method = route.method;
    request.path = route.pattern;
    request.remote_address = input.ConsumeBool() ? "127.0.0.1" : "203.0.113." + std::to_string(input.ConsumeIntegral<std::uint8_t>());
    for (std::size_t at = route.pattern.find(':'); at != std::string::npos; at = route.pattern.find(':', at + 1)) {
        const std::size_t end = route.pattern.find('/', at);
        request.path_params[route.pattern.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1)] =
            input.ConsumeRandomLengthString(40);
    }
    for (int count = input.ConsumeIntegralInRange(0, 3); count > 0; --count)
        request.query[input.ConsumeRandomLengthString(16)] = input.ConsumeRandomLengthString(40);
    switch (input.ConsumeIntegralInRange(0, 2)) {
        case 0: request.headers["Cookie"] = std::string(session_cookie_name(false)) + "=" + the.session.token; break;
        case 1: request.headers["Cookie"] = input.ConsumeRandomLengthString(80); break;
        default: break;
    }
    switch (input.ConsumeIntegralInRange(0, 2)) {
        case 0: request.headers[std::string(csrf_header_name)] = the.session.csrf_token; break;
        case 1: request.headers[std::string(csrf_header_name)] = input.ConsumeRandomLengthString(64); break;
        default: break;
    }
    if (input.ConsumeBool()) request.headers["Idempotency-Key"] = input.ConsumeRandomLengthString(120);
    if (input.ConsumeBool()) request.headers["Accept-Language"] = input.ConsumeRandomLengthString(20);
    request.headers["Content-Type"] = input.ConsumeBool() ? "application/json" : input.ConsumeRandomLengthString(40);
    request.body = input.ConsumeRemainingBytesAsString();

    ApiReply reply;
    try {
        reply = route.handle(request);
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "fuzz_routes: %s %s threw: %s\n", route.method.c_str(), route.pattern.c_str(), failure.what());
        std::abort();
    }
    if (!documented_status(reply.status))
        std::fprintf(stderr, "fuzz_routes: %s %s answered %d: %s\n", route.method.c_str(), route.pattern.c_str(),
                     reply.status, reply.log_detail.c_str());
    require(documented_status(reply.status), "a status the API does not document (a 5xx is a failure on bad input)");
    if (reply.status >= 400) {
        const Json& error = reply.body["error"];
        require(error.is_object() && error["code"].is_string() && !error["code"].get<std::string>().empty(),
                "a refusal without its error code");
        require(error["message"]["en"].is_string() && error["message"]["ar"].is_string(),
                "a refusal without its message in both languages");
    }
    (void)dump(reply.body);
    if (route.method == "DELETE" && route.pattern == "/api/v1/session") the.sign_in();
    return 0;
}
