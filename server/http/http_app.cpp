// HttpApp on cpp-httplib: the routes, the hardening, and the handlers every request passes through.
//
// Index of this file:
// [SECTION] Limits
// [SECTION] Request trace
// [SECTION] Writing responses
// [SECTION] Guarded servers: admission and deadlines per connection
// [SECTION] HttpApp::Impl: routes and cross-cutting handlers
// [SECTION] HttpApp

#include "server/http/http_app.h"

#include <httplib.h>

#include <sys/socket.h>

#include <chrono>
#include <functional>
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
// included, and a browser opens up to six: so the pool is sized in connections, not cores. It grows
// from the idle threads kept to the most that may exist while connections wait on slow clients
// (each blocked in a read, costing a stack and no CPU), so a crowd of slow clients cannot take every
// worker before the connection guard's deadlines free them. Connections beyond the queue are
// closed at once rather than piling up without bound.
constexpr std::size_t idle_worker_threads = 32;
constexpr std::size_t most_worker_threads = 1024;
constexpr std::size_t max_waiting_connections = 1024;
constexpr auto read_timeout = std::chrono::seconds(5);    // per read: a stalled client frees its worker
constexpr auto write_timeout = std::chrono::seconds(10);  // per write: a slow phone still gets the wasm
constexpr std::size_t keep_alive_max_requests = 100;

// Under TLS: browsers that have seen the site once never try it over plain HTTP again for a year.
constexpr std::string_view strict_transport_security = "max-age=31536000";

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


// [SECTION] Guarded servers: admission and deadlines per connection
// httplib serves each connection on one worker thread from its first byte to its closing, so the
// connection's admission rides in a thread-local from the guarded server to the handlers below.
thread_local ConnectionGuard::Admission* current_admission = nullptr;

ApiError too_many_connections() {
    return {429, "connection.too_many",
            {"There are too many connections from your address. Close some pages, or wait a minute, then try again",
             "يوجد عدد كبير جدًا من الاتصالات من عنوانك. أغلق بعض الصفحات أو انتظر دقيقة ثم حاول مرة أخرى"},
            {}};
}

std::string peer_address_of(socket_t socket) {
    std::string address;
    int port = 0;
    httplib::detail::get_remote_ip_and_port(socket, address, port);
    return address;
}

// A server of type Base (httplib::Server, httplib::SSLServer) whose connections first pass the
// guard. httplib keeps its own per-connection routine private, so `Serve` repeats it (it is short):
// Serve::serve(server, socket) answers the connection's requests and closes it.
template <class Base, class Serve>
class GuardedServer final : public Base {
public:
    template <class... BaseArguments>
    GuardedServer(ConnectionGuard& guard, const std::vector<AddressRange>& trusted_proxies, BaseArguments&&... arguments)
        : Base(std::forward<BaseArguments>(arguments)...), guard_(guard), trusted_proxies_(trusted_proxies) {}

    // For Serve, which must reach what httplib keeps protected.
    using Base::keep_alive_max_count_, Base::keep_alive_timeout_sec_, Base::read_timeout_sec_,
        Base::read_timeout_usec_, Base::write_timeout_sec_, Base::write_timeout_usec_, Base::svr_sock_,
        Base::process_request;

private:
    bool process_and_close_socket(socket_t socket) override {
        const std::string peer = peer_address_of(socket);
        // A trusted proxy speaks for many clients: its connections are not counted against it (the
        // proxy limits each client itself), only given deadlines.
        std::optional<ConnectionGuard::Admission> admission =
            guard_.admit(socket, peer, !is_trusted(peer, trusted_proxies_));
        if (!admission) {
            Serve::refuse(socket);
            httplib::detail::shutdown_socket(socket);
            httplib::detail::close_socket(socket);
            return false;
        }
        current_admission = &*admission;
        const bool served = Serve::serve(*this, socket);
        current_admission = nullptr;
        return served;
    }

    ConnectionGuard& guard_;
    const std::vector<AddressRange>& trusted_proxies_;
};

template <class Server>
bool serve_request(Server& server, httplib::Stream& stream, const socket_t socket, bool close_connection,
                   bool& connection_closed, const std::function<void(Request&)>& setup_request) {
    std::string remote_address, local_address;
    int remote_port = 0, local_port = 0;
    httplib::detail::get_remote_ip_and_port(socket, remote_address, remote_port);
    httplib::detail::get_local_ip_and_port(socket, local_address, local_port);
    return server.process_request(stream, remote_address, remote_port, local_address, local_port, close_connection,
                                  connection_closed, setup_request);
}

