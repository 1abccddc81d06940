// The sponsor's transactions, newest first: what, for whom, when, for how much, and where each
// stands, with the way on (the receipt, or the payment still due).
#include "client/app/calls.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

namespace muamala::client {
namespace {

void load_history(App& app) {
    load_into(app, app.history.load, api::kTransactions, &read_transactions, app.history.transactions);
}

void status_tag(Ui& ui, const std::string& id, const TransactionRecord& transaction) {
    const Language language = ui.language;
    if (transaction.status == TransactionStatus::completed) tag(ui, id, pick(strings::status_completed, language), theme::kGreenTag, Side::End);
    else if (transaction.status == TransactionStatus::awaiting_payment) tag(ui, id, pick(strings::status_awaiting_payment, language), theme::kYellowTag, Side::End);
    else tag(ui, id, pick(strings::status_failed, language), theme::kRedTag, Side::End);
}

void transaction_entry(App& app, Ui& ui, const TransactionRecord& transaction) {
    const Language language = app.language;
    const std::string id = "history-" + transaction.id;
    vertical_space(ui, 15);
    {
        Row row(ui);
        row.cell(0.0f, 0.68f);
        paragraph(ui, id, pick(title_of(transaction.kind), language), ui.fonts.bold, theme::kText);
        vertical_space(ui, 4);
        body_text(ui, id + "-for", pick(transaction.beneficiary.name, language));
        row.cell(0.7f, 1.0f);
        status_tag(ui, id + "-status", transaction);
    }
    vertical_space(ui, 6);
    std::string details = fill(pick(strings::sent_on, language), {format_timestamp(transaction.created_at, language)});
    details += " · ";
    details += transaction.fee_fils > 0 ? format_money(transaction.fee_fils, language) : std::string(pick(strings::no_fee, language));
    if (transaction.new_expiry) details += " · " + fill(pick(strings::new_expiry_on, language), {format_date(*transaction.new_expiry, language)});
    secondary_text(ui, id + "-details", details);
    vertical_space(ui, 8);
    if (!transaction.receipt_number.empty()) {
        if (link(ui, id + "-receipt", pick(strings::see_receipt, language)))
            navigate(app, {.screen = Screen::Receipt, .id = transaction.receipt_number}, HistoryEntry::Push);
    } else if (transaction.status == TransactionStatus::awaiting_payment) {
        if (link(ui, id + "-pay", pick(strings::pay_now, language))) {
            app.payment = PaymentState{.transaction = transaction};
            navigate(app, {.screen = Screen::Pay, .id = transaction.id}, HistoryEntry::Push);
        }
    }
    vertical_space(ui, 15);
    rule(ui);
}

}  // namespace

void enter_history_screen(App& app) { load_history(app); }

void draw_history_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    set_title(app, pick(strings::history_title, language), false);
    heading(ui, "title", pick(strings::history_title, language));
    call_progress(ui, "history-progress", app.history.load, pick(strings::loading, language));
    if (app.history.load.failure && failure_notice(ui, "history-failure", *app.history.load.failure)) load_history(app);
    if (!app.history.transactions) return;
    if (app.history.transactions->empty()) {
        body_text(ui, "no-transactions", pick(strings::no_transactions, language));
        return;
    }
    rule(ui);
    for (const TransactionRecord& transaction : *app.history.transactions) transaction_entry(app, ui, transaction);
}

}  // namespace muamala::client
