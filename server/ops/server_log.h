// The server's log: one JSON object per line, so operators can grep it and machines can parse it.
//   access  {"time","level":"access","request_id","method","path","status","duration_ms"}, one per request
//   error   {"time","level":"error","request_id","message"}, one per internal failure
// The request id is also sent to the client as X-Request-Id, so a person reporting a problem can
// quote it. Logged: the path without its query string; never bodies, headers or cookies.
#pragma once
#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace muamala::server {

struct AccessRecord {
    std::chrono::system_clock::time_point time;
    std::string_view request_id;
    std::string_view method;  // empty when the request line could not be parsed
    std::string_view path;    // decoded path, no query string
    int status = 0;
    double duration_ms = 0;   // from the end of the request headers to the end of the response
};

class ServerLog {
public:
    explicit ServerLog(std::ostream& out) : out_(out) {}  // `out` must outlive the log
    void access(const AccessRecord& record);
    void error(std::chrono::system_clock::time_point time, std::string_view request_id, std::string_view message);

private:
    void write_line(const std::string& line);
    std::mutex mutex_;  // whole lines only: requests finish on many threads at once
    std::ostream& out_;
};

std::string iso8601_utc(std::chrono::system_clock::time_point time);  // "2025-12-23T08:30:00.125Z"
std::string new_request_id();  // 32 lowercase hex digits, random; thread-safe

}  // namespace muamala::server
