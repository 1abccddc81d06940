// The command line of muamala-server.
#pragma once
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace muamala::server {

struct Options {
    std::string bind_address = "127.0.0.1";              // --bind: only this machine, unless told otherwise
    int port = 8080;                                     // --port: 0 lets the system pick a free one
    std::filesystem::path database = "data/muamala.db";  // --db: relative to the working directory
    bool secure_cookies = false;                         // --secure-cookies: behind TLS, cookies go over TLS only
};

struct CommandLine {
    enum class Action { run, verify_audit, show_help, usage_error };
    Action action = Action::run;
    Options options;    // valid when action == run or verify_audit (which reads only `database`)
    std::string error;  // what was wrong, when action == usage_error
};

// Reads the arguments after the program name. Takes "--flag value" and "--flag=value". A first
// argument "verify-audit" asks for the audit chain check instead of serving; it takes only --db.
CommandLine parse_command_line(std::span<const std::string_view> arguments);

std::string usage_text();  // for --help, and after a usage error

}  // namespace muamala::server
