#include "client/app/router.h"

#include <emscripten/emscripten.h>

#include <vector>

#include "client/app/app.h"
#include "client/screens/screens.h"

namespace muamala::client {
namespace {

// [SECTION] The browser's history ------------------------------------------------------------------

EM_JS(void, muamala_js_record_history, (int replace, const char* fragment), {
    const url = UTF8ToString(fragment);
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
});

// Back, Forward, and an address typed or edited by hand all end in a popstate or hashchange event;
// the app reads the fragment it was left at. `app` travels through JavaScript as a plain number.
EM_JS(void, muamala_js_listen_for_history, (void* app), {
    const moved = () => {
        const fragment = location.hash;
        const size = lengthBytesUTF8(fragment) + 1;
        const heap_fragment = _malloc(size);
        stringToUTF8(fragment, heap_fragment, size);
        _muamala_history_moved(app, heap_fragment);
        _free(heap_fragment);
    };
    window.addEventListener("popstate", moved);
    window.addEventListener("hashchange", moved);
});

EM_JS(void, muamala_js_current_fragment, (char* buffer, int size), {
    stringToUTF8(location.hash, buffer, size);
});

// [SECTION] Fragments ------------------------------------------------------------------------------

// Ids put into fragments are the server's own (civil IDs, transaction ids, receipt numbers, wire
// names): letters, digits, '-' and '_'. Anything else in an address was not made by the app.
bool is_plain_segment(std::string_view segment) {
    if (segment.empty() || segment.size() > 64) return false;
    for (char c : segment)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> parts;
    while (!path.empty()) {
        const size_t slash = path.find('/');
        parts.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return parts;
}

bool needs_session(Screen screen) {
    return screen != Screen::Starting && screen != Screen::SignIn && screen != Screen::SignInCode;
}

void enter(App& app) {
    if (!screen_allowed(app, app.route.screen)) return;
    switch (app.route.screen) {
        case Screen::Household: enter_household_screen(app); break;
        case Screen::Apply: enter_apply_screen(app); break;
        case Screen::Pay: enter_pay_screen(app); break;
        case Screen::Receipt: enter_receipt_screen(app); break;
        case Screen::History: enter_history_screen(app); break;
        case Screen::Centers: enter_centers_screen(app); break;
        case Screen::Book:
        case Screen::Reschedule: enter_booking_screen(app); break;
        case Screen::Appointments:
        case Screen::Appointment: enter_appointments_screen(app); break;
        case Screen::Counter: enter_counter_screen(app); break;
        case Screen::Supervisor: enter_supervisor_screen(app); break;
        case Screen::Account:
        case Screen::Starting:
        case Screen::SignIn:
        case Screen::SignInCode: break;
    }
}

}  // namespace

// [SECTION] Routes ---------------------------------------------------------------------------------

std::string to_fragment(const Route& route) {
    switch (route.screen) {
        case Screen::Starting: return "#/";
        case Screen::SignIn: return "#/sign-in";
        case Screen::SignInCode: return "#/sign-in/code";
        case Screen::Household: return "#/household";
        case Screen::Apply: return "#/apply/" + route.kind + "/" + route.beneficiary + "/" + route.step;
        case Screen::Pay: return "#/pay/" + route.id;
        case Screen::Receipt: return "#/receipt/" + route.id;
        case Screen::History: return "#/history";
        case Screen::Centers: return "#/centers";
        case Screen::Book: return "#/book/" + route.id;
        case Screen::Appointments: return "#/appointments";
        case Screen::Appointment: return "#/appointments/" + route.id;
        case Screen::Reschedule: return "#/appointments/" + route.id + "/reschedule";
        case Screen::Counter: return "#/counter";
        case Screen::Supervisor: return "#/supervisor";
        case Screen::Account: return "#/account";
    }
    return "#/";
}

Route route_from_fragment(std::string_view fragment) {
    if (!fragment.starts_with("#/")) return {};
    const std::vector<std::string_view> parts = split(fragment.substr(2));
    if (parts.empty()) return {};
    for (std::string_view part : parts)
        if (!is_plain_segment(part)) return {};
    const std::string_view first = parts[0];
    if (parts.size() == 1) {
        if (first == "sign-in") return {Screen::SignIn};
        if (first == "household") return {Screen::Household};
        if (first == "history") return {Screen::History};
        if (first == "centers") return {Screen::Centers};
        if (first == "appointments") return {Screen::Appointments};
        if (first == "counter") return {Screen::Counter};
        if (first == "supervisor") return {Screen::Supervisor};
        if (first == "account") return {Screen::Account};
    }
    if (parts.size() == 2 && first == "book") return {.screen = Screen::Book, .id = std::string(parts[1])};
    if (parts.size() == 2 && first == "appointments") return {.screen = Screen::Appointment, .id = std::string(parts[1])};
    if (parts.size() == 3 && first == "appointments" && parts[2] == "reschedule")
        return {.screen = Screen::Reschedule, .id = std::string(parts[1])};
    if (parts.size() == 2 && first == "sign-in" && parts[1] == "code") return {Screen::SignInCode};
    if (parts.size() == 2 && first == "pay") return {.screen = Screen::Pay, .id = std::string(parts[1])};
    if (parts.size() == 2 && first == "receipt") return {.screen = Screen::Receipt, .id = std::string(parts[1])};
    if (parts.size() == 4 && first == "apply")
        return {Screen::Apply, std::string(parts[1]), std::string(parts[2]), std::string(parts[3]), {}};
    return {};
}

// [SECTION] Navigation -----------------------------------------------------------------------------

void navigate(App& app, Route route, HistoryEntry entry) {
    const Route asked = route;
    switch (app.session.state) {
        case Session::State::Unknown:  // the Starting screen until GET /session answers
            if (route.screen != Screen::Starting) app.wanted = route;
            app.route = Route{};
            app.redraw.request();
            return;
        case Session::State::SignedOut:
            if (needs_session(route.screen)) {
                app.wanted = route;
                route = {Screen::SignIn};
            }
            if (route.screen == Screen::Starting) route = {Screen::SignIn};
            if (route.screen == Screen::SignInCode && !app.sign_in.password_accepted) route = {Screen::SignIn};
            break;
        case Session::State::SignedIn:
            if (!needs_session(route.screen)) route = app.wanted.value_or(home_route(app));
            app.wanted.reset();
            break;
    }
    // The address bar must name what is shown: a redirected Back is recorded as the redirect.
    if (route != asked && entry == HistoryEntry::Current) entry = HistoryEntry::Replace;
    if (entry != HistoryEntry::Current)
        muamala_js_record_history(entry == HistoryEntry::Replace ? 1 : 0, to_fragment(route).c_str());
    if (route != app.route) app.scroll_to_top = true;
    app.route = std::move(route);
    enter(app);
    app.redraw.request();
}

Route home_route(const App& app) {
    // Signed out there is no role yet: sign-in first, with no screen remembered to return to, so
    // that the role decides once it is known.
    if (app.session.state != Session::State::SignedIn) return {Screen::SignIn};
    switch (app.session.role) {
        case Role::citizen: return {Screen::Household};
        case Role::center_operator: return {Screen::Counter};
        case Role::supervisor: return {Screen::Supervisor};
        case Role::admin: break;
    }
    return {Screen::Account};
}

bool screen_allowed(const App& app, Screen screen) {
    const Role role = app.session.role;
    switch (screen) {
        case Screen::Starting:
        case Screen::SignIn:
        case Screen::SignInCode:
        case Screen::Account: return true;
        case Screen::Household:
        case Screen::History:
        case Screen::Centers:
        case Screen::Book:
        case Screen::Reschedule:
        case Screen::Appointments:
        case Screen::Appointment: return role == Role::citizen;
        case Screen::Apply:
        case Screen::Pay:
        case Screen::Receipt: return role == Role::citizen || role == Role::center_operator;
        case Screen::Counter: return role == Role::center_operator;
        case Screen::Supervisor: return role == Role::supervisor;
    }
    return false;
}

void install_router(App& app) {
    char fragment[256];
    muamala_js_current_fragment(fragment, sizeof fragment);
    const Route opened = route_from_fragment(fragment);
    if (opened.screen != Screen::Starting) app.wanted = opened;
    muamala_js_listen_for_history(&app);
}

void continue_after_session_change(App& app) {
    const Route here = app.route;
    navigate(app, here.screen == Screen::Starting ? app.wanted.value_or(home_route(app)) : here,
             HistoryEntry::Replace);
}

}  // namespace muamala::client

extern "C" EMSCRIPTEN_KEEPALIVE void muamala_history_moved(void* app, const char* fragment) {
    using namespace muamala::client;
    App& the_app = *static_cast<App*>(app);
    const Route route = route_from_fragment(fragment);
    // A move between fragments fires both popstate and hashchange: the second finds nothing to do.
    if (route == the_app.route) return;
    // An address that names no screen (edited by hand) shows the first screen of the account, or sign-in.
    navigate(the_app, route.screen == Screen::Starting ? home_route(the_app) : route, HistoryEntry::Current);
}
