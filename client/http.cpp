#include "client/http.h"

#include <emscripten/emscripten.h>

#include <memory>
#include <string>

namespace muamala::client {
namespace {

// Owned by the JavaScript side while the request is in flight: its address travels to fetch() and
// comes back to muamala_http_done, which frees it.
struct PendingRequest {
    HttpCallback done;
};

// Starts the request and returns at once. The body, when any, is copied out of the heap before
// returning, so the caller's buffer need not outlive the call. The answer (any status) or the
// failure (status 0) is copied into the heap for muamala_http_done, then freed again.
EM_JS(void, muamala_js_fetch, (const char* method, const char* url, const char* body, int body_size, void* request), {
    const init = {method: UTF8ToString(method), credentials: "same-origin", headers: {}};
    if (body) {
        init.body = HEAPU8.slice(body, body + body_size);
        init.headers["Content-Type"] = "application/json";
        init.headers["Accept"] = "application/json";
    }
    fetch(UTF8ToString(url), init)
        .then((response) => response.arrayBuffer().then((bytes) => [response.status, new Uint8Array(bytes)]))
        .catch(() => [0, new Uint8Array(0)])
        .then(([status, bytes]) => {
            const heap_bytes = _malloc(bytes.length + 1);
            HEAPU8.set(bytes, heap_bytes);  // HEAPU8 read after _malloc: the heap may have grown
            _muamala_http_done(request, status, heap_bytes, bytes.length);
            _free(heap_bytes);
        });
});

void start(const char* method, std::string_view url, const char* body, int body_size, HttpCallback done) {
    const std::string url_text(url);  // the JavaScript side reads a NUL-terminated string
    muamala_js_fetch(method, url_text.c_str(), body, body_size, new PendingRequest{std::move(done)});
}

}  // namespace

void http_get(std::string_view url, HttpCallback done) { start("GET", url, nullptr, 0, std::move(done)); }

void http_post_json(std::string_view url, std::string_view json, HttpCallback done) {
    start("POST", url, json.data(), static_cast<int>(json.size()), std::move(done));
}

}  // namespace muamala::client

extern "C" EMSCRIPTEN_KEEPALIVE void muamala_http_done(void* request, int status, const char* body, int body_size) {
    const std::unique_ptr<muamala::client::PendingRequest> pending(static_cast<muamala::client::PendingRequest*>(request));
    pending->done({status, std::string(body, static_cast<size_t>(body_size))});
}
