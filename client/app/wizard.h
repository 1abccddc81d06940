// The transaction wizard's logic, apart from its drawing (apply_screen.cpp): which questions it
// asks, the form as it will be sent, and the decision on it. The decision is the core's own
// evaluate() on the household's registry as the server sent it, with the server's date, so the fee,
// the new expiry and every refusal shown while typing are the ones the server will reach. The figures
// are the server's too: the rulebook it serves (fetch_rulebook).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "client/app/app.h"
#include "client/text/i18n.h"
#include "common/decision.h"
#include "common/forms.h"

namespace muamala::client {

// One page of questions: a single question (its label is the page's heading), or a small group.
struct WizardStep {
    std::string_view id;           // in the address: "#/apply/<kind>/<civil ID>/<id>"
    Phrase heading;                // for a group; a single question uses its field's label
    std::vector<FormField> fields; // common/forms.h, in the order the core lists them
};
inline constexpr std::string_view kCheckStep = "check";  // the last page: answers, fee, new expiry

std::vector<WizardStep> wizard_steps(TransactionKind kind);  // the questions, without the check page

// GET /rulebook, unless it is on its way or (unless `again`) has arrived. The wizard decides
// nothing until it has; asked again, the figures in hand stay until the new ones arrive.
void fetch_rulebook(App& app, bool again = false);

// The figures for the wizard's transaction that apply to this household on the server's date;
// nullopt until both the rulebook and the household have arrived, or when no version covers the day.
std::optional<TransactionRules> wizard_rules(const App& app);

// Starts a new wizard for this member and transaction (nothing typed yet; the phone number
// proposed from the sponsor's own).
void start_wizard(App& app, TransactionKind kind, std::string_view beneficiary);
void propose_phone(App& app);  // once the household has arrived, if start_wizard came before it

const Member* find_member(const Household& household, std::string_view civil_id);

// The form as it will be sent: each answer normalised when the core accepts it (a phone as
// +965..., a passport number in capitals), as typed otherwise.
TransactionForm form_of(const Wizard& wizard);

// The core's problems with the answers on one step, each naming its field. Empty once all is well.
std::vector<Problem> step_problems(const App& app, const WizardStep& step);

// The decision the server will reach on this form today; nullopt until the household and the
// rulebook have arrived.
std::optional<Decision> local_decision(const App& app);

// Sends the form (POST /transactions). The same answers go with the same Idempotency-Key however
// often this is called, so a retry after a lost answer cannot make a second transaction.
// wizard_submission.cpp: the browser's side of the wizard; the rest of this file is wizard.cpp.
void submit_wizard(App& app);

}  // namespace muamala::client
