// Calls to the server, as screens make them: each goes through a Call (app.h), which shows
// progress while it is out, keeps what went wrong once it is back, and drops an answer that arrives
// after a newer request of the same kind. Every answer asks for a redraw.
#pragma once
#include <functional>
#include <string>

#include "client/app.h"
#include "client/http.h"

namespace muamala::client {

using Answer = std::function<void(App& app, HttpResponse&& response)>;

// Sends `request` as `call`'s current request; `answer` runs with the response unless a newer
// request of the same call was sent meanwhile. `answer` decides what counts as a failure and sets
// call.failure itself (see failed()).
void send(App& app, Call& call, const HttpRequest& request, Answer answer);

// Records the response as the call's failure. Returns false, having sent the person to sign in
// again, when the failure is that the session ended (what they typed is kept; they come back here).
bool failed(App& app, Call& call, const HttpResponse& response);

// A fresh Idempotency-Key: 128 random bits from the browser's crypto.getRandomValues, as hex.
std::string new_idempotency_key();

double now_ms();  // performance.now(): for how long a call has been out

}  // namespace muamala::client
