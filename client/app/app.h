// All of the app's state, in one place. main.cpp owns the one App; screens read and change it;
// answers from the server and the browser's Back and Forward change it between frames through
// callbacks, which ask for a redraw.
//
// What a person typed lives here and nowhere else: switching language, going Back and Forward, a
// failed call or an expired session never clear it. Only signing out does.
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/app/api.h"
#include "client/app/router.h"
#include "client/platform/canvas.h"
#include "client/platform/test_hook.h"
#include "client/text/bidi_text.h"
#include "client/text/fonts.h"
#include "client/text/i18n.h"
#include "common/rulebook.h"

struct GLFWwindow;

namespace muamala::client {

// Frames are drawn only when something changed (input, an answer, a resize), then a few more:
// ImGui settles hover and layout over a couple of frames.
struct Redraw {
    int frames_left = 0;
    void request() { frames_left = std::max(frames_left, 3); }
};

// One kind of request a screen makes, and where it stands. See calls.h.
struct Call {
    bool waiting = false;
    double started_ms = 0.0;              // when the current request left (performance.now())
    unsigned generation = 0;              // of the current request: an answer to an older one is dropped
    std::optional<CallFailure> failure;   // what went wrong with the last request, until the next
};

// A text field's state.
struct Field {
    std::string text;              // exactly as typed or pasted
    bool judged = false;           // "Continue" was pressed: its problems now show as errors
    bool focus_requested = false;  // an error summary link asked for the keyboard focus
};

struct Session {
    enum class State { Unknown, SignedOut, SignedIn };
    State state = State::Unknown;  // Unknown until GET /session answers at start
    std::string csrf_token;        // sent as X-CSRF-Token with every state-changing call
    std::string civil_id;
    Role role = Role::citizen;     // which screens are theirs
    // An operator at her counter: the household, the wizard, the payment and the receipt are those of
    // the sponsor she looked up, through the counter's endpoints.
    bool at_counter() const { return role == Role::center_operator; }
    Call check;                    // GET /session at start
    Call sign_out;
};

// What the server is: a demonstration (made-up people, the test gateway) or a real service, and
// whether it can take payments. Read once at start; until then neither banner nor warning shows.
struct ServiceState {
    std::optional<ServiceInfo> info;
    Call load;  // GET /service at start
};

struct SignInForm {
    Field civil_id, password, code;
    bool password_accepted = false;  // the server took the password: the code step may be shown
    std::optional<Text> refusal;     // the server's own reason (wrong password, throttled, wrong code)
    std::optional<Text> notice;      // why the person is here again (session ended, signed out)
    Call password_call, code_call;
};

// The rulebook the server decides with (GET /rulebook), loaded when the page starts: every decision
// the app shows as the person types uses these figures, so a fee changed on the server (a new
// --rulebook file) needs no new app.
struct RulebookState {
    std::optional<Rulebook> data;
    Call load;
};

struct HouseholdState {
    std::optional<Household> data;
    bool stale = true;  // a transaction completed since it was loaded: new expiries to show
    Call load;
};

// The transaction wizard: one member, one transaction, its form, and its submission.
struct Wizard {
    TransactionKind kind{};
    std::string beneficiary;         // civil ID
    std::map<std::string, Field, std::less<>> fields;  // by form field id (common/forms.h); never resized while drawn
    bool phone_proposed = false;     // the sponsor's number was put in the phone field (once: it may be cleared)
    // The submission: the same body goes with the same Idempotency-Key, so a retry after a lost
    // answer can never create a second transaction. A changed answer makes a new body and key.
    std::string sent_body;
    std::string idempotency_key;
    std::vector<Problem> server_refusal;  // the server's reasons when it refused (422), each naming its field
    std::optional<Outcome> outcome;       // the server's answer once accepted
    Call submit;
};

struct PaymentState {
    std::optional<TransactionRecord> transaction;  // the one being paid (the route's id), as the server last said
    // Each press of a gateway button, and each new payment opened, gets its own Idempotency-Key,
    // kept for the retries of that press.
    std::string outcome_sent;                // the gateway button pressed: "approve", "decline", "timeout"
    std::string settle_key, reopen_key;
    std::optional<CallFailure> refusal;      // a 409 and the like: the server's own reason
    Call load, settle, reopen;
};

struct ReceiptState {
    std::optional<Receipt> data;
    Call load;
};

struct HistoryState {
    std::optional<std::vector<TransactionRecord>> transactions;
    Call load;
};

// [SECTION] Service centers and appointments ------------------------------------------------------

struct CentersState {
    std::optional<CenterDirectory> directory;  // all 52, loaded once: the finder filters them here
    std::string governorate, area, shift;      // the finder's filters (common/areas.h ids, "morning"); "" for any
    Call load;
};

// Booking a visit (route Book), or moving one (route Reschedule): what for, which day, which time.
// Kept across Back and Forward and a change of language, like the wizard's answers.
struct BookingState {
    std::string center_id;                // the center booked at: the route's, or the appointment's
    std::string appointment_id;           // Reschedule: the appointment moved
    std::optional<TransactionKind> kind;  // what the visit is for, once chosen
    std::string beneficiary;              // ... and for whom (civil ID)
    std::optional<Date> date;             // the day chosen
    std::optional<DaySlots> day;          // that day's times as last loaded
    int64_t slot = 0;                     // the time chosen; 0 until chosen
    bool judged = false;                  // Book was pressed: what is missing shows as errors
    std::string show_question;            // an error summary link's question ("purpose", "day", "time"), to scroll to
    // The same request goes with the same Idempotency-Key, so a retry after a lost answer cannot
    // book twice; a changed choice makes a new body and key.
    std::string sent_body, idempotency_key;
    std::optional<CallFailure> refusal;   // the server's reason when it refused (a full time, another area's center)
    Call slots, submit;
};

struct AppointmentsState {
    std::optional<std::vector<AppointmentRecord>> list;  // hers, the latest first, as last loaded
    std::string just_booked;     // the appointment booked (or moved) a moment ago: its page confirms it
    bool online_possible = false;  // of just_booked: it could have been done online instead
    bool moved = false;            // just_booked was moved to another time, not newly booked
    std::string cancelling;      // the appointment whose cancellation awaits her confirmation
    std::string cancelled;       // the one just cancelled: the list says so
    std::string cancel_key;      // Idempotency-Key of the confirmed cancellation, kept for its retries
    std::optional<CallFailure> refusal;
    Call load, cancel;
};

// The staff's screens. An operator serves one household at a time: the one she looked up
// becomes app.household, so the dashboard's cards, the wizard and the payment work on it unchanged.
struct CounterState {
    std::optional<CounterQueue> queue;   // her center and today's queue, as last read
    Field civil_id;                      // the sponsor's, as typed at the counter
    std::string sponsor;                 // the normalised civil ID looked up last; "" before any
    std::optional<QueueTicket> issued;   // the walk-in ticket just issued: its number to call out
    std::string ticket_key;              // Idempotency-Key of the ticket being issued (kept for its retries)
    std::string checking_in;             // the appointment being checked in, and its key
    std::string check_in_key;
    std::optional<CallFailure> queue_refusal;  // a refused ticket or check-in, in the server's words
    Call queue_load, ticket, check_in;
};

struct SupervisorState {
    std::optional<Kpis> data;
    Call load;
};

struct App {
    GLFWwindow* window = nullptr;
    Canvas canvas;
    Fonts fonts;
    BidiText bidi;
    TestHook test_hook;
    Redraw redraw;
    Language language = Language::English;
    int mouse_cursor = -1;         // the CSS cursor last set on the canvas (an ImGuiMouseCursor)
    bool page_shown = false;
    std::string page_title;        // document.title as the screen drawn last wants it
    std::string published_title;   // document.title as last set
    int requests_in_flight = 0;    // while any, frames are drawn (progress rings turn)
    // Numbers every request, app-wide: a Call reset on sign-out cannot mistake an answer meant for
    // the previous session's request for its own.
    unsigned last_generation = 0;

    Route route;                   // the screen shown (router.h)
    std::optional<Route> wanted;   // where the person was going when sign-in interrupted
    bool scroll_to_top = false;    // a new screen starts at its top

    RulebookState rulebook;        // the server's, for decisions as the person types
    ServiceState service;
    Session session;
    SignInForm sign_in;
    HouseholdState household;
    Wizard wizard;
    PaymentState payment;
    ReceiptState receipt;
    HistoryState history;
    CentersState centers;
    BookingState booking;
    AppointmentsState appointments;
    CounterState counter;
    SupervisorState supervisor;
};

}  // namespace muamala::client
