#include "common/wire_records.h"

#include "common/wire_reader.h"

namespace muamala {
namespace {

constexpr const char* kRecordInvalid = "record.invalid";

Json optional_date_json(const std::optional<Date>& date) { return date ? Json(to_iso(*date)) : Json(nullptr); }
Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

PersonNamed person_named(WireReader& r, const Json& json, const char* key, const std::string& path) {
    const Json* person = r.object_member(json, key, path, true);
    if (!person) return {};
    const std::string at = path + "." + key;
    return {r.text(*person, "civil_id", at), r.bilingual(*person, "name", at)};
}

}  // namespace

const PaymentRecord* TransactionRecord::pending_payment() const {
    for (const PaymentRecord& payment : payments)
        if (payment.status == PaymentStatus::pending) return &payment;
    return nullptr;
}

// [SECTION] To JSON

Json to_json(const PersonNamed& person) { return {{"civil_id", person.civil_id}, {"name", to_json(person.name)}}; }

Json to_json(const PaymentRecord& p) {
    return {{"id", p.id},
            {"transaction_id", p.transaction_id},
            {"provider", p.provider},
            {"test_gateway", p.test_gateway},
            {"label", to_json(p.label)},
            {"amount_fils", p.amount_fils},
            {"status", name_of(p.status)},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
}

Json to_json(const TransactionRecord& t) {
    Json payments = Json::array();
    for (const PaymentRecord& payment : t.payments) payments.push_back(to_json(payment));
    return {{"id", t.id},
            {"kind", name_of(t.kind)},
            {"title", to_json(title_of(t.kind))},
            {"beneficiary", to_json(t.beneficiary)},
            {"channel", name_of(t.channel)},
            {"center_id", text_or_null(t.center_id)},
            {"status", name_of(t.status)},
            {"fee_fils", t.fee_fils},
            {"old_expiry", optional_date_json(t.old_expiry)},
            {"new_expiry", optional_date_json(t.new_expiry)},
            {"created_at", t.created_at},
            {"updated_at", t.updated_at},
            {"receipt_number", text_or_null(t.receipt_number)},
            {"payments", std::move(payments)},
            {"decision", t.decision}};
}

Json to_json(const AppointmentRecord& a) {
    return {{"id", a.id},
            {"status", name_of(a.status)},
            {"kind", name_of(a.kind)},
            {"title", to_json(title_of(a.kind))},
            {"sponsor", to_json(a.sponsor)},
            {"beneficiary", to_json(a.beneficiary)},
            {"center",
             {{"id", a.center.id}, {"name", to_json(a.center.name)}, {"shift", a.center.shift},
              {"governorate", a.center.governorate}}},
            {"slot", {{"id", a.slot.id}, {"date", to_iso(a.slot.date)}, {"starts", a.slot.starts}, {"ends", a.slot.ends}}},
            {"checked_in_at", text_or_null(a.checked_in_at)},
            {"created_at", a.created_at},
            {"updated_at", a.updated_at}};
}

Json to_json(const ReceiptRecord& r) {
    Json json{{"number", r.number},
              {"transaction_id", r.transaction_id},
              {"kind", name_of(r.kind)},
              {"title", to_json(r.title)},
              {"holder", {{"name", to_json(r.holder_name)}, {"civil_id_last4", r.holder_civil_id_last4}}},
              {"old_expiry", optional_date_json(r.old_expiry)},
              {"new_expiry", to_iso(r.new_expiry)},
              {"fee_fils", r.fee_fils},
              {"issued_at", r.issued_at},
              {"channel", name_of(r.channel)}};
    if (!r.center_id.empty()) json["center_id"] = r.center_id;
    return json;
}

// [SECTION] From JSON

namespace {

PaymentRecord read_payment(WireReader& r, const Json& json, const std::string& at) {
    PaymentRecord p;
    p.id = r.text(json, "id", at);
    p.transaction_id = r.text(json, "transaction_id", at);
    p.provider = r.text(json, "provider", at);
    p.test_gateway = r.flag(json, "test_gateway", at, true);
    p.label = r.bilingual(json, "label", at);
    p.amount_fils = r.fils(json, "amount_fils", at, true);
    p.status = r.named(json, "status", at, parse_payment_status, PaymentStatus::pending);
    p.created_at = r.text(json, "created_at", at);
    p.updated_at = r.text(json, "updated_at", at);
    return p;
}

}  // namespace

PaymentRecord payment_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, kRecordInvalid);
    if (!json.is_object()) return r.bad("payment"), PaymentRecord{};
    return read_payment(r, json, "payment");
}

