// The real muamala-server binary, as an operator runs it: its command line, its startup line, and a
// clean stop on SIGTERM or SIGINT.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "common/rulebook.h"
#include "test_support.h"

extern char** environ;

namespace muamala::server::testing {
namespace {

// muamala-server started with `arguments`, its standard output and error read through pipes.
class ServerProcess {
public:
    explicit ServerProcess(const std::vector<std::string>& arguments) {
        int out[2], err[2];
        if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
        std::vector<char*> argv{const_cast<char*>(MUAMALA_SERVER_BINARY)};
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        const int spawned = posix_spawn(&pid_, MUAMALA_SERVER_BINARY, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        close(err[1]);
        stdout_ = out[0];
        stderr_ = err[0];
        if (spawned != 0) throw std::runtime_error("cannot start " MUAMALA_SERVER_BINARY);
    }

    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(stdout_);
        close(stderr_);
    }

    // Reads standard error up to the end of its first line (empty if none comes within 10 s).
    std::string first_error_line() {
        std::string line;
        pollfd readable{stderr_, POLLIN, 0};
        char c;
        while (poll(&readable, 1, 10000) == 1 && read(stderr_, &c, 1) == 1 && c != '\n') line += c;
        return line;
    }

    // Waits for the process to end; returns its exit status, or 128 + the signal that killed it.
    int wait_for_exit() {
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    void signal(int number) { kill(pid_, number); }
    std::string read_stdout() { return read_all(stdout_); }
    std::string read_stderr() { return read_all(stderr_); }

private:
    static std::string read_all(int fd) {  // after the process ended: up to end of file
        std::string text;
        char buffer[4096];
        for (ssize_t got; (got = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
        return text;
    }

    pid_t pid_ = -1;
    int stdout_ = -1;
    int stderr_ = -1;
};

TEST(ServerBinary, PrintsUsageForHelpAndExitsZero) {
    ServerProcess process({"--help"});
    EXPECT_EQ(process.wait_for_exit(), 0);
    const std::string out = process.read_stdout();
    EXPECT_TRUE(out.starts_with("Usage: muamala-server")) << out;
    EXPECT_EQ(process.read_stderr(), "");
}

TEST(ServerBinary, RefusesAnUnknownFlagWithUsageOnStandardErrorAndExitStatus2) {
    ServerProcess process({"--frobnicate"});
    EXPECT_EQ(process.wait_for_exit(), 2);
    const std::string err = process.read_stderr();
    EXPECT_TRUE(err.starts_with("muamala-server: unknown option --frobnicate\n")) << err;
    EXPECT_NE(err.find("Usage: muamala-server"), std::string::npos) << err;
    EXPECT_EQ(process.read_stdout(), "");
}

TEST(ServerBinary, RefusesABadPortWithExitStatus2) {
    ServerProcess process({"--port", "eighty"});
    EXPECT_EQ(process.wait_for_exit(), 2);
}

TEST(ServerBinary, ServesOnTheAnnouncedUrlAndStopsCleanlyOnSigtermAndSigint) {
    for (const int stop_signal : {SIGTERM, SIGINT}) {
        SCOPED_TRACE(strsignal(stop_signal));
        TempDir dir;
        const std::filesystem::path database = dir.path() / "new-folder" / "muamala.db";
        ServerProcess process({"--port", "0", "--db", database.string()});

        const std::string startup = process.first_error_line();
        std::smatch url;
        ASSERT_TRUE(std::regex_search(startup, url, std::regex(R"(serving http://127\.0\.0\.1:(\d+)/)"))) << startup;
        const int port = std::stoi(url[1]);
        EXPECT_TRUE(std::filesystem::exists(database));

        const HttpReply health = get(port, "/api/v1/health");
        EXPECT_EQ(health.status, 200);
        EXPECT_EQ(health.json().at("database"), "ok");
        EXPECT_EQ(get(port, "/").header("Content-Type"), "text/html; charset=utf-8");

        process.signal(stop_signal);
        EXPECT_EQ(process.wait_for_exit(), 0);
        EXPECT_NE(process.read_stderr().find("muamala-server stopped"), std::string::npos);
        const std::string log = process.read_stdout();
        EXPECT_NE(log.find(R"("path":"/api/v1/health","status":200)"), std::string::npos) << log;
    }
}

// A fee change is a file, not a release: the server decides with it and serves it to the app; a file
// the loader finds wrong stops the start, naming the field.
TEST(ServerBinary, DecidesWithAndServesTheRulebookFileItIsGiven) {
    TempDir dir;
    std::string text(embedded_rulebook_json());
    const std::string from = R"("fee_per_year_fils": {"value": 15000,)";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), R"("fee_per_year_fils": {"value": 17500,)");
    const std::filesystem::path file = dir.path() / "rulebook.json";
    std::ofstream(file) << text;
    ServerProcess process({"--port", "0", "--db", (dir.path() / "muamala.db").string(), "--rulebook", file.string()});
    const std::string startup = process.first_error_line();
    std::smatch url;
    ASSERT_TRUE(std::regex_search(startup, url, std::regex(R"(serving http://127\.0\.0\.1:(\d+)/)"))) << startup;
    EXPECT_NE(startup.find("rulebook " + file.string()), std::string::npos) << startup;
    const HttpReply served = get(std::stoi(url[1]), "/api/v1/rulebook");
    ASSERT_EQ(served.status, 200);
    EXPECT_EQ(served.body, text) << "the file as it was loaded";
    process.signal(SIGTERM);
    EXPECT_EQ(process.wait_for_exit(), 0);
}

TEST(ServerBinary, ABadRulebookFileStopsTheStartNamingTheField) {
    TempDir dir;
    std::string text(embedded_rulebook_json());
    const std::string from = R"("fee_per_year_fils": {"value": 15000,)";
    text.replace(text.find(from), from.size(), R"("fee_per_year_fils": {"value": "15 KD",)");
    const std::filesystem::path file = dir.path() / "rulebook.json";
    std::ofstream(file) << text;
    ServerProcess process({"--port", "0", "--db", (dir.path() / "muamala.db").string(), "--rulebook", file.string()});
    EXPECT_EQ(process.wait_for_exit(), 1);
    const std::string err = process.read_stderr();
    EXPECT_NE(err.find("the rulebook " + file.string() + " is not usable"), std::string::npos) << err;
    EXPECT_NE(err.find("versions[3](kw-2025-12).transactions.renew_husband_residency.fee_per_year_fils: must be"),
              std::string::npos) << err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "muamala.db")) << "nothing is opened before the rulebook is whole";

