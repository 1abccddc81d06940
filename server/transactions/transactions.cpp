// Index of this file:
// [SECTION] Ids, rows and their JSON
// [SECTION] Deciding
// [SECTION] Completing: document, receipt, SMS, audit
// [SECTION] Submitting
// [SECTION] Paying
// [SECTION] Reading
#include "server/transactions/transactions.h"

#include "common/civil_id.h"
#include "common/evaluate.h"
#include "common/form_input.h"
#include "common/forms.h"
#include "common/wire_records.h"
#include "common/wire_transactions.h"
#include "server/messages/outbox.h"
#include "server/security/audit.h"
#include "server/security/crypto.h"
#include "server/storage/registry_store.h"
#include "server/transactions/receipts.h"

namespace muamala::server {
namespace {

// [SECTION] Ids, rows and their JSON

std::string random_id(const char* prefix) { return prefix + random_readable_code(16); }

struct TransactionRow {
    std::string id, sponsor, beneficiary, kind;  // kind: the wire name as requested (evaluate() judges it)
    Channel channel = Channel::online;
    std::string center_id;
    TransactionStatus status = TransactionStatus::awaiting_payment;
    std::string form, decision;  // as JSON text
    std::int64_t fee_fils = 0;
    std::string old_expiry, new_expiry, created_at, updated_at;
};

constexpr const char* kTransactionColumns =
    "id, sponsor, beneficiary, kind, channel, coalesce(center_id, ''), status, form, decision, fee_fils, "
    "coalesce(old_expiry, ''), coalesce(new_expiry, ''), created_at, updated_at";

TransactionRow read_transaction(const Statement& row) {
    return {row.column_text(0),
            row.column_text(1),
            row.column_text(2),
            row.column_text(3),
            stored(parse_channel, row.column_text(4), "transactions.channel"),
            row.column_text(5),
            stored(parse_transaction_status, row.column_text(6), "transactions.status"),
            row.column_text(7),
            row.column_text(8),
            row.column_int64(9),
            row.column_text(10),
            row.column_text(11),
            row.column_text(12),
            row.column_text(13)};
}

std::optional<TransactionRow> find_transaction(Connection& connection, std::string_view id) {
    Statement row = connection.prepare(std::string("SELECT ") + kTransactionColumns + " FROM transactions WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return read_transaction(row);
}

constexpr const char* kPaymentColumns = "id, transaction_id, provider, amount_fils, status, created_at, updated_at";

PaymentRecord payment_record(Services& services, const Statement& row) {
    return {row.column_text(0),
            row.column_text(1),
            row.column_text(2),
            services.payments.is_test(),
            services.payments.label(),
            row.column_int64(3),
            stored(parse_payment_status, row.column_text(4), "payments.status"),
            row.column_text(5),
            row.column_text(6)};
}

std::vector<PaymentRecord> payments_of(Services& services, Connection& connection, std::string_view transaction_id) {
    std::vector<PaymentRecord> payments;
    Statement rows = connection.prepare(std::string("SELECT ") + kPaymentColumns +
                                        " FROM payments WHERE transaction_id = ?1 ORDER BY rowid");
    rows.bind(1, transaction_id);
    while (rows.step()) payments.push_back(payment_record(services, rows));
    return payments;
}

Text person_name(Connection& connection, std::string_view civil_id) {
    Statement row = connection.prepare("SELECT name_en, name_ar FROM persons WHERE civil_id = ?1");
    row.bind(1, civil_id);
    return row.step() ? Text{row.column_text(0), row.column_text(1)} : Text{};
}

TransactionRecord record_of(Services& services, Connection& connection, const TransactionRow& t) {
    const auto receipt = find_receipt_for_transaction(connection, t.id);
    return {t.id,
            stored(parse_transaction_kind, t.kind, "transactions.kind"),
            {t.beneficiary, person_name(connection, t.beneficiary)},
            t.channel,
            t.center_id,
            t.status,
            t.fee_fils,
            parse_iso_date(t.old_expiry),
            parse_iso_date(t.new_expiry),
            t.created_at,
            t.updated_at,
            receipt ? receipt->number : "",
            payments_of(services, connection, t.id),
            Json::parse(t.decision, nullptr, false)};
}

Json transaction_json(Services& services, Connection& connection, const TransactionRow& t) {
    return to_json(record_of(services, connection, t));
}

// 503 before anything is stored: without a provider a fee cannot be paid, and pretend money must
// not be taken for a real document.
ApiReply payments_unavailable_reply() {
    return refusal({503, "payments.unavailable",
                    {"Payments are not available on this service yet, so a transaction with a fee cannot be done "
                     "online. Nothing was stored or charged. A service center can do it for you",
                     "الدفع غير متاح في هذه الخدمة بعد، لذلك لا يمكن إتمام معاملة برسوم عبر الإنترنت. لم يُحفظ شيء ولم "
                     "يُخصم أي مبلغ. يمكن لمركز الخدمة إتمامها لك"}});
}

// [SECTION] Deciding

TransactionRequest request_for(const Acting& acting, std::string_view kind, std::string_view beneficiary,
                               const TransactionForm& form, const Date& today) {
    return {std::string(kind), acting.sponsor_civil_id, std::string(beneficiary), acting.role, acting.actor_civil_id,
            today, true, form};
}

// 422 with every reason: form reasons name their field ("form.years"), the others "transaction";
// the decision goes beside the error, with its fees and notes.
ApiReply not_eligible_reply(const Decision& decision) {
    std::vector<FieldProblem> fields;
    for (const Problem& reason : decision.reasons)
        fields.push_back({reason.field.empty() ? "transaction" : "form." + reason.field, reason});
    return refusal(validation_failed(std::move(fields)), {{"decision", to_json(decision)}});
}

// [SECTION] Completing: document, receipt, SMS, audit

std::string last4(std::string_view civil_id) { return std::string(civil_id.substr(civil_id.size() - 4)); }

std::string issued_sms_key(std::string_view transaction_id) { return "issued:" + std::string(transaction_id); }

// Writes what the decision says, marks the transaction completed and issues its receipt.
Json complete(Services& services, Connection& connection, const TransactionRow& t, const Decision& decision,
              const TransactionForm& form, std::string_view now) {
    const NewRecord& record = *decision.new_record;
    store_new_record(connection, record);
    if (t.kind == "transfer_residency_passport")
        store_passport(connection, t.beneficiary,
                       {form.new_passport_number, form.new_passport_country, *parse_iso_date(form.new_passport_expires)});
    const std::string new_expiry = to_iso(record.expires);
    connection
        .prepare("UPDATE transactions SET status = 'completed', new_expiry = ?2, fee_fils = ?3, decision = ?4, "
                 "updated_at = ?5 WHERE id = ?1")
        .bind(1, t.id)
        .bind(2, new_expiry)
        .bind(3, decision.total_fils)
        .bind(4, dump(to_json(decision)))
        .bind(5, now)
        .step();

    const TransactionKind kind = stored(parse_transaction_kind, t.kind, "transactions.kind");
    const Text name = person_name(connection, t.beneficiary);
    const ReceiptRecord receipt{new_receipt_number(), t.id,         kind,         title_of(kind),
                                name,                 last4(t.beneficiary),      parse_iso_date(t.old_expiry),
                                record.expires,       decision.total_fils,       std::string(now),
                                t.channel,            t.center_id};
    const std::string payload = store_receipt(connection, services.receipts, receipt, now);

    const Text title = title_of(kind);
    // To the mobile number given in the form for this SMS (the sponsor's own, unless she typed another).
    queue_sms(connection, form.phone, "document_issued", issued_sms_key(t.id),
              {"Muamala: " + title.en + " for " + name.en + " is done. New expiry " + new_expiry + ". Receipt " +
                   receipt.number + ".",
               "معاملة: تمت " + title.ar + " لـ " + name.ar + ". تاريخ الانتهاء الجديد " + new_expiry + ". الإيصال " +
                   receipt.number + "."},
              now);
    append_audit(connection, now, t.sponsor, "transaction.completed", t.id,
                 {{"kind", t.kind}, {"beneficiary", t.beneficiary}, {"new_expiry", new_expiry},
                  {"fee_fils", decision.total_fils}, {"receipt", receipt.number}, {"channel", name_of(t.channel)}});
    return Json::parse(payload);
}

// The form as stored with the transaction, read back for the re-check at payment time. Normalised
// again: a transaction stored before forms were normalised on arrival may hold one as typed.
TransactionForm stored_form(const TransactionRow& t) {
    std::vector<Problem> ignored;  // it was validated when stored
    return normalize_form(form_from_json(Json::parse(t.form, nullptr, false), ignored));
}

Decision decide_again(Services& services, Connection& connection, const Acting& acting, const TransactionRow& t) {
    const Registry household = load_household(connection, t.sponsor);
    return evaluate(services.rulebook, household,
                    request_for(acting, t.kind, t.beneficiary, stored_form(t), kuwait_today(services.clock)));
}

// [SECTION] Submitting

}  // namespace

ApiReply submit_transaction(Services& services, Connection& connection, const Acting& acting, const Json& body) {
    const auto kind = body.find("kind");
    const auto beneficiary = body.find("beneficiary");
    const auto form_json = body.find("form");
    if (kind == body.end() || !kind->is_string() || beneficiary == body.end() || !beneficiary->is_string() ||
        form_json == body.end() || !form_json->is_object())
        return refusal(malformed_request({"request.invalid_field",
                                           {"Send kind and beneficiary as text, and form as an object",
                                            "أرسل kind وbeneficiary نصًا، وform كائنًا"}}));
    std::vector<Problem> problems;
    // Stored as the rules read it: digits as ASCII, the phone as +965..., passport text in capitals.
    const TransactionForm form = normalize_form(form_from_json(*form_json, problems));
    if (!problems.empty()) return refusal(malformed_request(problems.front()));

    // Only the sponsor's own household: anyone else is a 404, whether they exist or not.
    const Validation beneficiary_id = validate_civil_id(beneficiary->get<std::string>());
    const Registry household = load_household(connection, acting.sponsor_civil_id);
    if (!beneficiary_id.ok || !is_household_member(household, acting.sponsor_civil_id, beneficiary_id.normalized))
        return refusal(not_found());

    const std::string now = iso_timestamp(services.clock.now());
    const Decision decision =
        evaluate(services.rulebook, household,
                 request_for(acting, kind->get<std::string>(), beneficiary_id.normalized, form, kuwait_today(services.clock)));
    if (!decision.eligible) return not_eligible_reply(decision);
    if (decision.total_fils > 0 && !services.payments.available()) return payments_unavailable_reply();

    TransactionRow t{random_id("T-"), acting.sponsor_civil_id, beneficiary_id.normalized, kind->get<std::string>(),
                     acting.channel, acting.center_id,
                     decision.total_fils > 0 ? TransactionStatus::awaiting_payment : TransactionStatus::completed,
                     dump(to_json(form)), dump(to_json(decision)), decision.total_fils,
                     decision.current_expiry ? to_iso(*decision.current_expiry) : "",
                     decision.new_expiry ? to_iso(*decision.new_expiry) : "", now, now};
    Statement insert = connection.prepare(
        "INSERT INTO transactions (id, sponsor, beneficiary, kind, channel, center_id, operator_account, status, form, "
        "decision, fee_fils, old_expiry, new_expiry, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'awaiting_payment', ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
    insert.bind(1, t.id).bind(2, t.sponsor).bind(3, t.beneficiary).bind(4, t.kind).bind(5, name_of(t.channel));
    if (t.center_id.empty()) insert.bind_null(6).bind_null(7);
    else insert.bind(6, t.center_id).bind(7, acting.account_id);
    insert.bind(8, t.form).bind(9, t.decision).bind(10, t.fee_fils);
    if (t.old_expiry.empty()) insert.bind_null(11);
    else insert.bind(11, t.old_expiry);
    insert.bind(12, t.new_expiry).bind(13, now);
    insert.step();
    append_audit(connection, now, acting.actor_civil_id, "transaction.submitted", t.id,
                 {{"kind", t.kind}, {"sponsor", t.sponsor}, {"beneficiary", t.beneficiary}, {"fee_fils", t.fee_fils},
                  {"channel", name_of(t.channel)}});

    Json answer{{"transaction", nullptr}, {"payment", nullptr}, {"receipt", nullptr}};
    if (t.fee_fils > 0) {
        const std::string payment_id = random_id("P-");
        connection
            .prepare("INSERT INTO payments (id, transaction_id, provider, amount_fils, status, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5)")
            .bind(1, payment_id)
            .bind(2, t.id)
            .bind(3, services.payments.name())
            .bind(4, t.fee_fils)
            .bind(5, now)
            .step();
    } else {
        answer["receipt"] = complete(services, connection, t, decision, form, now);  // nothing to pay: done now
    }
    const TransactionRecord submitted = record_of(services, connection, *find_transaction(connection, t.id));
    answer["transaction"] = to_json(submitted);
    if (t.fee_fils > 0) answer["payment"] = to_json(submitted.payments.back());
    return {201, std::move(answer)};
}

// [SECTION] Paying

ApiReply settle_payment(Services& services, Connection& connection, const Acting& acting, std::string_view payment_id,
                        const Json& body) {
    // The only way to settle today is the test gateway's answer: a real provider's signed callback
    // will have a route of its own. So outside a demo there is nothing to settle here.
    if (!services.payments.is_test()) return payments_unavailable_reply();
    Statement row = connection.prepare(std::string("SELECT ") + kPaymentColumns + " FROM payments WHERE id = ?1");
    row.bind(1, payment_id);
    if (!row.step()) return refusal(not_found());
    const PaymentRecord payment = payment_record(services, row);
    const std::int64_t amount = payment.amount_fils;
    const auto t = find_transaction(connection, payment.transaction_id);
    if (!t || t->sponsor != acting.sponsor_civil_id) return refusal(not_found());
    if (payment.status != PaymentStatus::pending) {
        const std::string status(name_of(payment.status));
        return refusal({409, "payment.not_pending",
                        {"This payment is already " + status + ". Start a new payment if one is still due",
                         "هذه الدفعة منتهية بالفعل (" + status + "). ابدأ دفعة جديدة إن كان الدفع مستحقًا"}});
    }

    const std::string now = iso_timestamp(services.clock.now());
    const auto set_payment = [&](PaymentStatus new_status, std::string_view reference) {
        connection.prepare("UPDATE payments SET status = ?2, provider_reference = ?3, updated_at = ?4 WHERE id = ?1")
            .bind(1, payment_id)
            .bind(2, name_of(new_status))
            .bind(3, reference)
            .bind(4, now)
            .step();
    };

    // Authorise, then capture: the rules and the amount are checked again before any money moves.
    const Decision decision = decide_again(services, connection, acting, *t);
    if (!decision.eligible) {
        set_payment(PaymentStatus::declined, "");
        connection.prepare("UPDATE transactions SET status = 'failed', updated_at = ?2 WHERE id = ?1")
            .bind(1, t->id)
            .bind(2, now)
            .step();
        append_audit(connection, now, acting.actor_civil_id, "transaction.failed", t->id,
                     {{"reason", "no longer eligible at payment"}});
        return refusal({409, "transaction.no_longer_eligible",
                       {"The rules no longer allow this transaction, so nothing was charged",
                        "لم تعد القواعد تسمح بهذه المعاملة، لذلك لم يُخصم أي مبلغ"}},
                       {{"decision", to_json(decision)}});
    }
    if (decision.total_fils != amount) {
        set_payment(PaymentStatus::declined, "");
        append_audit(connection, now, acting.actor_civil_id, "payment.amount_changed", std::string(payment_id),
                     {{"was_fils", amount}, {"now_fils", decision.total_fils}});
        return refusal({409, "payment.amount_changed",
                       {"The amount due changed since the payment was opened. Start a new payment",
                        "تغيّر المبلغ المستحق منذ فتح الدفعة. ابدأ دفعة جديدة"}},
                       {{"decision", to_json(decision)}});
    }

    const Settlement settlement = services.payments.settle(payment_id, amount, body);
    set_payment(settlement.status, settlement.provider_reference);
    append_audit(connection, now, acting.actor_civil_id, "payment." + std::string(name_of(settlement.status)),
                 std::string(payment_id), {{"transaction", t->id}, {"amount_fils", amount}, {"provider", services.payments.name()}});
    Json answer{{"receipt", nullptr}};
    if (settlement.status == PaymentStatus::approved) {
        answer["receipt"] = complete(services, connection, *t, decision, stored_form(*t), now);
    }
    const TransactionRecord updated = record_of(services, connection, *find_transaction(connection, t->id));
    answer["transaction"] = to_json(updated);
    for (const PaymentRecord& settled : updated.payments)
        if (settled.id == payment_id) answer["payment"] = to_json(settled);
    return {200, std::move(answer)};
}

ApiReply open_new_payment(Services& services, Connection& connection, const Acting& acting,
                          std::string_view transaction_id) {
    const auto t = find_transaction(connection, transaction_id);
    if (!t || t->sponsor != acting.sponsor_civil_id) return refusal(not_found());
    if (t->status != TransactionStatus::awaiting_payment) {
        const std::string status(name_of(t->status));
        return refusal({409, "transaction.not_awaiting_payment",
                        {"This transaction is " + status + " and takes no payment",
                         "هذه المعاملة في حالة " + status + " ولا تقبل الدفع"}});
    }
    Statement pending = connection.prepare(std::string("SELECT ") + kPaymentColumns +
                                           " FROM payments WHERE transaction_id = ?1 AND status = 'pending'");
    pending.bind(1, t->id);
    if (pending.step()) return {200, {{"payment", to_json(payment_record(services, pending))}}};  // one open payment at a time

    const Decision decision = decide_again(services, connection, acting, *t);
    if (!decision.eligible) return not_eligible_reply(decision);
    if (!services.payments.available()) return payments_unavailable_reply();
    const std::string now = iso_timestamp(services.clock.now()), payment_id = random_id("P-");
    connection
        .prepare("INSERT INTO payments (id, transaction_id, provider, amount_fils, status, created_at, updated_at) "
                 "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5)")
        .bind(1, payment_id)
        .bind(2, t->id)
        .bind(3, services.payments.name())
        .bind(4, decision.total_fils)
        .bind(5, now)
        .step();
    append_audit(connection, now, acting.actor_civil_id, "payment.opened", payment_id,
                 {{"transaction", t->id}, {"amount_fils", decision.total_fils}});
    Statement created = connection.prepare(std::string("SELECT ") + kPaymentColumns + " FROM payments WHERE id = ?1");
    created.bind(1, payment_id);
    created.step();
    return {201, {{"payment", to_json(payment_record(services, created))}}};
}

// [SECTION] Reading

std::string issued_sms_recipient(Connection& connection, std::string_view transaction_id) {
    Statement row = connection.prepare("SELECT recipient FROM outbox WHERE dedupe_key = ?1");
    row.bind(1, issued_sms_key(transaction_id));
    return row.step() ? row.column_text(0) : std::string();
}

ApiReply list_transactions(Services& services, Connection& connection, std::string_view sponsor_civil_id) {
    Statement rows = connection.prepare(std::string("SELECT ") + kTransactionColumns +
                                        " FROM transactions WHERE sponsor = ?1 ORDER BY created_at DESC, id LIMIT 200");
    rows.bind(1, sponsor_civil_id);
    Json list = Json::array();
    while (rows.step()) list.push_back(transaction_json(services, connection, read_transaction(rows)));
    return {200, {{"transactions", std::move(list)}}};
}

ApiReply get_transaction(Services& services, Connection& connection, std::string_view sponsor_civil_id,
                         std::string_view transaction_id) {
    const auto t = find_transaction(connection, transaction_id);
    if (!t || t->sponsor != sponsor_civil_id) return refusal(not_found());
    return {200, transaction_json(services, connection, *t)};
}

}  // namespace muamala::server
