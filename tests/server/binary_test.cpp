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

#include <regex>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace muamala::server::testing
