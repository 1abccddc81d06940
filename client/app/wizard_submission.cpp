// The wizard's submission (wizard.h): sending the form and taking the server's answer. Apart from
// wizard.cpp because it calls the browser (calls.h) and moves between screens (router.h), while
// wizard.cpp's form building is plain logic, built and tested natively too (tests/client/).
#include "client/app/calls.h"
#include "client/app/router.h"
#include "client/app/wizard.h"
#include "client/screens/screens.h"

namespace muamala::client {
namespace {

void answer_submission(App& app, HttpResponse&& response) {
    Wizard& wizard = app.wizard;
    if (response.status == 201) {
        std::optional<Outcome> outcome = read_outcome(response.body);
        if (!outcome) {
            failed(app, wizard.submit, response);
            return;
        }
        wizard.outcome = std::move(outcome);
        app.household.stale = true;  // a free transaction is already complete; a paid one soon
        app.history.transactions.reset();
        if (wizard.outcome->payment) {
            app.payment = PaymentState{.transaction = wizard.outcome->transaction};
            navigate(app, {.screen = Screen::Pay, .id = wizard.outcome->transaction.id}, HistoryEntry::Push);
        } else {
            navigate(app, {.screen = Screen::Receipt, .id = wizard.outcome->receipt_number}, HistoryEntry::Push);
        }
        return;
    }
    if (!failed(app, wizard.submit, response)) return;
    // 422: the server's reasons, each naming its field, replace whatever the page showed.
    if (wizard.submit.failure->http_status == 422) {
        wizard.server_refusal = wizard.submit.failure->fields;
        wizard.submit.failure.reset();
        // The server knew something the page did not (a record changed since it was loaded, or
        // its rulebook): both again, so what the page decides matches it from now on.
        app.household.stale = true;
        load_household(app);
        fetch_rulebook(app, /*again=*/true);
    }
}

}  // namespace

void fetch_rulebook(App& app, bool again) {
    if ((app.rulebook.data && !again) || app.rulebook.load.waiting) return;
    load_into(app, app.rulebook.load, api::kRulebook, read_rulebook, app.rulebook.data);
}

void submit_wizard(App& app) {
    Wizard& wizard = app.wizard;
    if (wizard.submit.waiting) return;
    // At the counter the same form goes to the counter's endpoint, naming the sponsor served.
    const bool at_counter = app.session.at_counter() && app.household.data;
    std::string body = at_counter
                           ? counter_submission_body(app.household.data->sponsor_civil_id, wizard.kind, wizard.beneficiary, form_of(wizard))
                           : submission_body(wizard.kind, wizard.beneficiary, form_of(wizard));
    if (body != wizard.sent_body || wizard.idempotency_key.empty()) {
        wizard.sent_body = std::move(body);
        wizard.idempotency_key = new_idempotency_key();
    }
    wizard.server_refusal.clear();
    send(app, wizard.submit,
         {.method = "POST", .url = at_counter ? api::kCounterTransactions : api::kTransactions, .json_body = wizard.sent_body, .csrf_token = app.session.csrf_token,
          .idempotency_key = wizard.idempotency_key},
         answer_submission);
}

}  // namespace muamala::client
