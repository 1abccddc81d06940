// Calls to the server, as screens make them: each goes through a Call (app.h), which shows
// progress while it is out, keeps what went wrong once it is back, and drops an answer that arrives
// after a newer request of the same kind. Every answer asks for a redraw.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "client/app/app.h"
#include "client/platform/http.h"

namespace muamala::client {

using Answer = std::function<void(App& app, HttpResponse&& response)>;

// Sends `request` as `call`'s current request; `answer` runs with the response unless a newer
// request of the same call was sent meanwhile. `answer` decides what counts as a failure and sets
// call.failure itself (see failed()).
void send(App& app, Call& call, const HttpRequest& request, Answer answer);

// Records the response as the call's failure. Returns false, having sent the person to sign in
// again, when the failure is that the session ended (what they typed is kept; they come back here).
bool failed(App& app, Call& call, const HttpResponse& response);

// GET `url` for a screen's data: a 200 that `read` understands goes into `into`; anything else is
// the call's failure. `call` and `into` are parts of the one App, which lives as long as the page.
template <class T>
void load_into(App& app, Call& call, std::string_view url, std::optional<T> (*read)(std::string_view), std::optional<T>& into) {
    send(app, call, {.url = url}, [read, &call, &into](App& app, HttpResponse&& response) {
        std::optional<T> answer = response.status == 200 ? read(response.body) : std::nullopt;
        if (!answer) {
            failed(app, call, response);
            return;
        }
        into = std::move(answer);
    });
}

// A fresh Idempotency-Key: 128 random bits from the browser's crypto.getRandomValues, as hex.
std::string new_idempotency_key();

double now_ms();  // performance.now(): for how long a call has been out

}  // namespace muamala::client
