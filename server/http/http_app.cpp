// HttpApp on cpp-httplib: the routes, the hardening, and the handlers every request passes through.
//
// Index of this file:
// [SECTION] Limits
// [SECTION] Request trace
// [SECTION] Writing responses
// [SECTION] HttpApp::Impl: routes and cross-cutting handlers
// [SECTION] HttpApp

#include "server/http/http_app.h"

#include <httplib.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "common/wire.h"
#include "server/ops/server_log.h"

namespace muamala::server {
namespace {

using httplib::Request;
using httplib::Response;
using Handling = httplib::Server::HandlerResponse;

// [SECTION] Limits
// httplib gives each connection a worker for as long as it stays open, idle keep-alive time
// included, and a browser opens up to six: so the pool is sized in connections, not cores.
// Connections beyond the queue are closed at once rather than piling up without bound.
constexpr std::size_t worker_threads = 32;
constexpr std::size_t max_waiting_connections = 256;
constexpr auto read_timeout = std::chrono::seconds(5);    // per read: a stalled client frees its worker
constexpr auto write_timeout = std::chrono::seconds(10);  // per write: a slow phone still gets the wasm
constexpr time_t keep_alive_timeout_seconds = 5;
constexpr std::size_t keep_alive_max_requests = 100;

// Sent with every response. The policy allows exactly what the emscripten client needs: scripts
// from this origin, compiling wasm ('wasm-unsafe-eval'), the inline styles of its HTML shell,
// data: images, and fetch() back to this origin. Nothing may frame the app (clickjacking).
constexpr std::pair<std::string_view, std::string_view> security_headers[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
     "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
};

// [SECTION] Request trace
// httplib handles a request on one worker thread from routing to the log line, but its callbacks
// share no per-request slot. The id and the start time ride in this thread-local from the first
// callback that sees the request to the logger, which ends it.
struct RequestTrace {
    std::string id = new_request_id();
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};
thread_local std::optional<RequestTrace> current_trace;

// The trace of the request this thread is answering. Requests httplib rejects before routing (a
// malformed request line) are first seen by the post-routing handler, and start their trace there.
RequestTrace& trace() {
    if (!current_trace) current_trace.emplace();
    return *current_trace;
}

// [SECTION] Writing responses

void send_json(Response& response, int status, const Json& body) {
    response.status = status;
    response.set_content(dump(body), "application/json");
}

void send_asset(Response& response, const AssetReply& reply) {
    response.status = reply.status;
    if (reply.status == 404) return;  // the error handler writes the body
    response.set_header("ETag", std::string(reply.etag));
    response.set_header("Cache-Control", std::string(reply.cache_control));
    if (reply.varies_by_encoding) response.set_header("Vary", "Accept-Encoding");
    if (reply.status == 304) {
        // RFC 9110 lets a 304 carry Content-Length only as the length of the 200 it stands for;
        // without this httplib would write 0.
        response.set_header("Content-Length", std::to_string(reply.body.size()));
        return;
    }
    if (reply.gzip) response.set_header("Content-Encoding", "gzip");
    response.set_content(reply.body.data(), reply.body.size(), std::string(reply.content_type));
}

// A body httplib would read without a bound: chunked (payload_max_length only limits bodies that
// declare their length) or delimited by closing the connection. Browsers always send a length.
bool has_body_without_length(const Request& request) {
    if (request.has_header("Transfer-Encoding")) return true;
    const bool takes_body = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    return takes_body && !request.has_header("Content-Length");
}

}  // namespace

// [SECTION] HttpApp::Impl: routes and cross-cutting handlers

struct HttpApp::Impl {
    Impl(std::vector<Route> api_routes, std::span<const WebAsset> web_assets, ServerLog& log)
        : routes(std::move(api_routes)), assets(web_assets), log(log) {
        set_limits();
        add_routes();
        add_cross_cutting_handlers();
    }

    void set_limits() {
        server.new_task_queue = [] { return new httplib::ThreadPool(worker_threads, max_waiting_connections); };
        server.set_payload_max_length(request_body_limit_bytes);
        server.set_read_timeout(read_timeout);
        server.set_write_timeout(write_timeout);
        server.set_keep_alive_timeout(keep_alive_timeout_seconds);
        server.set_keep_alive_max_count(keep_alive_max_requests);
        // httplib writes headers and body in separate sends: with Nagle's algorithm on, the body
        // would wait for the client's delayed ACK of the headers (40 ms on Linux).
        server.set_tcp_nodelay(true);
    }