TransactionRecord transaction_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, kRecordInvalid);
    TransactionRecord t;
    const std::string at = "transaction";
    if (!json.is_object()) return r.bad(at), t;
    t.id = r.text(json, "id", at);
    t.kind = r.named(json, "kind", at, parse_transaction_kind, TransactionKind{});
    t.beneficiary = person_named(r, json, "beneficiary", at);
    t.channel = r.named(json, "channel", at, parse_channel, Channel::online);
    t.center_id = r.text(json, "center_id", at, false);
    t.status = r.named(json, "status", at, parse_transaction_status, TransactionStatus::awaiting_payment);
    t.fee_fils = r.fils(json, "fee_fils", at, true);
    t.old_expiry = r.optional_date(json, "old_expiry", at);
    t.new_expiry = r.optional_date(json, "new_expiry", at);
    t.created_at = r.text(json, "created_at", at);
    t.updated_at = r.text(json, "updated_at", at);
    t.receipt_number = r.text(json, "receipt_number", at, false);
    r.array(json, "payments", at, [&](const Json& each, const std::string& path) {
        t.payments.push_back(read_payment(r, each, path));
    }, true);
    if (const Json* decision = r.object_member(json, "decision", at)) t.decision = *decision;
    return t;
}

AppointmentRecord appointment_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, kRecordInvalid);
    AppointmentRecord a;
    const std::string at = "appointment";
    if (!json.is_object()) return r.bad(at), a;
    a.id = r.text(json, "id", at);
    a.status = r.named(json, "status", at, parse_appointment_status, AppointmentStatus::booked);
    a.kind = r.named(json, "kind", at, parse_transaction_kind, TransactionKind{});
    a.sponsor = person_named(r, json, "sponsor", at);
    a.beneficiary = person_named(r, json, "beneficiary", at);
    if (const Json* center = r.object_member(json, "center", at, true)) {
        const std::string path = at + ".center";
        a.center = {r.text(*center, "id", path), r.bilingual(*center, "name", path), r.text(*center, "shift", path),
                    r.text(*center, "governorate", path)};
    }
    if (const Json* slot = r.object_member(json, "slot", at, true)) {
        const std::string path = at + ".slot";
        a.slot = {r.integer(*slot, "id", path), r.date(*slot, "date", path), r.text(*slot, "starts", path),
                  r.text(*slot, "ends", path)};
    }
    a.checked_in_at = r.text(json, "checked_in_at", at, false);
    a.created_at = r.text(json, "created_at", at);
    a.updated_at = r.text(json, "updated_at", at);
    return a;
}

ReceiptRecord receipt_from_json(const Json& json, std::vector<Problem>& problems) {
    WireReader r(problems, kRecordInvalid);
    ReceiptRecord receipt;
    const std::string at = "receipt";
    if (!json.is_object()) return r.bad(at), receipt;
    receipt.number = r.text(json, "number", at);
    receipt.transaction_id = r.text(json, "transaction_id", at);
    receipt.kind = r.named(json, "kind", at, parse_transaction_kind, TransactionKind{});
    receipt.title = r.bilingual(json, "title", at);
    if (const Json* holder = r.object_member(json, "holder", at, true)) {
        receipt.holder_name = r.bilingual(*holder, "name", at + ".holder");
        receipt.holder_civil_id_last4 = r.text(*holder, "civil_id_last4", at + ".holder");
    }
    receipt.old_expiry = r.optional_date(json, "old_expiry", at);
    receipt.new_expiry = r.date(json, "new_expiry", at);
    receipt.fee_fils = r.fils(json, "fee_fils", at, true);
    receipt.issued_at = r.text(json, "issued_at", at);
    receipt.channel = r.named(json, "channel", at, parse_channel, Channel::online);
    receipt.center_id = r.text(json, "center_id", at, false);
    return receipt;
}

std::optional<Problem> problem_from_json(const Json& json) {
    std::vector<Problem> problems;
    WireReader r(problems, kRecordInvalid);
    Problem problem{r.text(json, "code", "problem"), r.bilingual(json, "message", "problem"), r.text(json, "field", "problem", false)};
    if (!problems.empty()) return std::nullopt;
    return problem;
}

}  // namespace muamala