struct ServePlain {
    // Over the cap, the client is told so in the standard body, then the connection closes.
    static void refuse(socket_t socket) {
        static const std::string response = [] {
            const std::string body = dump(to_json(too_many_connections()));
            return "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\nRetry-After: 60\r\nConnection: close\r\n\r\n" + body;
        }();
        // A fresh socket's send buffer is empty: this never blocks, and a failure only loses the courtesy.
        (void)::send(socket, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    }

    template <class Server>
    static bool serve(Server& server, socket_t socket) {
        const bool served = httplib::detail::process_server_socket(
            server.svr_sock_, socket, server.keep_alive_max_count_, server.keep_alive_timeout_sec_,
            server.read_timeout_sec_, server.read_timeout_usec_, server.write_timeout_sec_, server.write_timeout_usec_,
            [&](httplib::Stream& stream, bool close_connection, bool& connection_closed) {
                return serve_request(server, stream, socket, close_connection, connection_closed, nullptr);
            });
        httplib::detail::shutdown_socket(socket);
        httplib::detail::close_socket(socket);
        return served;
    }
};

struct ServeTls {
    // Nothing can be said before a TLS handshake, and the handshake is what the cap saves.
    static void refuse(socket_t) {}

    template <class Server>
    static bool serve(Server& server, socket_t socket) {
        namespace tls = httplib::tls;
        const tls::session_t session = tls::create_session(server.tls_context(), socket);
        bool handshake_done = false, served = false;
        const auto cleanup = httplib::detail::scope_exit([&] {
            if (session != nullptr) {
                if (handshake_done) tls::shutdown(session, served);
                tls::free_session(session);
            }
            httplib::detail::shutdown_socket(socket);
            httplib::detail::close_socket(socket);
        });
        if (session == nullptr) return false;
        tls::TlsError error;
        if (!tls::accept_nonblocking(session, socket, server.read_timeout_sec_, server.read_timeout_usec_, &error))
            return false;
        handshake_done = true;
        served = httplib::detail::process_server_socket_ssl(
            server.svr_sock_, session, socket, server.keep_alive_max_count_, server.keep_alive_timeout_sec_,
            server.read_timeout_sec_, server.read_timeout_usec_, server.write_timeout_sec_, server.write_timeout_usec_,
            [&](httplib::Stream& stream, bool close_connection, bool& connection_closed) {
                return serve_request(server, stream, socket, close_connection, connection_closed,
                                     [session](Request& request) { request.ssl = session; });
            });
        return served;
    }
};

using PlainServer = GuardedServer<httplib::Server, ServePlain>;
using TlsServer = GuardedServer<httplib::SSLServer, ServeTls>;

// X-Forwarded-For, every line of it in order (a proxy may add a line rather than extend one).
std::string forwarded_for(const Request& request) {
    std::string all;
    const std::size_t lines = request.get_header_value_count("X-Forwarded-For");
    for (std::size_t index = 0; index < lines; ++index)
        all += (index == 0 ? "" : ",") + request.get_header_value("X-Forwarded-For", "", index);
    return all;
}

}  // namespace

// [SECTION] HttpApp::Impl: routes and cross-cutting handlers

struct HttpApp::Impl {
    Impl(std::vector<Route> api_routes, std::span<const WebAsset> web_assets, ServerLog& log, EdgeSettings edge)
        : edge(std::move(edge)), guard(this->edge.connection_limits), routes(std::move(api_routes)),
          assets(web_assets), log(log) {
        if (this->edge.tls) {
            certificates.emplace(*this->edge.tls);
            server = std::make_unique<TlsServer>(guard, this->edge.trusted_proxies, [this](httplib::tls::ctx_t context) {
                certificates->install(context);
                return true;
            });
            if (!server->is_valid()) throw std::runtime_error("OpenSSL could not make a TLS server context");
        } else {
            server = std::make_unique<PlainServer>(guard, this->edge.trusted_proxies);
        }
        set_limits();
        add_routes();
        add_cross_cutting_handlers();
    }

    void set_limits() {
        server->new_task_queue = [] {
            return new httplib::ThreadPool(idle_worker_threads, most_worker_threads, max_waiting_connections);
        };
        server->set_payload_max_length(request_body_limit_bytes);
        server->set_read_timeout(read_timeout);
        server->set_write_timeout(write_timeout);
        server->set_keep_alive_timeout(
            std::chrono::duration_cast<std::chrono::seconds>(edge.connection_limits.keep_alive_idle).count());
        server->set_keep_alive_max_count(keep_alive_max_requests);
        // httplib writes headers and body in separate sends: with Nagle's algorithm on, the body
        // would wait for the client's delayed ACK of the headers (40 ms on Linux).
        server->set_tcp_nodelay(true);
    }

