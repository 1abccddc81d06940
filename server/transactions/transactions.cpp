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
#include "common/forms.h"
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
    std::string id, sponsor, beneficiary, kind, channel, center_id, status, form, decision;
    std::int64_t fee_fils = 0;
    std::string old_expiry, new_expiry, created_at, updated_at;
};

constexpr const char* kTransactionColumns =
    "id, sponsor, beneficiary, kind, channel, coalesce(center_id, ''), status, form, decision, fee_fils, "
    "coalesce(old_expiry, ''), coalesce(new_expiry, ''), created_at, updated_at";

TransactionRow read_transaction(const Statement& row) {
    return {row.column_text(0), row.column_text(1),  row.column_text(2),  row.column_text(3),
            row.column_text(4), row.column_text(5),  row.column_text(6),  row.column_text(7),
            row.column_text(8), row.column_int64(9), row.column_text(10), row.column_text(11),
            row.column_text(12), row.column_text(13)};
}

std::optional<TransactionRow> find_transaction(Connection& connection, std::string_view id) {
    Statement row = connection.prepare(std::string("SELECT ") + kTransactionColumns + " FROM transactions WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return read_transaction(row);
}

Json nullable(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json payment_json(Services& services, const Statement& row) {
    return {{"id", row.column_text(0)},
            {"transaction_id", row.column_text(1)},
            {"provider", row.column_text(2)},
            {"test_gateway", services.payments.is_test()},
            {"label", to_json(services.payments.label())},
            {"amount_fils", row.column_int64(3)},
            {"status", row.column_text(4)},
            {"created_at", row.column_text(5)},
            {"updated_at", row.column_text(6)}};
}

constexpr const char* kPaymentColumns = "id, transaction_id, provider, amount_fils, status, created_at, updated_at";

Json payments_of(Services& services, Connection& connection, std::string_view transaction_id) {
    Json payments = Json::array();
    Statement rows = connection.prepare(std::string("SELECT ") + kPaymentColumns +
                                        " FROM payments WHERE transaction_id = ?1 ORDER BY rowid");
    rows.bind(1, transaction_id);
    while (rows.step()) payments.push_back(payment_json(services, rows));
    return payments;
}

Text person_name(Connection& connection, std::string_view civil_id) {
    Statement row = connection.prepare("SELECT name_en, name_ar FROM persons WHERE civil_id = ?1");
    row.bind(1, civil_id);
    return row.step() ? Text{row.column_text(0), row.column_text(1)} : Text{};
}

Json transaction_json(Services& services, Connection& connection, const TransactionRow& t) {
    const auto kind = parse_transaction_kind(t.kind);
    const auto receipt = find_receipt_for_transaction(connection, t.id);
    return {{"id", t.id},
            {"kind", t.kind},
            {"title", kind ? to_json(title_of(*kind)) : Json(nullptr)},
            {"beneficiary", {{"civil_id", t.beneficiary}, {"name", to_json(person_name(connection, t.beneficiary))}}},
            {"channel", t.channel},
            {"center_id", nullable(t.center_id)},
            {"status", t.status},
            {"fee_fils", t.fee_fils},
            {"old_expiry", nullable(t.old_expiry)},
            {"new_expiry", nullable(t.new_expiry)},
            {"created_at", t.created_at},
            {"updated_at", t.updated_at},
            {"receipt_number", receipt ? Json(receipt->number) : Json(nullptr)},
            {"payments", payments_of(services, connection, t.id)},
            {"decision", Json::parse(t.decision, nullptr, false)}};
}

// 503 before anything is stored: without a provider a fee cannot be paid, and pretend money must
// not be taken for a real document.
ApiReply payments_unavailable_reply() {
    return refusal(503, "payments.unavailable",
                   {"Payments are not available on this service yet, so a transaction with a fee cannot be done "
                    "online. Nothing was stored or charged. A service center can do it for you",
                    "الدفع غير متاح في هذه الخدمة بعد، لذلك لا يمكن إتمام معاملة برسوم عبر الإنترنت. لم يُحفظ شيء ولم "
                    "يُخصم أي مبلغ. يمكن لمركز الخدمة إتمامها لك"});
}

// [SECTION] Deciding

TransactionRequest request_for(const Acting& acting, std::string_view kind, std::string_view beneficiary,
                               const TransactionForm& form, const Date& today) {
    return {std::string(kind), acting.sponsor_civil_id, std::string(beneficiary), acting.role, acting.actor_civil_id,
            today, true, form};
}

// 422 with every reason: form reasons name their field ("form.years"), the others "transaction".
ApiReply not_eligible_reply(const Decision& decision) {
    std::vector<FieldProblem> fields;
    for (const Problem& reason : decision.reasons)
        fields.push_back({reason.field.empty() ? "transaction" : "form." + reason.field, reason});
    ApiError error = validation_failed(std::move(fields));
    error.code = "transaction.not_eligible";
    ApiReply reply = to_reply(error);
    reply.body["decision"] = to_json(decision);
    return reply;
}

// [SECTION] Completing: document, receipt, SMS, audit

std::string last4(std::string_view civil_id) { return std::string(civil_id.substr(civil_id.size() - 4)); }

// Writes what the decision says, marks the transaction completed and issues its receipt.
Json complete(Services& services, Connection& connection, const TransactionRow& t, const Decision& decision,
              const TransactionForm& form, std::string_view now) {
    const NewRecord& record = *decision.new_record;
    store_new_record(connection, record);
    if (t.kind == "transfer_residency_passport")
        store_passport(connection, t.beneficiary,
                       {normalize_passport_text(form.new_passport_number), normalize_passport_text(form.new_passport_country),
                        *parse_iso_date(form.new_passport_expires)});
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

    const auto kind = parse_transaction_kind(t.kind);
    const Text name = person_name(connection, t.beneficiary);
    ReceiptContent receipt{new_receipt_number(), t.id, t.kind, title_of(*kind), name, last4(t.beneficiary),
                           t.old_expiry, new_expiry, decision.total_fils, std::string(now), t.channel, t.center_id};
    const std::string payload = store_receipt(connection, services.receipts, receipt, now);

    const Text title = title_of(*kind);
    queue_sms(connection, phone_of(connection, t.sponsor), "document_issued", "issued:" + t.id,
              {"Muamala: " + title.en + " for " + name.en + " is done. New expiry " + new_expiry + ". Receipt " +
                   receipt.number + ".",
               "معاملة: تمت " + title.ar + " لـ " + name.ar + ". تاريخ الانتهاء الجديد " + new_expiry + ". الإيصال " +
                   receipt.number + "."},
              now);
    append_audit(connection, now, t.sponsor, "transaction.completed", t.id,
                 {{"kind", t.kind}, {"beneficiary", t.beneficiary}, {"new_expiry", new_expiry},
                  {"fee_fils", decision.total_fils}, {"receipt", receipt.number}, {"channel", t.channel}});
    return Json::parse(payload);
}

// The form as stored with the transaction, read back for the re-check at payment time.
TransactionForm stored_form(const TransactionRow& t) {
    std::vector<Problem> ignored;  // it was validated when stored
    return form_from_json(Json::parse(t.form, nullptr, false), ignored);
}

Decision decide_again(Services& services, Connection& connection, const Acting& acting, const TransactionRow& t) {
    const Registry household = load_household(connection, t.sponsor);
    return evaluate(services.rulebook, household,
                    request_for(acting, t.kind, t.beneficiary, stored_form(t), kuwait_today(services.clock)));
}

// [SECTION] Submitting

}  // namespace

ApiReply not_found_reply() {
    return refusal(404, "not_found", {"There is nothing here, or it is not yours to see",
                                      "لا يوجد شيء هنا، أو أنه ليس من حقك الاطلاع عليه"});
}

ApiReply submit_transaction(Services& services, Connection& connection, const Acting& acting, const Json& body) {
    const auto kind = body.find("kind");
    const auto beneficiary = body.find("beneficiary");
    const auto form_json = body.find("form");
    if (kind == body.end() || !kind->is_string() || beneficiary == body.end() || !beneficiary->is_string() ||
        form_json == body.end() || !form_json->is_object())
        return to_reply(malformed_request({"request.invalid_field",
                                           {"Send kind and beneficiary as text, and form as an object",
                                            "أرسل kind وbeneficiary نصًا، وform كائنًا"}}));
    std::vector<Problem> problems;
    const TransactionForm form = form_from_json(*form_json, problems);
    if (!problems.empty()) return to_reply(malformed_request(problems.front()));

    // Only the sponsor's own household: anyone else is a 404, whether they exist or not.
    const Validation beneficiary_id = validate_civil_id(beneficiary->get<std::string>());
    const Registry household = load_household(connection, acting.sponsor_civil_id);
    if (!beneficiary_id.ok || !is_household_member(household, acting.sponsor_civil_id, beneficiary_id.normalized))
        return not_found_reply();

    const std::string now = iso_timestamp(services.clock.now());
    const Decision decision =
        evaluate(services.rulebook, household,
                 request_for(acting, kind->get<std::string>(), beneficiary_id.normalized, form, kuwait_today(services.clock)));
    if (!decision.eligible) return not_eligible_reply(decision);
    if (decision.total_fils > 0 && !services.payments.available()) return payments_unavailable_reply();

    TransactionRow t{random_id("T-"), acting.sponsor_civil_id, beneficiary_id.normalized, kind->get<std::string>(),
                     acting.channel, acting.center_id, decision.total_fils > 0 ? "awaiting_payment" : "completed",
                     dump(to_json(form)), dump(to_json(decision)), decision.total_fils,
                     decision.current_expiry ? to_iso(*decision.current_expiry) : "",
                     decision.new_expiry ? to_iso(*decision.new_expiry) : "", now, now};
    Statement insert = connection.prepare(
        "INSERT INTO transactions (id, sponsor, beneficiary, kind, channel, center_id, operator_account, status, form, "
        "decision, fee_fils, old_expiry, new_expiry, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'awaiting_payment', ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
    insert.bind(1, t.id).bind(2, t.sponsor).bind(3, t.beneficiary).bind(4, t.kind).bind(5, t.channel);
    if (t.center_id.empty()) insert.bind_null(6).bind_null(7);
    else insert.bind(6, t.center_id).bind(7, acting.account_id);
    insert.bind(8, t.form).bind(9, t.decision).bind(10, t.fee_fils);
    if (t.old_expiry.empty()) insert.bind_null(11);
    else insert.bind(11, t.old_expiry);
    insert.bind(12, t.new_expiry).bind(13, now);
    insert.step();
    append_audit(connection, now, acting.actor_civil_id, "transaction.submitted", t.id,
                 {{"kind", t.kind}, {"sponsor", t.sponsor}, {"beneficiary", t.beneficiary}, {"fee_fils", t.fee_fils},
                  {"channel", t.channel}});

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
    const TransactionRow stored = *find_transaction(connection, t.id);
    answer["transaction"] = transaction_json(services, connection, stored);
    if (t.fee_fils > 0) {
        Json opened = answer["transaction"]["payments"].back();  // a copy, for the reason above
        answer["payment"] = std::move(opened);
    }
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
    if (!row.step()) return not_found_reply();
    const std::string transaction_id = row.column_text(1), status = row.column_text(4);
    const std::int64_t amount = row.column_int64(3);
    const auto t = find_transaction(connection, transaction_id);
    if (!t || t->sponsor != acting.sponsor_civil_id) return not_found_reply();
    if (status != "pending")
        return refusal(409, "payment.not_pending",
                       {"This payment is already " + status + ". Start a new payment if one is still due",
                        "هذه الدفعة منتهية بالفعل (" + status + "). ابدأ دفعة جديدة إن كان الدفع مستحقًا"});

    const std::string now = iso_timestamp(services.clock.now());
    const auto set_payment = [&](std::string_view new_status, std::string_view reference) {
        connection.prepare("UPDATE payments SET status = ?2, provider_reference = ?3, updated_at = ?4 WHERE id = ?1")
            .bind(1, payment_id)
            .bind(2, new_status)
            .bind(3, reference)
            .bind(4, now)
            .step();
    };

    // Authorise, then capture: the rules and the amount are checked again before any money moves.
    const Decision decision = decide_again(services, connection, acting, *t);
    if (!decision.eligible) {
        set_payment("declined", "");
        connection.prepare("UPDATE transactions SET status = 'failed', updated_at = ?2 WHERE id = ?1")
            .bind(1, t->id)
            .bind(2, now)
            .step();
        append_audit(connection, now, acting.actor_civil_id, "transaction.failed", t->id,
                     {{"reason", "no longer eligible at payment"}});
        return refusal(409, "transaction.no_longer_eligible",
                       {"The rules no longer allow this transaction, so nothing was charged",
                        "لم تعد القواعد تسمح بهذه المعاملة، لذلك لم يُخصم أي مبلغ"},
                       {{"decision", to_json(decision)}});
    }
    if (decision.total_fils != amount) {
        set_payment("declined", "");
        append_audit(connection, now, acting.actor_civil_id, "payment.amount_changed", std::string(payment_id),
                     {{"was_fils", amount}, {"now_fils", decision.total_fils}});
        return refusal(409, "payment.amount_changed",
                       {"The amount due changed since the payment was opened. Start a new payment",
                        "تغيّر المبلغ المستحق منذ فتح الدفعة. ابدأ دفعة جديدة"},
                       {{"decision", to_json(decision)}});
    }

    const Settlement settlement = services.payments.settle(payment_id, amount, body);
    set_payment(outcome_name(settlement.outcome), settlement.provider_reference);
    append_audit(connection, now, acting.actor_civil_id, std::string("payment.") + std::string(outcome_name(settlement.outcome)),
                 std::string(payment_id), {{"transaction", t->id}, {"amount_fils", amount}, {"provider", services.payments.name()}});
    Json answer{{"receipt", nullptr}};
    if (settlement.outcome == PaymentOutcome::approved) {
        answer["receipt"] = complete(services, connection, *t, decision, stored_form(*t), now);
    }
    const TransactionRow updated = *find_transaction(connection, t->id);
    answer["transaction"] = transaction_json(services, connection, updated);
    Json settled;  // copied out first: adding a key to `answer` may move what a reference points at
    for (const Json& payment : answer["transaction"]["payments"])
        if (payment["id"].get<std::string>() == payment_id) settled = payment;
    answer["payment"] = std::move(settled);
    return {200, std::move(answer)};
}

ApiReply open_new_payment(Services& services, Connection& connection, const Acting& acting,
                          std::string_view transaction_id) {
    const auto t = find_transaction(connection, transaction_id);
    if (!t || t->sponsor != acting.sponsor_civil_id) return not_found_reply();
    if (t->status != "awaiting_payment")
        return refusal(409, "transaction.not_awaiting_payment",
                       {"This transaction is " + t->status + " and takes no payment",
                        "هذه المعاملة في حالة " + t->status + " ولا تقبل الدفع"});
    Statement pending = connection.prepare(std::string("SELECT ") + kPaymentColumns +
                                           " FROM payments WHERE transaction_id = ?1 AND status = 'pending'");
    pending.bind(1, t->id);
    if (pending.step()) return {200, {{"payment", payment_json(services, pending)}}};  // one open payment at a time

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
    return {201, {{"payment", payment_json(services, created)}}};
}

// [SECTION] Reading

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
    if (!t || t->sponsor != sponsor_civil_id) return not_found_reply();
    return {200, transaction_json(services, connection, *t)};
}

}  // namespace muamala::server
