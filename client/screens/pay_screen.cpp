// Paying for a transaction. In a demo the server settles payments through its built-in test
// gateway (a real service takes none until a KNET provider is configured, and the check page says
// so instead of leading here), and this page says so in as many words: the gateway's box is
// a different colour from the service, marked TEST, and asks which answer the bank should give
// (approve, decline, time out). Nothing is charged either way.
#include "client/app/calls.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

// [SECTION] Requests
// [SECTION] Parts of the page
// [SECTION] The screen

namespace muamala::client {
namespace {

// [SECTION] Requests ------------------------------------------------------------------------------

void load_transaction(App& app) {
    // The counter has no call that reads one transaction back: an operator's payment page works on
    // the transaction its submission answered (enter_pay_screen), and a refusal is shown as it came.
    if (app.session.at_counter()) return;
    send(app, app.payment.load, {.url = api::transaction_url(app.route.id)}, [](App& app, HttpResponse&& response) {
        std::optional<TransactionRecord> transaction = response.status == 200 ? read_transaction(response.body) : std::nullopt;
        if (!transaction) {
            failed(app, app.payment.load, response);
            return;
        }
        app.payment.transaction = std::move(transaction);
    });
}

void send_settlement(App& app) {
    PaymentState& payment = app.payment;
    const PaymentRecord* pending = payment.transaction ? payment.transaction->pending_payment() : nullptr;
    if (!pending || payment.settle.waiting) return;
    send(app, payment.settle,
         {.method = "POST",
          .url = app.session.at_counter() ? api::counter_test_gateway_url(pending->id) : api::test_gateway_url(pending->id),
          .json_body = gateway_body(payment.outcome_sent),
          .csrf_token = app.session.csrf_token, .idempotency_key = payment.settle_key},
         [](App& app, HttpResponse&& response) {
             PaymentState& payment = app.payment;
             std::optional<Outcome> outcome = response.status == 200 ? read_outcome(response.body) : std::nullopt;
             if (!outcome) {
                 if (!failed(app, payment.settle, response)) return;
                 // The server refused for a reason of its own (the payment was settled elsewhere, the
                 // rules or the amount changed): say so, and show the transaction as it now is.
                 if (payment.settle.failure->kind == CallFailure::Kind::Refused) {
                     payment.refusal = std::move(payment.settle.failure);
                     payment.settle.failure.reset();
                     load_transaction(app);
                 }
                 return;
             }
             payment.transaction = outcome->transaction;
             if (!outcome->receipt_number.empty()) {
                 app.household.stale = true;  // new expiries to show
                 app.history.transactions.reset();
                 // The receipt takes this page's place in the history: Back leads to the answers, not
                 // to a payment that is over.
                 navigate(app, {.screen = Screen::Receipt, .id = outcome->receipt_number}, HistoryEntry::Replace);
             }
         });
}

void press_gateway(App& app, std::string_view outcome) {
    app.payment.outcome_sent = outcome;
    app.payment.settle_key = new_idempotency_key();
    app.payment.refusal.reset();
    send_settlement(app);
}

void send_reopen(App& app) {
    PaymentState& payment = app.payment;
    if (!payment.transaction || payment.reopen.waiting) return;
    send(app, payment.reopen,
         // Every state-changing call carries a JSON object; this one has nothing to say.
         {.method = "POST",
          .url = app.session.at_counter() ? api::counter_new_payment_url(payment.transaction->id) : api::new_payment_url(payment.transaction->id),
          .json_body = "{}",
          .csrf_token = app.session.csrf_token, .idempotency_key = payment.reopen_key},
         [](App& app, HttpResponse&& response) {
             PaymentState& payment = app.payment;
             std::optional<PaymentRecord> opened =
                 response.status == 200 || response.status == 201 ? read_payment_opened(response.body) : std::nullopt;
             if (!opened) {
                 if (!failed(app, payment.reopen, response)) return;
                 if (payment.reopen.failure->kind == CallFailure::Kind::Refused) {
                     payment.refusal = std::move(payment.reopen.failure);
                     payment.reopen.failure.reset();
                     load_transaction(app);
                 }
                 return;
             }
             payment.transaction->payments.push_back(std::move(*opened));
         });
}

void press_try_again(App& app) {
    app.payment.reopen_key = new_idempotency_key();
    app.payment.refusal.reset();
    send_reopen(app);
}

// [SECTION] Parts of the page ---------------------------------------------------------------------

// The simulated bank, in a box of its own colour.
void test_gateway(App& app, Ui& ui, const PaymentRecord& pending) {
    const Language language = app.language;
    PaymentState& payment = app.payment;
    Block box(ui, BlockStyle::Highlight, theme::kText);
    tag(ui, "gateway-tag", pick(strings::test_tag, language), theme::kTestTag);
    vertical_space(ui, 10);
    // The provider names itself (the server's label says it is simulated); the app's words otherwise.
    const std::string& label = pick(pending.label, language);
    paragraph(ui, "gateway-title", label.empty() ? std::string(pick(strings::gateway_title, language)) : for_display(label),
              ui.fonts.subheading, theme::kText);
    vertical_space(ui, 10);
    body_text(ui, "gateway-explained", pick(strings::gateway_explained, language));
    vertical_space(ui, 20);
    if (payment.settle.waiting) {
        call_progress(ui, "gateway-progress", payment.settle, pick(strings::paying, language));
        return;
    }
    {
        ButtonGroup buttons(ui);
        if (buttons.button("gateway-approve", pick(strings::gateway_approve, language), ButtonStyle::Primary)) press_gateway(app, "approve");
        if (buttons.button("gateway-decline", pick(strings::gateway_decline, language), ButtonStyle::Warning)) press_gateway(app, "decline");
        if (buttons.button("gateway-timeout", pick(strings::gateway_timeout, language), ButtonStyle::Secondary)) press_gateway(app, "timeout");
    }
    if (payment.settle.failure) {
        vertical_space(ui, 20);
        if (failure_notice(ui, "gateway-failure", *payment.settle.failure)) send_settlement(app);
    }
}

// After a declined or timed-out payment: nothing was charged, and another attempt is one press away.
void last_attempt_failed(App& app, Ui& ui, const PaymentRecord& last) {
    const Language language = app.language;
    PaymentState& payment = app.payment;
    {
        HookRegion alert(ui.hook, "payment-result", "alert");  // the bank's answer, read out as it arrives
        Block inset(ui, BlockStyle::Inset, theme::kError);
        paragraph(ui, "payment-result", pick(last.status == PaymentStatus::declined ? strings::payment_declined : strings::payment_timed_out, language),
                  ui.fonts.bold, theme::kText);
        vertical_space(ui, 5);
        body_text(ui, "payment-result-kept", pick(strings::nothing_charged, language));
    }
    vertical_space(ui, 20);
    if (payment.reopen.waiting) {
        call_progress(ui, "reopen-progress", payment.reopen, pick(strings::sending, language));
        return;
    }
    if (button(ui, "try-again-button", pick(strings::try_paying_again, language))) press_try_again(app);
    if (payment.reopen.failure) {
        vertical_space(ui, 20);
        if (failure_notice(ui, "reopen-failure", *payment.reopen.failure)) send_reopen(app);
    }
}

}  // namespace

// [SECTION] The screen ----------------------------------------------------------------------------

void enter_pay_screen(App& app) {
    if (app.payment.transaction && app.payment.transaction->id == app.route.id) return;
    if (app.session.at_counter()) {  // a reload, or an old address: the counter starts again from the sponsor
        navigate(app, home_route(app), HistoryEntry::Replace);
        return;
    }
    app.payment = PaymentState{};
    load_transaction(app);
}

void draw_pay_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    PaymentState& payment = app.payment;
    if (!payment.transaction) {
        set_title(app, pick(strings::pay_title, language), false);
        heading(ui, "title", pick(strings::pay_title, language));
        call_progress(ui, "payment-progress", payment.load, pick(strings::loading, language));
        if (payment.load.failure && failure_notice(ui, "payment-load-failure", *payment.load.failure)) load_transaction(app);
        return;
    }
    const TransactionRecord& transaction = *payment.transaction;
    const PaymentRecord* pending = transaction.pending_payment();
    const int64_t amount = pending ? pending->amount_fils : transaction.fee_fils;
    const std::string title = fill(pick(strings::pay_amount_title, language), {format_money(amount, language)});
    set_title(app, title, payment.refusal.has_value());

