// The HTTP server: routes, limits, and the cross-cutting rules every response follows (one error
// body, security headers, a request id, an access log line). cpp-httplib stays inside
// http_app.cpp: it is a heavy header, and nothing else needs to know which HTTP library serves.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "server/assets/static_assets.h"
#include "server/http/api_route.h"
#include "server/edge/client_address.h"
#include "server/edge/connection_guard.h"
#include "server/edge/tls_certificates.h"

namespace muamala::server {

class ServerLog;

// Request bodies above this answer 413. API requests are a few hundred bytes of JSON; the limit
// leaves room for the largest form to come while keeping a flood from filling memory.
inline constexpr std::size_t request_body_limit_bytes = 64 * 1024;

// How the server meets the network: plain HTTP or TLS, whom it believes about client addresses,
// and what one client may hold.
struct EdgeSettings {
    std::optional<TlsFiles> tls;                // set: HTTPS only, with Strict-Transport-Security
    std::vector<AddressRange> trusted_proxies;  // --trusted-proxy: their X-Forwarded-For is believed
    ConnectionLimits connection_limits{};
};

class HttpApp {
public:
    // `routes` answer under /api, and /metrics (api_routes.h); `assets` is the web client to serve
    // (embedded_web_assets()). Assets, log and whatever the routes refer to must outlive the app.
    // Throws std::runtime_error when the TLS pair cannot be loaded.
    HttpApp(std::vector<Route> routes, std::span<const WebAsset> assets, ServerLog& log, EdgeSettings edge = {});
    ~HttpApp();
    HttpApp(const HttpApp&) = delete;
    HttpApp& operator=(const HttpApp&) = delete;

    // Binds the listening socket and returns its port (port 0: one the system picked). Throws
    // std::runtime_error when the address cannot be bound.
    int bind(const std::string& address, int port);
    void listen();                  // after bind(): serves until stop(), on a bounded thread pool
    void wait_until_ready() const;  // returns once listen() accepts connections, or has failed
    void stop();                    // from any thread: listen() finishes its requests and returns

    bool serves_tls() const;
    // Reads the TLS certificate and key files again (on SIGHUP): nullopt when the new pair took
    // effect for every later handshake, otherwise what is wrong (the old pair stays).
    std::optional<std::string> reload_tls();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace muamala::server
