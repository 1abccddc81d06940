// The receipt of a completed transaction: what was done, for whom, the new expiry, the fee, and a
// QR code of the public address that checks the receipt's signature, drawn module by module. It
// prints (or saves as PDF through the browser's print dialogue) from a plain HTML copy, which
// prints crisp text where a canvas would print a picture of it.
#include "client/app/calls.h"
#include "client/platform/page.h"
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

namespace muamala::client {
namespace {

void load_receipt(App& app) {
    // The owner's copy (with its QR code) is the sponsor's alone; at the counter the operator reads
    // the public check of the receipt, which also says its signature holds.
    const std::string url = app.session.at_counter() ? api::receipt_verify_url(app.route.id) : api::receipt_url(app.route.id);
    send(app, app.receipt.load, {.url = url}, [](App& app, HttpResponse&& response) {
        std::optional<Receipt> receipt = response.status != 200 ? std::nullopt
                                         : app.session.at_counter()      ? read_verified_receipt(response.body)
                                                                : read_receipt(response.body);
        if (!receipt) {
            failed(app, app.receipt.load, response);
            return;
        }
        app.receipt.data = std::move(receipt);
    });
}

// The receipt's lines, as both the screen and the printed copy show them.
std::vector<PrintedLine> receipt_lines(const Receipt& receipt, Language language) {
    std::vector<PrintedLine> lines;
    const auto add = [&](std::string_view id, const Phrase& key, std::string_view value) {
        lines.push_back({std::string(id), std::string(pick(key, language)), std::string(value)});
    };
    add("receipt-transaction", strings::transaction_key, pick(title_of(receipt.kind), language));
    add("receipt-for", strings::for_key, pick(receipt.holder_name, language));
    add("receipt-civil-id", strings::civil_id_ending, ltr("•••• " + receipt.holder_civil_id_last4));
    if (receipt.old_expiry) add("receipt-old-expiry", strings::previous_expiry, format_date(*receipt.old_expiry, language));
    add("receipt-new-expiry", strings::new_expiry, format_date(receipt.new_expiry, language));
    add("receipt-fee", strings::fee_paid, receipt.fee_fils > 0 ? format_money(receipt.fee_fils, language) : std::string(pick(strings::no_fee, language)));
    add("receipt-issued", strings::issued, format_timestamp(receipt.issued_at, language));
    add("receipt-channel", strings::channel, pick(receipt.channel == Channel::center ? strings::channel_center : strings::channel_online, language));
    return lines;
}

void print(const App& app, const Receipt& receipt) {
    const Language language = app.language;
    page_print({.language = language,
                .title = std::string(pick(strings::receipt_title, language)),
                .number_label = std::string(pick(strings::receipt_number, language)),
                .number = receipt.number,
                .lines = receipt_lines(receipt, language),
                .qr_modules = receipt.qr_modules,
                .check_text = std::string(pick(strings::check_receipt_text, language)),
                .check_url = receipt.verify_url});
}

}  // namespace

void enter_receipt_screen(App& app) {
    if (app.receipt.data && app.receipt.data->number == app.route.id) return;
    app.receipt = ReceiptState{};
    load_receipt(app);
}

void draw_receipt_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    if (!app.receipt.data) {
        set_title(app, pick(strings::receipt_title, language), false);
        heading(ui, "title", pick(strings::receipt_title, language));
        call_progress(ui, "receipt-progress", app.receipt.load, pick(strings::loading, language));
        if (app.receipt.load.failure && failure_notice(ui, "receipt-failure", *app.receipt.load.failure)) load_receipt(app);
        return;
    }
    const Receipt& receipt = *app.receipt.data;
    set_title(app, fill(pick(strings::receipt_title_with_number, language), {receipt.number}), false);

    {  // GOV.UK's confirmation panel: done, and the reference to keep
        Block panel(ui, BlockStyle::Panel, theme::kSuccess);
        paragraph(ui, "title", pick(strings::receipt_done, language), ui.fonts.heading, theme::kWhite);
        vertical_space(ui, 15);
        paragraph(ui, "receipt-number-label", pick(app.session.at_counter() ? strings::counter_receipt_number : strings::receipt_number, language),
                  ui.fonts.body, theme::kWhite);
        vertical_space(ui, 5);
        paragraph(ui, "receipt-number", ltr(receipt.number), ui.fonts.subheading, theme::kWhite);
    }
    vertical_space(ui, 30);
    // The number her SMS went to: the one typed in the form, which may not be the registry's.
    if (app.session.at_counter()) body_text(ui, "receipt-sms", pick(strings::counter_receipt_sms, language));
    else if (!receipt.sms_to.empty()) body_text(ui, "receipt-sms", fill(pick(strings::receipt_sms, language), {ltr(receipt.sms_to)}));
    vertical_space(ui, 20);
    for (const PrintedLine& line : receipt_lines(receipt, language)) summary_row(ui, line.id, line.key, line.value);
    vertical_space(ui, 30);
    if (app.session.at_counter()) {  // no QR code nor printed copy here: they are the sponsor's, in her account
        if (link(ui, "to-household", pick(back_home_phrase(app), language))) navigate(app, home_route(app), HistoryEntry::Push);
        return;
    }

    // The code, and what it is for beside it (under it on a narrow column).
    const bool side_by_side = ui.css_column_width() >= 480.0f;
    {
        Row row(ui);
        row.cell(0.0f, side_by_side ? 0.35f : 1.0f);
        qr_code(ui, "receipt-qr", receipt.qr_modules, 4.0f);
        if (side_by_side) row.cell(0.38f, 1.0f);
        else vertical_space(ui, 15);
        paragraph(ui, "check-title", pick(strings::check_receipt_title, language), ui.fonts.bold, theme::kText);
        vertical_space(ui, 5);
        body_text(ui, "check-text", pick(strings::check_receipt_text, language));
        vertical_space(ui, 5);
        secondary_text(ui, "check-url", ltr(receipt.verify_url));
    }
    vertical_space(ui, 30);
    if (button(ui, "print-button", pick(strings::print_receipt, language), ButtonStyle::Secondary)) print(app, receipt);
    vertical_space(ui, 20);
    if (link(ui, "to-household", pick(strings::back_to_household, language))) navigate(app, home_route(app), HistoryEntry::Push);
    vertical_space(ui, 10);
    if (link(ui, "to-history", pick(strings::see_all_transactions, language))) navigate(app, {Screen::History}, HistoryEntry::Push);
}

}  // namespace muamala::client
