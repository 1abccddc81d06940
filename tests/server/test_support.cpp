#include "test_support.h"

#include <gtest/gtest.h>

#include "server/accounts/accounts.h"
#include "server/accounts/sessions.h"
#include "server/http/api_routes.h"
#include "server/security/totp.h"
#include "server/storage/center_store.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

extern char** environ;

namespace muamala::server::testing {

// [SECTION] TempDir

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "muamala-server-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

// [SECTION] RunningServer

RunningServer::RunningServer() : RunningServer(system_clock_) {}

RunningServer::RunningServer(const Clock& clock) : RunningServer(clock, CounterPolicy::area) {}

RunningServer::RunningServer(const Clock& clock, CounterPolicy counter_policy)
    : RunningServer(clock, counter_policy, nullptr, EdgeSettings{}) {}

RunningServer::RunningServer(const Clock& clock, EdgeSettings edge)
    : RunningServer(clock, CounterPolicy::area, nullptr, std::move(edge)) {}

RunningServer::RunningServer(const Clock& clock, PaymentProvider& payments)
    : RunningServer(clock, CounterPolicy::area, &payments, EdgeSettings{}) {}

RunningServer::RunningServer(const Clock& clock, CounterPolicy counter_policy, PaymentProvider* payments,
                             EdgeSettings edge)
    : database_file_(dir_.path() / "data" / "muamala.db"),
      database_(database_file_),
      clock_(clock),
      payments_(payments ? *payments : test_gateway_),
      app_(api_routes(services_), embedded_web_assets(), log_, std::move(edge)) {
    load_center_directory_if_empty(database_, iso_timestamp(clock_.now()));
    services_.counter_policy = counter_policy;  // before the first request: the listener starts below
    port_ = app_.bind("127.0.0.1", 0);
    listener_ = std::thread([this] { app_.listen(); });
    app_.wait_until_ready();
}

RunningServer::~RunningServer() { stop(); }

void RunningServer::stop() {
    if (!listener_.joinable()) return;
    app_.stop();
    listener_.join();
}

std::string RunningServer::stop_and_read_log() {
    stop();
    return log_text_.str();
}

// [SECTION] HTTP client

namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

httplib::Client client_for(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_decompress(false);  // tests check the bytes on the wire, gzip included
    client.set_keep_alive(false);
    // Generous: under the sanitizers (scripts/sanitize.sh) twenty parallel sign-ins, each an Argon2id
    // hash, can keep a request waiting for more than the library's default five seconds. A request
    // that gets no answer at all still fails its test.
    client.set_read_timeout(std::chrono::seconds(60));
    return client;
}

httplib::Headers to_httplib(const Headers& headers) {
    httplib::Headers converted;
    for (const auto& [name, value] : headers) converted.emplace(name, value);
    return converted;
}

HttpReply from_httplib(const httplib::Result& result) {
    HttpReply reply;
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    for (const auto& [name, value] : result->headers) reply.headers.emplace_back(name, value);
    return reply;
}

}  // namespace

std::string HttpReply::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (same_name(key, name)) return value;
    return {};
}

bool HttpReply::has_header(std::string_view name) const {
    for (const auto& entry : headers)
        if (same_name(entry.first, name)) return true;
    return false;
}

Json HttpReply::json() const { return Json::parse(body, nullptr, false); }

HttpReply get(int port, const std::string& path, const Headers& headers) {
    return from_httplib(client_for(port).Get(path, to_httplib(headers)));
}

HttpReply head(int port, const std::string& path) { return from_httplib(client_for(port).Head(path)); }

HttpReply del(int port, const std::string& path, const Headers& headers) {
    return from_httplib(client_for(port).Delete(path, to_httplib(headers)));
}

HttpReply post(int port, const std::string& path, const std::string& body, const std::string& content_type,
               const Headers& headers) {
    return from_httplib(client_for(port).Post(path, to_httplib(headers), body, content_type));
}

HttpReply put(int port, const std::string& path, const std::string& body, const std::string& content_type,
              const Headers& headers) {
    return from_httplib(client_for(port).Put(path, to_httplib(headers), body, content_type));
}

HttpReply post_chunked(int port, const std::string& path, const std::string& body) {
    return from_httplib(client_for(port).Post(
        path,
        [&body](std::size_t offset, httplib::DataSink& sink) {
            if (offset < body.size()) sink.write(body.data() + offset, body.size() - offset);
            else sink.done();
            return true;
        },
        "application/json"));
}

