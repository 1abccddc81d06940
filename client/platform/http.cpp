#include "client/platform/http.h"

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

// Starts the request and returns at once. Every argument is copied out of the heap before
// returning, so the caller's buffers need not outlive the call. The answer (any status) or the
// failure (status 0; timed_out 1 when the AbortController fired) is copied into the heap for
// muamala_http_done, then freed again.
EM_JS(void, muamala_js_fetch, (const char* method, const char* url, const char* body, int body_size, const char* csrf,
                               const char* idempotency_key, int timeout_ms, void* request), {
    const init = {method: UTF8ToString(method), credentials: "same-origin", headers: {"Accept": "application/json"}};
    if (body_size > 0) {
        init.body = HEAPU8.slice(body, body + body_size);
        init.headers["Content-Type"] = "application/json";
    }
    const csrf_token = UTF8ToString(csrf), key = UTF8ToString(idempotency_key);
    if (csrf_token) init.headers["X-CSRF-Token"] = csrf_token;
    if (key) init.headers["Idempotency-Key"] = key;
    const abort = new AbortController();
    init.signal = abort.signal;
    let timed_out = false;
    const timer = setTimeout(() => { timed_out = true; abort.abort(); }, timeout_ms);
    fetch(UTF8ToString(url), init)
        .then((response) => response.arrayBuffer().then((bytes) => [response.status, new Uint8Array(bytes)]))
        .catch(() => [0, new Uint8Array(0)])
        .then(([status, bytes]) => {
            clearTimeout(timer);
            const heap_bytes = _malloc(bytes.length + 1);
            HEAPU8.set(bytes, heap_bytes);  // HEAPU8 read after _malloc: the heap may have grown
            _muamala_http_done(request, status, timed_out ? 1 : 0, heap_bytes, bytes.length);
            _free(heap_bytes);
        });
});

}  // namespace

void http_send(const HttpRequest& request, HttpCallback done) {
    // The JavaScript side reads NUL-terminated strings.
    const std::string method(request.method), url(request.url), csrf(request.csrf_token), key(request.idempotency_key);
    muamala_js_fetch(method.c_str(), url.c_str(), request.json_body.data(), static_cast<int>(request.json_body.size()),
                     csrf.c_str(), key.c_str(), request.timeout_ms, new PendingRequest{std::move(done)});
}

void http_get(std::string_view url, HttpCallback done) { http_send({.url = url}, std::move(done)); }

}  // namespace muamala::client

extern "C" EMSCRIPTEN_KEEPALIVE void muamala_http_done(void* request, int status, int timed_out, const char* body,
                                                        int body_size) {
    const std::unique_ptr<muamala::client::PendingRequest> pending(static_cast<muamala::client::PendingRequest*>(request));
    pending->done({status, timed_out != 0, std::string(body, static_cast<size_t>(body_size))});
}