    ServerProcess missing({"--port", "0", "--db", (dir.path() / "muamala.db").string(), "--rulebook",
                           (dir.path() / "nowhere.json").string()});
    EXPECT_EQ(missing.wait_for_exit(), 1);
    EXPECT_NE(missing.read_stderr().find("cannot read the rulebook"), std::string::npos);
}

TEST(ServerBinary, PrintsItsVersion) {
    const ProcessResult result = run_server_binary({"--version"});
    EXPECT_EQ(result.exit_status, 0);
    EXPECT_EQ(result.out, "muamala-server " MUAMALA_VERSION "\n");
}

TEST(ServerBinary, CreatesItsDatabasePrivateAndRefusesOneOthersCanRead) {
    TempDir dir;
    const std::filesystem::path database = dir.path() / "muamala.db";
    {
        ServerProcess process({"--port", "0", "--db", database.string()});
        ASSERT_NE(process.first_error_line().find("serving"), std::string::npos);
        struct stat status {};
        ASSERT_EQ(::stat(database.c_str(), &status), 0);
        EXPECT_EQ(status.st_mode & 0777, 0600u);
        ASSERT_EQ(::stat((database.string() + "-wal").c_str(), &status), 0);
        EXPECT_EQ(status.st_mode & 0777, 0600u);
        process.signal(SIGTERM);
        EXPECT_EQ(process.wait_for_exit(), 0);
    }
    ASSERT_EQ(::chmod(database.c_str(), 0644), 0);
    ServerProcess process({"--port", "0", "--db", database.string()});
    EXPECT_EQ(process.wait_for_exit(), 1);
    const std::string err = process.read_stderr();
    EXPECT_NE(err.find("can be read or written by other users (mode 0644)"), std::string::npos) << err;
    EXPECT_NE(err.find("chmod 600"), std::string::npos) << err;
}

TEST(ServerBinary, ServesADemoDatabaseOnlyWithTheDemoFlagAndARealOneOnlyWithout) {
    TempDir dir;
    const std::filesystem::path demo = dir.path() / "demo.db", real = dir.path() / "real.db";
    ASSERT_EQ(run_server_binary({"seed-demo", "--db", demo.string(), "--households", "2", "--accounts", "1",
                                 "--history-months", "0"})
                  .exit_status,
              0);
    {
        ServerProcess refused({"--port", "0", "--db", demo.string()});
        EXPECT_EQ(refused.wait_for_exit(), 1);
        const std::string err = refused.read_stderr();
        EXPECT_NE(err.find("made by seed-demo"), std::string::npos) << err;
        EXPECT_NE(err.find("--demo"), std::string::npos) << err;
    }
    {
        ServerProcess served({"--port", "0", "--db", demo.string(), "--demo"});
        EXPECT_NE(served.first_error_line().find("DEMO"), std::string::npos);
    }
    ServerProcess refused({"--port", "0", "--db", real.string(), "--demo"});
    EXPECT_EQ(refused.wait_for_exit(), 1);
    EXPECT_NE(refused.read_stderr().find("--demo serves only a database made by seed-demo"), std::string::npos);
}

TEST(ServerBinary, BacksUpAndRestoresFromTheCommandLine) {
    TempDir dir;
    const std::filesystem::path database = dir.path() / "muamala.db", backup = dir.path() / "backup.db";
    ASSERT_EQ(run_server_binary({"seed-demo", "--db", database.string(), "--households", "3", "--accounts", "1", "--history-months", "0"})
                  .exit_status,
              0);
    const ProcessResult backed_up = run_server_binary({"backup", "--db", database.string(), "--to", backup.string()});
    EXPECT_EQ(backed_up.exit_status, 0) << backed_up.err;
    EXPECT_NE(backed_up.err.find("mode 0600"), std::string::npos) << backed_up.err;
    EXPECT_EQ(run_server_binary({"backup", "--db", database.string(), "--to", backup.string()}).exit_status, 1)
        << "a backup never replaces another";

    const ProcessResult restored = run_server_binary({"restore", "--from", backup.string(), "--db", database.string()});
    EXPECT_EQ(restored.exit_status, 0) << restored.err;
    EXPECT_NE(restored.err.find("kept as " + database.string() + ".replaced-"), std::string::npos) << restored.err;
    EXPECT_EQ(run_server_binary({"restore", "--from", backup.string()}).exit_status, 2) << "--db must be named";
}

TEST(ServerBinary, ExitsWithStatus1WhenTheDatabaseCannotBeOpened) {
    TempDir dir;
    ServerProcess process({"--port", "0", "--db", dir.path().string()});  // a folder, not a file
    EXPECT_EQ(process.wait_for_exit(), 1);
    EXPECT_TRUE(process.read_stderr().starts_with("muamala-server: "));
}


// [SECTION] TLS in the binary

// A throwaway self-signed certificate and key (openssl req -x509) for `common_name`.
void make_certificate(const std::filesystem::path& certificate, const std::filesystem::path& key,
                      const std::string& common_name) {
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
                                "-subj /CN=" + common_name + " -keyout '" + key.string() + "' -out '" +
                                certificate.string() + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

struct TlsExchange {
    bool handshake = false;
    std::string common_name;  // of the certificate the server presented
    std::string response;     // everything the server sent back, until it closed
};

// One request over TLS to 127.0.0.1:port, without checking the (self-signed) certificate.
TlsExchange tls_exchange(int port, const std::string& request) {
    TlsExchange exchange;
    SSL_CTX* context = SSL_CTX_new(TLS_client_method());
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    SSL* ssl = SSL_new(context);
    if (::connect(socket_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        SSL_set_fd(ssl, socket_fd) == 1 && SSL_connect(ssl) == 1) {
        exchange.handshake = true;
        if (X509* certificate = SSL_get1_peer_certificate(ssl)) {
            char name[256] = {};
            X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, name, sizeof name);
            exchange.common_name = name;
            X509_free(certificate);
        }
        SSL_write(ssl, request.data(), static_cast<int>(request.size()));
        char buffer[4096];
        for (int got; (got = SSL_read(ssl, buffer, sizeof buffer)) > 0;) exchange.response.append(buffer, got);
    }
    SSL_free(ssl);
    ::close(socket_fd);
    SSL_CTX_free(context);
    return exchange;
}

const std::string health_request = "GET /api/v1/health HTTP/1.1\r\nHost: muamala\r\nConnection: close\r\n\r\n";

TEST(ServerBinary, ServesHttpsWithHstsAndHostOnlySecureCookiesAndReloadsItsCertificateOnSighup) {
    TempDir dir;
    const std::filesystem::path certificate = dir.path() / "cert.pem", key = dir.path() / "key.pem";
    make_certificate(certificate, key, "first");
    ServerProcess process({"--port", "0", "--db", (dir.path() / "muamala.db").string(), "--tls-cert",
                           certificate.string(), "--tls-key", key.string()});
    const std::string startup = process.first_error_line();
    std::smatch url;
    ASSERT_TRUE(std::regex_search(startup, url, std::regex(R"(serving https://127\.0\.0\.1:(\d+)/)"))) << startup;
    const int port = std::stoi(url[1]);

    const TlsExchange health = tls_exchange(port, health_request);
    ASSERT_TRUE(health.handshake);
    EXPECT_EQ(health.common_name, "first");
    EXPECT_TRUE(health.response.starts_with("HTTP/1.1 200")) << health.response;
    EXPECT_NE(health.response.find("Strict-Transport-Security: max-age="), std::string::npos) << health.response;
    EXPECT_EQ(get(port, "/api/v1/health").status, 0) << "no plain HTTP on the TLS port";

    // A cookie the server cannot use is cleared: under TLS, with the __Host- name, Secure.
    const TlsExchange stale = tls_exchange(
        port, "GET /api/v1/session HTTP/1.1\r\nHost: muamala\r\nCookie: __Host-muamala_session=stale\r\n"
              "Connection: close\r\n\r\n");
    EXPECT_NE(stale.response.find("Set-Cookie: __Host-muamala_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; "
                                  "Secure"),
              std::string::npos)
        << stale.response;

    // A renewed certificate takes effect on SIGHUP, without a restart.
    make_certificate(certificate, key, "renewed");
    process.signal(SIGHUP);
    EXPECT_NE(process.first_error_line().find("reloaded the TLS certificate and key"), std::string::npos);
    EXPECT_EQ(tls_exchange(port, health_request).common_name, "renewed");

    // A broken pair (this key belongs to another certificate) is refused, and the last good one stays.
    make_certificate(dir.path() / "other.pem", key, "other");
    process.signal(SIGHUP);
    EXPECT_NE(process.first_error_line().find("kept the old certificate"), std::string::npos);
    const TlsExchange after = tls_exchange(port, health_request);
    EXPECT_EQ(after.common_name, "renewed");
    EXPECT_TRUE(after.response.starts_with("HTTP/1.1 200")) << after.response;

    process.signal(SIGTERM);
    EXPECT_EQ(process.wait_for_exit(), 0);
}

TEST(ServerBinary, RefusesToStartOnACertificateItCannotUseAndSaysWhy) {
    TempDir dir;
    ServerProcess process({"--port", "0", "--db", (dir.path() / "muamala.db").string(), "--tls-cert",
                           (dir.path() / "missing.pem").string(), "--tls-key", (dir.path() / "missing.key").string()});
    EXPECT_EQ(process.wait_for_exit(), 1);
    EXPECT_NE(process.read_stderr().find("cannot read the TLS certificate"), std::string::npos);
}

}  // namespace
}  // namespace muamala::server::testing