std::string raw_exchange(int port, std::string_view request) {
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (socket_fd < 0) throw std::runtime_error("socket() failed");
    const timeval quiet{1, 0};  // a safety net only: reading ends as soon as the response is complete
    setsockopt(socket_fd, SOL_SOCKET, SO_RCVTIMEO, &quiet, sizeof quiet);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    // No shutdown(SHUT_WR) after sending: httplib takes a half-closed socket for a dead one and
    // would not answer at all. So the response is complete when its Content-Length has arrived.
    if (::connect(socket_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        ::send(socket_fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buffer[4096];
        for (ssize_t received; (received = ::recv(socket_fd, buffer, sizeof buffer, 0)) > 0;) {
            answer.append(buffer, static_cast<std::size_t>(received));
            const std::size_t body = answer.find("\r\n\r\n");
            if (body == std::string::npos) continue;
            const std::size_t length = answer.find("\r\nContent-Length: ");
            if (length == std::string::npos || length > body) break;
            if (answer.size() >= body + 4 + std::stoul(answer.substr(length + 18))) break;
        }
    }
    ::close(socket_fd);
    return answer;
}

std::string fixture_file(const std::string& relative) {
    std::ifstream in(std::filesystem::path(MUAMALA_WEB_FIXTURE_DIR) / relative, std::ios::binary);
    if (!in) throw std::runtime_error("no fixture file " + relative);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// [SECTION] Accounts and sign-in

TestAccount create_test_account(const RunningServer& server, const std::string& civil_id, Role role,
                                const std::optional<std::string>& center_id) {
    TestAccount account{civil_id, "correct horse battery staple " + civil_id, new_totp_secret()};
    Connection connection = Connection::open(server.database_file());
    Transaction transaction(connection);
    create_account(connection, account.civil_id, role, account.password, account.totp_secret, center_id,
                   iso_timestamp(server.clock().now()));
    transaction.commit();
    return account;
}

std::string totp_code_at(const TestAccount& account, std::chrono::system_clock::time_point at) {
    return totp_code(account.totp_secret, unix_seconds(at));
}

std::string next_unused_totp_code(const RunningServer& server, const TestAccount& account) {
    Connection connection = Connection::open(server.database_file());
    Statement last = connection.prepare("SELECT totp_last_step FROM accounts WHERE civil_id = ?1");
    last.bind(1, account.civil_id);
    if (!last.step()) throw std::runtime_error("no account for " + account.civil_id);
    const long long now = totp_step(unix_seconds(server.clock().now()));
    const long long step = std::max<long long>(now - totp_window_steps, last.column_int64(0) + 1);
    if (step > now + totp_window_steps) throw std::runtime_error("every code in the window is used: advance the clock");
    return totp_code(account.totp_secret, step * totp_step_seconds);
}

std::string session_cookie_in(const HttpReply& reply) {
    const std::string set_cookie = reply.header("Set-Cookie");
    return set_cookie.substr(0, set_cookie.find(';'));
}

SignedInSession sign_in(const RunningServer& server, const TestAccount& account) {
    const HttpReply password = post(server.port(), "/api/v1/session",
                                    dump(Json{{"civil_id", account.civil_id}, {"password", account.password}}));
    if (password.status != 200) throw std::runtime_error("password step: " + password.body);
    const HttpReply code = post(server.port(), "/api/v1/session/verify",
                                dump(Json{{"code", next_unused_totp_code(server, account)}}), "application/json",
                                {{"Cookie", session_cookie_in(password)}});
    if (code.status != 200) throw std::runtime_error("code step: " + code.body);
    return {session_cookie_in(code), code.json().at("csrf_token").get<std::string>()};
}

// [SECTION] The real binary, for one-shot commands

std::string civil_id_named(Database& database, std::string_view name_en) {
    auto connection = database.connect();
    Statement row = connection->prepare("SELECT civil_id FROM persons WHERE name_en = ?1");
    row.bind(1, name_en);
    if (!row.step()) {
        ADD_FAILURE() << "no one named " << name_en;
        return "";
    }
    return row.column_text(0);
}

std::int64_t rows_in(Database& database, std::string_view table) {
    auto connection = database.connect();
    Statement row = connection->prepare("SELECT count(*) FROM " + std::string(table));
    row.step();
    return row.column_int64(0);
}

ProcessResult run_server_binary(const std::vector<std::string>& arguments) {
    // Output goes to files, not pipes: nothing to drain while waiting, however much is written.
    const TempDir dir;
    const std::filesystem::path out = dir.path() / "stdout", err = dir.path() / "stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv{const_cast<char*>(MUAMALA_SERVER_BINARY)};
    for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, MUAMALA_SERVER_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot start " MUAMALA_SERVER_BINARY);
    int status = 0;
    waitpid(pid, &status, 0);
    const auto read_file = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(out), read_file(err)};
}

}  // namespace muamala::server::testing
