#include "client/app/calls.h"

#include <emscripten/emscripten.h>

#include "client/app/router.h"
#include "client/text/strings.h"

namespace muamala::client {
namespace {

EM_JS(void, muamala_js_random_hex, (char* buffer, int bytes), {
    const random = crypto.getRandomValues(new Uint8Array(bytes));
    stringToUTF8(Array.from(random, (b) => b.toString(16).padStart(2, "0")).join(""), buffer, 2 * bytes + 1);
});

}  // namespace

void send(App& app, Call& call, const HttpRequest& request, Answer answer) {
    const unsigned generation = call.generation = ++app.last_generation;
    call.waiting = true;
    call.started_ms = now_ms();
    call.failure.reset();
    ++app.requests_in_flight;
    app.redraw.request();
    // `app` and `call` live as long as the page (App is never destroyed; calls are its members).
    http_send(request, [&app, &call, generation, answer = std::move(answer)](HttpResponse&& response) {
        --app.requests_in_flight;
        app.redraw.request();
        if (generation != call.generation) return;
        call.waiting = false;
        answer(app, std::move(response));
    });
}

bool failed(App& app, Call& call, const HttpResponse& response) {
    CallFailure failure = failure_of(response);
    if (failure.kind == CallFailure::Kind::SessionEnded && app.session.state == Session::State::SignedIn) {
        app.session = Session{Session::State::SignedOut};
        app.sign_in.password_accepted = false;
        app.sign_in.notice = to_text(strings::session_ended);
        continue_after_session_change(app);
        return false;
    }
    call.failure = std::move(failure);
    return true;
}

std::string new_idempotency_key() {
    char hex[33];
    muamala_js_random_hex(hex, 16);
    return hex;
}

double now_ms() { return emscripten_get_now(); }

}  // namespace muamala::client