    void add_routes() {
        for (const Route& route : routes) {
            const httplib::Server::Handler handler = [this, &route](const Request& request, Response& response) {
                send(response, route.handle(to_api_request(request)));
            };
            if (route.method == "GET") server.Get(route.pattern, handler);
            else if (route.method == "POST") server.Post(route.pattern, handler);
            else if (route.method == "PUT") server.Put(route.pattern, handler);
            else if (route.method == "DELETE") server.Delete(route.pattern, handler);
            else throw std::logic_error("route " + route.pattern + " has unsupported method " + route.method);
        }
        server.Get(R"(/.*)", [this](const Request& request, Response& response) {
            // /api/ belongs to the API whatever the web client's folder holds: never serve a file there.
            if (request.path.starts_with("/api/")) {
                response.status = 404;
                return;
            }
            send_asset(response, assets.reply(request.path, request.get_header_value("Accept-Encoding"),
                                              request.get_header_value("If-None-Match")));
        });
    }

    static ApiRequest to_api_request(const Request& request) {
        ApiRequest api{request.method, request.path, request.body, request.remote_addr, {}, {}, {}};
        for (const auto& [name, value] : request.path_params) api.path_params.emplace(name, value);
        for (const auto& [name, value] : request.params) api.query.emplace(name, value);
        for (const auto& [name, value] : request.headers) api.headers.emplace(name, value);
        return api;
    }

    void add_cross_cutting_handlers() {
        // First sight of a parsed request: start its trace; refuse bodies that could not be bounded
        // before httplib starts reading them.
        server.set_pre_routing_handler([](const Request& request, Response& response) {
            current_trace.emplace();
            if (!has_body_without_length(request)) return Handling::Unhandled;
            send_json(response, 400, to_json(length_required()));
            response.set_header("Connection", "close");  // the unread body must not be taken for a request
            return Handling::Handled;
        });

        // Every status >= 400 without a body (unknown path, 413 from the payload limit, a request
        // line httplib could not parse...) gets the standard error body; bodies a route already
        // wrote (422, 400 from validate) are left as they are.
        server.set_error_handler([](const Request&, Response& response) {
            if (!response.body.empty()) return Handling::Unhandled;
            send_json(response, response.status, to_json(error_for_status(response.status)));
            return Handling::Handled;
        });

        // A route that throws: the client gets the standard 500 body and the request id, never
        // the exception's text; the log gets the text with the same id.
        server.set_exception_handler([this](const Request&, Response& response, std::exception_ptr failure) {
            std::string what;
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& exception) {
                what = exception.what();
            } catch (...) {
                what = "an exception that is not a std::exception";
            }
            log.error(std::chrono::system_clock::now(), trace().id, "unhandled exception: " + what);
            response.headers.clear();  // whatever the route had half-written
            response.body.clear();
            send_json(response, 500, to_json(error_for_status(500)));
        });

        // Runs for every response, just before it is written, including httplib's own errors.
        server.set_post_routing_handler([](const Request&, Response& response) {
            for (const auto& [name, value] : security_headers) response.set_header(std::string(name), std::string(value));
            // API answers and errors are about one moment; only the web client's files set their own.
            if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
            response.set_header("X-Request-Id", trace().id);
        });

        server.set_logger([this](const Request& request, const Response& response) {
            const RequestTrace& request_trace = trace();
            const std::chrono::duration<double, std::milli> duration = std::chrono::steady_clock::now() - request_trace.start;
            log.access({std::chrono::system_clock::now(), request_trace.id, request.method, request.path, response.status,
                        duration.count()});
            current_trace.reset();
        });
    }

    // An API reply, with its log detail (if any) written under the request's id.
    void send(Response& response, const ApiReply& reply) {
        if (!reply.log_detail.empty()) log.error(std::chrono::system_clock::now(), trace().id, reply.log_detail);
        for (const auto& [name, value] : reply.headers) response.set_header(name, value);
        if (reply.raw) {
            response.status = reply.status;
            response.set_content(reply.raw->bytes, reply.raw->content_type);
            return;
        }
        send_json(response, reply.status, reply.body);
    }

    httplib::Server server;
    const std::vector<Route> routes;  // handlers refer to these by address: never resized
    StaticAssets assets;
    ServerLog& log;
};

// [SECTION] HttpApp

HttpApp::HttpApp(std::vector<Route> routes, std::span<const WebAsset> assets, ServerLog& log)
    : impl_(std::make_unique<Impl>(std::move(routes), assets, log)) {}

HttpApp::~HttpApp() = default;

int HttpApp::bind(const std::string& address, int port) {
    const int bound = port == 0 ? impl_->server.bind_to_any_port(address)
                                : (impl_->server.bind_to_port(address, port) ? port : -1);
    if (bound < 0)
        throw std::runtime_error("cannot listen on " + address + " port " + std::to_string(port) +
                                 " (is the port in use, or the address not one of this machine's?)");
    return bound;
}

void HttpApp::listen() {
    if (!impl_->server.listen_after_bind()) throw std::runtime_error("the server stopped accepting connections");
}

void HttpApp::wait_until_ready() const { impl_->server.wait_until_ready(); }

void HttpApp::stop() { impl_->server.stop(); }

}  // namespace muamala::server
