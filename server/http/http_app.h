// The HTTP server: routes, limits, and the cross-cutting rules every response follows (one error
// body, security headers, a request id, an access log line). cpp-httplib stays inside
// http_app.cpp: it is a heavy header, and nothing else needs to know which HTTP library serves.
#pragma once
#include <cstddef>
#include <memory>
#include <span>
#include <string>

#include <vector>

#include "server/assets/static_assets.h"
#include "server/http/api_route.h"

namespace muamala::server {

class ServerLog;

// Request bodies above this answer 413. API requests are a few hundred bytes of JSON; the limit
// leaves room for the largest form to come while keeping a flood from filling memory.
inline constexpr std::size_t request_body_limit_bytes = 64 * 1024;

class HttpApp {
public:
    // `routes` answer under /api, and /metrics (api_routes.h); `assets` is the web client to serve
    // (embedded_web_assets()). Assets, log and whatever the routes refer to must outlive the app.
    HttpApp(std::vector<Route> routes, std::span<const WebAsset> assets, ServerLog& log);
    ~HttpApp();
    HttpApp(const HttpApp&) = delete;
    HttpApp& operator=(const HttpApp&) = delete;

    // Binds the listening socket and returns its port (port 0: one the system picked). Throws
    // std::runtime_error when the address cannot be bound.
    int bind(const std::string& address, int port);
    void listen();                  // after bind(): serves until stop(), on a bounded thread pool
    void wait_until_ready() const;  // returns once listen() accepts connections, or has failed
    void stop();                    // from any thread: listen() finishes its requests and returns

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace muamala::server
