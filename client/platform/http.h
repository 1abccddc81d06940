// Asynchronous HTTP from the page, over the browser's fetch(). Same origin only: the server serves
// the app, so its session cookie travels by itself (credentials: 'same-origin'). Never blocks: the
// answer arrives in a later turn of the browser's event loop, between frames.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace muamala::client {

struct HttpResponse {
    int status = 0;          // HTTP status; 0 when no answer came (network down, server gone, blocked, timed out)
    bool timed_out = false;  // status 0 because no answer came within the request's time limit
    std::string body;        // raw bytes
};
using HttpCallback = std::function<void(HttpResponse&&)>;

struct HttpRequest {
    std::string_view method = "GET";
    std::string_view url;              // relative to the page (see api.h)
    std::string_view json_body;        // sent as application/json when not empty
    std::string_view csrf_token;       // X-CSRF-Token, when not empty (state-changing API calls)
    std::string_view idempotency_key;  // Idempotency-Key, when not empty
    // A server that accepts the connection and never answers would otherwise leave the person
    // watching a spinner forever: after this long the request is abandoned and reported as timed out.
    int timeout_ms = 15'000;
};

void http_send(const HttpRequest& request, HttpCallback done);  // copies what it needs before returning
void http_get(std::string_view url, HttpCallback done);

}  // namespace muamala::client
