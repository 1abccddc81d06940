// The page around every screen (header, service navigation, the column screens draw in) and the
// blocks several screens share: the error summary, a failed call's notice, summary rows.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "client/app/app.h"
#include "client/widgets/widgets.h"

namespace muamala::client {

// The whole frame's interface: the page, then the route's screen. Between NewFrame() and Render().
void draw_app(App& app);

// Called by each screen with its heading: document.title becomes "Heading — Muamala", prefixed
// "Error: " while the screen shows errors (GOV.UK's pattern: a screen reader hears it first).
void set_title(App& app, std::string_view heading, bool has_errors);

// Narrows the column to the form width (GOV.UK's two thirds) on its start side, for one screen.
void use_form_width(Ui& ui);

// GOV.UK's error summary: "There is a problem" and one entry per error. An entry with an id is a
// link (it moves focus to its field, or to the step that asks it); returns the index clicked, or -1.
struct SummaryEntry {
    std::string id;    // hook id of the link; "" for a line of text that links nowhere
    std::string text;  // ready to draw (for_display applied)
};
int error_summary(Ui& ui, const std::vector<SummaryEntry>& entries);

// What happened to a call, said plainly in the person's language, with a Retry button beneath.
// Returns true when Retry was pressed.
std::string describe_failure(const CallFailure& failure, Language language);
bool failure_notice(Ui& ui, std::string_view id, const CallFailure& failure);

// A progress line for a call that is out: `doing` at first, then that the server is slow.
void call_progress(Ui& ui, std::string_view id, const Call& call, std::string_view doing);

// A row of GOV.UK's summary list: key, value, and an optional action link at the end. Returns true
// when the action was clicked. Ids: id + "-key", id + "-value", id + "-action".
bool summary_row(Ui& ui, std::string_view id, std::string_view key, std::string_view value, std::string_view action = {});

// "Back to your household" for a citizen, "Back to the counter" for an operator: the way home from
// the wizard, the payment and the receipt, which both use.
Phrase back_home_phrase(const App& app);

}  // namespace muamala::client
