// What the server tests share: a server running in-process on an ephemeral port with a fresh
// database file, and a small HTTP client. httplib.h is included by test_support.cpp only.
#pragma once
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "common/wire.h"
#include "common/rulebook.h"
#include "server/clock.h"
#include "server/database.h"
#include "server/http_app.h"
#include "server/services.h"
#include "server/server_log.h"

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
// fixture (tests/server/web_fixture) with a database file of its own. Stops in its destructor.
class RunningServer {
public:
    RunningServer();
    ~RunningServer();
    int port() const { return port_; }
    const std::filesystem::path& database_file() const { return database_file_; }
    std::string stop_and_read_log();  // stops the server (every log line is then written) and returns the log

private:
    void stop();
    TempDir dir_;
    std::filesystem::path database_file_;
    Database database_;
    Rulebook rulebook_ = load_embedded_rulebook().rulebook;
    SystemClock clock_;
    Services services_{database_, rulebook_, clock_};
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

// The web fixture file at `relative`, as bytes.
std::string fixture_file(const std::string& relative);

// [SECTION] The real binary, for one-shot commands

struct ProcessResult {
    int exit_status = -1;  // 128 + the signal when one ended it
    std::string out;       // all of standard output
    std::string err;       // all of standard error
};
ProcessResult run_server_binary(const std::vector<std::string>& arguments);  // waits for it to end

}  // namespace muamala::server::testing
