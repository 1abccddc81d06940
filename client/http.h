// Asynchronous HTTP from the page, over the browser's fetch(). Same origin only: the server serves
// the app, so its session cookie travels by itself (credentials: 'same-origin'). Never blocks: the
// answer arrives in a later turn of the browser's event loop, between frames.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace muamala::client {

struct HttpResponse {
    int status = 0;    // HTTP status; 0 when no answer came (network down, server gone, blocked)
    std::string body;  // raw bytes
};
using HttpCallback = std::function<void(HttpResponse&&)>;

void http_get(std::string_view url, HttpCallback done);
void http_post_json(std::string_view url, std::string_view json, HttpCallback done);

}  // namespace muamala::client
