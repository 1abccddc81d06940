// Which screen is shown, as an address the browser keeps in its history: each step of the app is
// a URL fragment ("#/apply/renew_husband_residency/280010101234/years"), pushed with the History
// API, so the browser's Back and Forward move between steps and a reload comes back to the same
// one. Fragments need nothing from the server: it serves the same page whatever follows the '#'.
//
// navigate() is the one way screens change: it applies the guards (sign-in first; no sign-in twice),
// records the history entry, and starts what the new screen needs (its data, usually).
#pragma once
#include <string>
#include <string_view>

namespace muamala::client {

struct App;

enum class Screen {
    Starting,    // waiting for GET /session: signed in from an earlier visit, or not
    SignIn,      // civil ID and password
    SignInCode,  // the 6-digit code
    Household,   // the dashboard
    Apply,       // the transaction wizard: one step of it
    Pay,         // the payment of a transaction
    Receipt,     // one receipt
    History,     // the sponsor's transactions
    // Service centers and appointments
    Centers,       // the center finder
    Book,          // booking a visit at a center (id: the center's)
    Appointments,  // her appointments: cancel, change the time
    Appointment,   // one appointment, and the confirmation once booked (id: its reference)
    Reschedule,    // another time for an appointment (id: its reference)
    // The staff's screens
    Counter,     // an operator's counter: her center, a sponsor's household, today's queue
    Supervisor,  // a supervisor's figures: in person versus online, toward zero visits
    Account,     // who is signed in; the landing of a role with no screen of its own here (admin)
};

struct Route {
    Screen screen = Screen::Starting;
    std::string kind;         // Apply: the transaction's wire name
    std::string beneficiary;  // Apply: the member's civil ID
    std::string step;         // Apply: the step's id (wizard_steps.h)
    std::string id;           // Pay: the transaction's id; Receipt: the receipt's number; Book: the center's;
                              // Appointment, Reschedule: the appointment's
    bool operator==(const Route&) const = default;
};

std::string to_fragment(const Route& route);            // "#/household"
Route route_from_fragment(std::string_view fragment);   // Screen::Starting when it names no screen

enum class HistoryEntry {
    Push,     // a step forward: Back returns to the screen before
    Replace,  // instead of the current entry: a redirect, or a step that must not be returned to
    Current,  // the browser already moved (Back, Forward, a typed address): record nothing new
};
void navigate(App& app, Route route, HistoryEntry entry);

// Where a signed-in person starts, by role: a citizen her household, an operator the counter, a
// supervisor the figures, anyone else their account page. Sign-in while signed out.
Route home_route(const App& app);

// Whether the signed-in account's role may see `screen`. A screen that is not theirs is drawn as
// "not for your account" (the address stays as typed), and nothing is requested for it: the server
// would refuse anyway. An operator uses the citizen's wizard, payment and receipt screens for the
// household she serves.
bool screen_allowed(const App& app, Screen screen);

// Listens for Back and Forward, and reads the address the page was opened at: where to go once
// the session is known.
void install_router(App& app);

// The session just became known (at start, after sign-in, after it ended): go where the person was
// going, or to the right first screen.
void continue_after_session_change(App& app);

}  // namespace muamala::client