    void add_routes() {
        for (const Route& route : routes) {
            const httplib::Server::Handler handler = [this, &route](const Request& request, Response& response) {
                // The request is whole: from here its handler's time counts toward the response's
                // deadline, not the reading's (an Argon2 check on a busy machine is not a slow client).
                if (current_admission != nullptr) current_admission->response_started();
                send(response, route.handle(to_api_request(request)));
            };
            if (route.method == "GET") server->Get(route.pattern, handler);
            else if (route.method == "POST") server->Post(route.pattern, handler);
            else if (route.method == "PUT") server->Put(route.pattern, handler);
            else if (route.method == "DELETE") server->Delete(route.pattern, handler);
            else throw std::logic_error("route " + route.pattern + " has unsupported method " + route.method);
        }
        server->Get(R"(/.*)", [this](const Request& request, Response& response) {
            // /api/ belongs to the API whatever the web client's folder holds: never serve a file there.
            if (request.path.starts_with("/api/")) {
                response.status = 404;
                return;
            }
            send_asset(response, assets.reply(request.path, request.get_header_value("Accept-Encoding"),
                                              request.get_header_value("If-None-Match")));
        });
    }

    ApiRequest to_api_request(const Request& request) const {
        ApiRequest api{request.method, request.path, request.body,
                       real_client_address(request.remote_addr, forwarded_for(request), edge.trusted_proxies),
                       {}, {}, {}};
        for (const auto& [name, value] : request.path_params) api.path_params.emplace(name, value);
        for (const auto& [name, value] : request.params) api.query.emplace(name, value);
        for (const auto& [name, value] : request.headers) api.headers.emplace(name, value);
        return api;
    }

    void add_cross_cutting_handlers() {
        // First sight of a parsed request: start its trace; refuse bodies that could not be bounded
        // before httplib starts reading them.
        server->set_pre_routing_handler([](const Request& request, Response& response) {
            current_trace.emplace();
            if (!has_body_without_length(request)) return Handling::Unhandled;
            send_json(response, 400, to_json(length_required()));
            response.set_header("Connection", "close");  // the unread body must not be taken for a request
            return Handling::Handled;
        });

        // Every status >= 400 without a body (unknown path, 413 from the payload limit, a request
        // line httplib could not parse...) gets the standard error body; bodies a route already
        // wrote (422, 400 from validate) are left as they are.
        server->set_error_handler([](const Request&, Response& response) {
            if (!response.body.empty()) return Handling::Unhandled;
            send_json(response, response.status, to_json(error_for_status(response.status)));
            return Handling::Handled;
        });

        // A route that throws: the client gets the standard 500 body and the request id, never
        // the exception's text; the log gets the text with the same id.
        server->set_exception_handler([this](const Request&, Response& response, std::exception_ptr failure) {
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
        server->set_post_routing_handler([this](const Request&, Response& response) {
            if (current_admission != nullptr) current_admission->response_started();
            for (const auto& [name, value] : security_headers) response.set_header(std::string(name), std::string(value));
            if (certificates) response.set_header("Strict-Transport-Security", std::string(strict_transport_security));
            // API answers and errors are about one moment; only the web client's files set their own.
            if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
            response.set_header("X-Request-Id", trace().id);
        });

        server->set_logger([this](const Request& request, const Response& response) {
            if (current_admission != nullptr) current_admission->response_finished();
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

    const EdgeSettings edge;
    ConnectionGuard guard;  // before the server, which refers to it: destroyed after it
    std::optional<TlsCertificates> certificates;
    std::unique_ptr<httplib::Server> server;
    const std::vector<Route> routes;  // handlers refer to these by address: never resized
    StaticAssets assets;
    ServerLog& log;
};

// [SECTION] HttpApp

HttpApp::HttpApp(std::vector<Route> routes, std::span<const WebAsset> assets, ServerLog& log, EdgeSettings edge)
    : impl_(std::make_unique<Impl>(std::move(routes), assets, log, std::move(edge))) {}

HttpApp::~HttpApp() = default;

int HttpApp::bind(const std::string& address, int port) {
    const int bound = port == 0 ? impl_->server->bind_to_any_port(address)
                                : (impl_->server->bind_to_port(address, port) ? port : -1);
    if (bound < 0)
        throw std::runtime_error("cannot listen on " + address + " port " + std::to_string(port) +
                                 " (is the port in use, or the address not one of this machine's?)");
    return bound;
}

void HttpApp::listen() {
    if (!impl_->server->listen_after_bind()) throw std::runtime_error("the server stopped accepting connections");
}

void HttpApp::wait_until_ready() const { impl_->server->wait_until_ready(); }

void HttpApp::stop() { impl_->server->stop(); }

bool HttpApp::serves_tls() const { return impl_->certificates.has_value(); }

std::optional<std::string> HttpApp::reload_tls() {
    if (!impl_->certificates) return "the server does not serve TLS";
    return impl_->certificates->reload();
}

}  // namespace muamala::server
