// What the server tests share: a server running in-process on an ephemeral port with a fresh
// database file, and a small HTTP client. httplib.h is included by test_support.cpp only.
#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "common/roles.h"
#include "common/rulebook.h"
#include "common/wire.h"
#include "server/http/http_app.h"
#include "server/ops/clock.h"
#include "server/ops/server_log.h"
#include "server/services.h"
#include "server/storage/database.h"

namespace muamala::server::testing {

// A fresh folder under the system's temp dir, removed with everything in it at the end.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// The server as the binary runs it, on 127.0.0.1 and a port the system picked, serving the test
// fixture (tests/server/web_fixture) with a database file of its own (with the center directory
// loaded, as at the binary's start). Stops in its destructor.
class RunningServer {
public:
    RunningServer();                             // on the system clock
    explicit RunningServer(const Clock& clock);  // on `clock` (a ManualClock), which must outlive the server
    RunningServer(const Clock& clock, CounterPolicy counter_policy);  // as --counter-policy would set it
    RunningServer(const Clock& clock, EdgeSettings edge);  // TLS, trusted proxies, connection limits
    // With another payment provider than the test gateway (NoPaymentProvider: a real deployment
    // before a KNET provider exists). `payments` must outlive the server.
    RunningServer(const Clock& clock, PaymentProvider& payments);
    ~RunningServer();
    int port() const { return port_; }
    const Clock& clock() const { return clock_; }
    const std::filesystem::path& database_file() const { return database_file_; }
    Services& services() { return services_; }  // to change a setting before the first request
    std::string stop_and_read_log();  // stops the server (every log line is then written) and returns the log

private:
    RunningServer(const Clock& clock, CounterPolicy counter_policy, PaymentProvider* payments,  // nullptr: the test gateway
                  EdgeSettings edge);
    void stop();
    TempDir dir_;
    std::filesystem::path database_file_;
    Database database_;
    Rulebook rulebook_ = load_embedded_rulebook().rulebook;
    SystemClock system_clock_;  // the clock, unless the test gave one
    const Clock& clock_;
    TestGateway test_gateway_;
    PaymentProvider& payments_ = test_gateway_;
    ReceiptSigner receipts_ = ReceiptSigner::load_or_create(database_, iso_timestamp(clock_.now()));
    Services services_{database_, rulebook_, clock_, payments_, receipts_};
    std::ostringstream log_text_;
    ServerLog log_{log_text_};
    HttpApp app_;
    int port_ = 0;
    std::thread listener_;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
    int status = 0;  // 0: no HTTP answer at all
    Headers headers;
    std::string body;
    std::string header(std::string_view name) const;  // first value, name in any case; "" when absent
    bool has_header(std::string_view name) const;
    Json json() const;  // the body parsed; discarded (is_discarded()) when it is not JSON
};

// One request per call, on a new connection. Never decompresses: tests see the bytes sent.
HttpReply get(int port, const std::string& path, const Headers& headers = {});
HttpReply head(int port, const std::string& path);
HttpReply post(int port, const std::string& path, const std::string& body,
               const std::string& content_type = "application/json", const Headers& headers = {});
HttpReply post_chunked(int port, const std::string& path, const std::string& body);  // Transfer-Encoding: chunked
// Sends `request` as raw bytes on a new connection and returns the server's first response,
// headers and body (or what came before a second of quiet).
std::string raw_exchange(int port, std::string_view request);

HttpReply del(int port, const std::string& path, const Headers& headers = {});  // DELETE
HttpReply put(int port, const std::string& path, const std::string& body,
              const std::string& content_type = "application/json", const Headers& headers = {});

// The web fixture file at `relative`, as bytes.
std::string fixture_file(const std::string& relative);

// [SECTION] Accounts and sign-in

struct TestAccount {
    std::string civil_id;  // normalised
    std::string password;
    std::vector<unsigned char> totp_secret;
};

// An account made straight in the server's database (Argon2id: a fraction of a second), with a
// password and TOTP secret of its own.
TestAccount create_test_account(const RunningServer& server, const std::string& civil_id = "280010101234",
                                Role role = Role::citizen,
                                const std::optional<std::string>& center_id = std::nullopt);  // operators' center

// The TOTP code the account's authenticator would show at `at`, and the earliest code in the
// server's window the account has not used yet (so one account can sign in a few times within
// the same half minute, as the real check allows).
std::string totp_code_at(const TestAccount& account, std::chrono::system_clock::time_point at);
std::string next_unused_totp_code(const RunningServer& server, const TestAccount& account);

// "muamala_session=<token>" from a reply's Set-Cookie, ready for a Cookie header; "" when none.
std::string session_cookie_in(const HttpReply& reply);

struct SignedInSession {
    std::string cookie;      // for the Cookie header
    std::string csrf_token;  // for X-CSRF-Token
};
// The whole sign-in over HTTP (password, then code). Throws std::runtime_error with the server's
// answer when a step fails.
SignedInSession sign_in(const RunningServer& server, const TestAccount& account);

// [SECTION] Reading the database

// The civil ID of the seeded person with this English name (the demo's are unique); "" and a test
// failure when there is none.
std::string civil_id_named(Database& database, std::string_view name_en);
std::int64_t rows_in(Database& database, std::string_view table);  // SELECT count(*): `table` is the test's own literal

// [SECTION] The real binary, for one-shot commands

struct ProcessResult {
    int exit_status = -1;  // 128 + the signal when one ended it
    std::string out;       // all of standard output
    std::string err;       // all of standard error
};
ProcessResult run_server_binary(const std::vector<std::string>& arguments);  // waits for it to end

}  // namespace muamala::server::testing
