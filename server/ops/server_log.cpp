#include "server/ops/server_log.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

#include "common/wire.h"

namespace muamala::server {

void ServerLog::access(const AccessRecord& record) {
    write_line(dump(Json{{"time", iso8601_utc(record.time)},
                         {"level", "access"},
                         {"request_id", record.request_id},
                         {"method", record.method},
                         {"path", record.path},
                         {"status", record.status},
                         {"duration_ms", std::round(record.duration_ms * 1000) / 1000}}));
}

void ServerLog::error(std::chrono::system_clock::time_point time, std::string_view request_id,
                      std::string_view message) {
    write_line(dump(Json{{"time", iso8601_utc(time)},
                         {"level", "error"},
                         {"request_id", request_id},
                         {"message", message}}));
}

void ServerLog::write_line(const std::string& line) {
    std::lock_guard lock(mutex_);
    out_ << line << '\n' << std::flush;  // a line per event, visible at once (tail -f, journald)
}

std::string iso8601_utc(std::chrono::system_clock::time_point time) {
    const auto since_epoch = time.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
    const auto milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    const std::time_t whole = static_cast<std::time_t>(seconds.count());
    std::tm utc{};
    gmtime_r(&whole, &utc);
    char text[40];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(milliseconds));
    return text;
}

std::string new_request_id() {
    // One generator per thread: no lock on the request path. Ids need to be unique, not secret.
    thread_local std::mt19937_64 generator = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device()};  // 128 bits: one 32-bit seed would repeat
        return std::mt19937_64(seed);
    }();
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(generator()),
                  static_cast<unsigned long long>(generator()));
    return text;
}

}  // namespace muamala::server