    if (back_link(ui, "back-link", pick(strings::back, language))) {
        // To the answers when this payment came from them; otherwise to the dashboard.
        const bool from_wizard = app.wizard.outcome && app.wizard.outcome->transaction.id == transaction.id;
        navigate(app,
                 from_wizard ? Route{Screen::Apply, std::string(name_of(app.wizard.kind)), app.wizard.beneficiary, "check", {}}
                             : home_route(app),
                 HistoryEntry::Push);
        return;
    }
    paragraph(ui, "caption", pick(title_of(transaction.kind), language) + " — " + pick(transaction.beneficiary.name, language),
              ui.fonts.body, theme::kSecondaryText);
    vertical_space(ui, 5);
    if (payment.refusal) error_summary(ui, {{"", describe_failure(*payment.refusal, language)}});
    heading(ui, "title", title);

    summary_row(ui, "pay-transaction", pick(strings::transaction_key, language), pick(title_of(transaction.kind), language));
    summary_row(ui, "pay-for", pick(strings::for_key, language), pick(transaction.beneficiary.name, language));
    if (transaction.new_expiry)
        summary_row(ui, "pay-new-expiry", pick(strings::new_expiry, language), format_date(*transaction.new_expiry, language));
    summary_row(ui, "pay-amount", pick(strings::amount, language), format_money(amount, language));
    vertical_space(ui, 30);

    if (transaction.status == TransactionStatus::completed) {
        Block inset(ui, BlockStyle::Inset, theme::kSuccess);
        paragraph(ui, "paid-notice", pick(strings::already_paid, language), ui.fonts.bold, theme::kText);
        vertical_space(ui, 10);
        if (!transaction.receipt_number.empty() && link(ui, "paid-receipt", pick(strings::see_receipt, language)))
            navigate(app, {.screen = Screen::Receipt, .id = transaction.receipt_number}, HistoryEntry::Push);
        return;
    }
    if (transaction.status != TransactionStatus::awaiting_payment) {  // failed: the rules no longer allow it
        body_text(ui, "payment-closed", pick(strings::payment_closed, language));
        vertical_space(ui, 20);
        if (link(ui, "to-household", pick(back_home_phrase(app), language))) navigate(app, home_route(app), HistoryEntry::Push);
        return;
    }
    if (pending) test_gateway(app, ui, *pending);
    else if (!transaction.payments.empty()) last_attempt_failed(app, ui, transaction.payments.back());
    else if (button(ui, "try-again-button", pick(strings::try_paying_again, language))) press_try_again(app);
}

}  // namespace muamala::client
