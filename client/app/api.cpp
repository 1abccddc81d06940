#include "client/app/api.h"

#include "common/wire.h"
#include "common/wire_centers.h"
#include "common/wire_records.h"
#include "common/wire_transactions.h"

// [SECTION] JSON lookups that never throw
// [SECTION] Addresses and request bodies
// [SECTION] Failures
// [SECTION] Answers
// [SECTION] Centers and appointments
// [SECTION] The counter
// [SECTION] The supervisor's figures

namespace muamala::client {
namespace {

// [SECTION] JSON lookups that never throw ---------------------------------------------------------
// A missing key or a wrong type reads as "absent"; the readers below then give up on the answer.

const Json* member(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

const std::string* string_member(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_string() ? value->get_ptr<const std::string*>() : nullptr;
}

std::string text_or_empty(const Json& object, const char* key) {
    const std::string* value = string_member(object, key);
    return value ? *value : std::string();
}

std::optional<int64_t> integer_member(const Json& object, const char* key) {
    const Json* value = member(object, key);
    if (!value || !value->is_number_integer()) return std::nullopt;
    return value->get<int64_t>();
}

bool bool_member(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_boolean() && value->get<bool>();
}

std::optional<Date> date_member(const Json& object, const char* key) {
    const std::string* value = string_member(object, key);
    return value ? parse_iso_date(*value) : std::nullopt;
}

// {"en":..,"ar":..}, both present.
std::optional<Text> text_member(const Json& object, const char* key) {
    const Json* value = member(object, key);
    if (!value) return std::nullopt;
    const std::string* en = string_member(*value, "en");
    const std::string* ar = string_member(*value, "ar");
    if (!en || !ar) return std::nullopt;
    return Text{*en, *ar};
}

std::vector<Problem> problems_member(const Json& object, const char* key) {
    std::vector<Problem> problems;
    if (const Json* list = member(object, key); list && list->is_array())
        for (const Json& each : *list)
            if (auto problem = problem_from_json(each)) problems.push_back(std::move(*problem));
    return problems;
}

Json parse(std::string_view body) { return Json::parse(body, nullptr, /*allow_exceptions=*/false); }

// A record read with its mapping (common/wire_records.h); nullopt when it does not read as the API
// promises: a record with a missing or mistyped member is not shown.
template <typename Record>
std::optional<Record> record(const Json& json, Record (*from_json)(const Json&, std::vector<Problem>&)) {
    std::vector<Problem> problems;
    Record read = from_json(json, problems);
    if (!problems.empty()) return std::nullopt;
    return read;
}

std::optional<TransactionKind> kind_member(const Json& object, const char* key) {
    const std::string* name = string_member(object, key);
    return name ? parse_transaction_kind(*name) : std::nullopt;
}

// [SECTION] Addresses and request bodies ----------------------------------------------------------

std::string under(std::string_view base, std::string_view id, std::string_view tail = {}) {
    std::string url(base);
    url += '/';
    url += id;
    url += tail;
    return url;
}

}  // namespace

namespace api {
std::string transaction_url(std::string_view id) { return under(kTransactions, id); }
std::string new_payment_url(std::string_view transaction) { return under(kTransactions, transaction, "/payments"); }
std::string test_gateway_url(std::string_view payment) { return under("api/v1/payments", payment, "/test-gateway"); }
std::string receipt_url(std::string_view number) { return under("api/v1/receipts", number); }
std::string slots_url(std::string_view center, const Date& date) { return under(kCenters, center, "/slots?date=" + to_iso(date)); }
std::string appointment_url(std::string_view id) { return under(kAppointments, id); }
std::string reschedule_url(std::string_view id) { return under(kAppointments, id, "/reschedule"); }
std::string counter_household_url(std::string_view civil_id) { return under("api/v1/counter/households", civil_id); }
std::string counter_new_payment_url(std::string_view transaction) { return under(kCounterTransactions, transaction, "/payments"); }
std::string counter_test_gateway_url(std::string_view payment) { return under("api/v1/counter/payments", payment, "/test-gateway"); }
std::string check_in_url(std::string_view appointment) { return under("api/v1/counter/appointments", appointment, "/check-in"); }
std::string receipt_verify_url(std::string_view number) { return under("api/v1/receipts", number, "/verify"); }
}  // namespace api

std::string sign_in_body(std::string_view civil_id, std::string_view password) {
    return dump(Json{{"civil_id", std::string(civil_id)}, {"password", std::string(password)}});
}

std::string verify_body(std::string_view code) { return dump(Json{{"code", std::string(code)}}); }

std::string submission_body(TransactionKind kind, std::string_view beneficiary, const TransactionForm& form) {
    return dump(Json{{"kind", name_of(kind)}, {"beneficiary", std::string(beneficiary)}, {"form", to_json(form)}});
}

std::string counter_submission_body(std::string_view sponsor, TransactionKind kind, std::string_view beneficiary,
                                    const TransactionForm& form) {
    return dump(Json{{"sponsor", std::string(sponsor)}, {"kind", name_of(kind)}, {"beneficiary", std::string(beneficiary)},
                     {"form", to_json(form)}});
}

std::string gateway_body(std::string_view outcome) { return dump(Json{{"outcome", std::string(outcome)}}); }

// [SECTION] Failures ------------------------------------------------------------------------------

CallFailure failure_of(const HttpResponse& response) {
    CallFailure failure;
    failure.http_status = response.status;
    if (response.status == 0) {
        failure.kind = response.timed_out ? CallFailure::Kind::TimedOut : CallFailure::Kind::Unreachable;
        return failure;
    }
    const Json json = parse(response.body);
    const Json* error = json.is_discarded() ? nullptr : member(json, "error");
    if (error) {
        failure.code = text_or_empty(*error, "code");
        failure.message = text_member(*error, "message").value_or(Text{});
        failure.fields = problems_member(*error, "fields");
    }
    if (response.status == 401) failure.kind = CallFailure::Kind::SessionEnded;
    else if (response.status >= 500) failure.kind = CallFailure::Kind::ServerError;
    else if (response.status >= 400 && error && !failure.code.empty()) failure.kind = CallFailure::Kind::Refused;
    else failure.kind = CallFailure::Kind::Unexpected;
    return failure;
}

// [SECTION] Answers -------------------------------------------------------------------------------

std::optional<SignedIn> read_signed_in(std::string_view body) {
    const Json json = parse(body);
    const std::string* csrf = string_member(json, "csrf_token");
    const Json* account = member(json, "account");
    if (!csrf || !account) return std::nullopt;
    const std::string* civil_id = string_member(*account, "civil_id");
    const std::string* role_name = string_member(*account, "role");
    const std::optional<Role> role = role_name ? parse_role(*role_name) : std::nullopt;
    if (!civil_id || !role) return std::nullopt;
    return SignedIn{*csrf, *civil_id, *role};
}

std::optional<ServiceInfo> read_service_info(std::string_view body) {
    const Json json = parse(body);
    const Json* payments = member(json, "payments");
    const std::optional<Text> label = payments ? text_member(*payments, "label") : std::nullopt;
    if (!payments || !label || !member(json, "demo")) return std::nullopt;
    return ServiceInfo{bool_member(json, "demo"), bool_member(*payments, "available"), *label};
}

namespace {

std::optional<Document> read_document(const Json& json) {
    const std::optional<Date> expires = date_member(json, "expires");
    const std::optional<int64_t> days = integer_member(json, "days_to_expiry");
    if (!expires || !days) return std::nullopt;
    return Document{text_or_empty(json, "type"), *expires, *days, text_or_empty(json, "state")};
}

std::optional<Offer> read_offer(const Json& json) {
    const std::optional<TransactionKind> kind = kind_member(json, "kind");
    const Json* decision = member(json, "decision");
    if (!kind || !decision) return std::nullopt;
    return Offer{*kind, bool_member(*decision, "eligible"), problems_member(*decision, "reasons")};
}

std::optional<Member> read_member(const Json& json) {
    Member m;
    m.civil_id = text_or_empty(json, "civil_id");
    const std::optional<Text> name = text_member(json, "name");
    const std::optional<int64_t> age = integer_member(json, "age");
    if (m.civil_id.empty() || !name || !age) return std::nullopt;
    m.name = *name;
    m.age = static_cast<int>(*age);
    m.relation = text_or_empty(json, "relation");
    if (const Json* documents = member(json, "documents"); documents && documents->is_array())
        for (const Json& each : *documents)
            if (auto document = read_document(each)) m.documents.push_back(std::move(*document));
    // Transactions the app does not know (a newer server) are left out rather than failing the page.
    if (const Json* offers = member(json, "transactions"); offers && offers->is_array())
        for (const Json& each : *offers)
            if (auto offer = read_offer(each)) m.offers.push_back(std::move(*offer));
    return m;
}

// Readers of centers and appointments: used by read_household too

std::optional<Center> read_center(const Json& json) {
    std::vector<Problem> problems;
    Center center = center_from_json(json, problems);
    if (!problems.empty()) return std::nullopt;
    return center;
}

}  // namespace

std::optional<Household> read_household(std::string_view body) {
    const Json json = parse(body);
    const std::optional<Date> today = date_member(json, "today");
    const Json* sponsor = member(json, "sponsor");
    const Json* members = member(json, "members");
    const Json* registry = member(json, "registry");
    if (!today || !sponsor || !members || !members->is_array() || !registry) return std::nullopt;

    Household h;
    h.today = *today;
    h.sponsor_civil_id = text_or_empty(*sponsor, "civil_id");
    h.sponsor_name = text_member(*sponsor, "name").value_or(Text{});
    h.sponsor_phone = text_or_empty(*sponsor, "phone");
    if (const Json* area = member(*sponsor, "home_area")) {
        h.home_area = text_member(*area, "name").value_or(Text{});
        h.home_area_id = text_or_empty(*area, "id");
    }
    // Her center is extra to the dashboard: an answer without it (an older server) still reads.
    if (const Json* center = member(*sponsor, "center"); center && !center->is_null()) h.center = read_center(*center);
    if (const Json* evening = member(*sponsor, "evening_centers"); evening && evening->is_array())
        for (const Json& each : *evening)
            if (auto center = read_center(each)) h.evening_centers.push_back(std::move(*center));
    if (const Json* rulebook = member(json, "rulebook"); rulebook && rulebook->is_object())
        h.rulebook_title = text_member(*rulebook, "title").value_or(Text{});
    for (const Json& each : *members) {
        std::optional<Member> m = read_member(each);
        if (!m) return std::nullopt;
        h.members.push_back(std::move(*m));
    }
    std::vector<Problem> problems;
    h.registry = registry_from_json(*registry, problems);
    // A registry the core cannot read would give local decisions the server does not share.
    if (!problems.empty() || h.sponsor_civil_id.empty()) return std::nullopt;
    return h;
}

std::optional<Rulebook> read_rulebook(std::string_view body) {
    RulebookLoad load = muamala::load_rulebook(body);
    if (!load.problems.empty()) return std::nullopt;
    return std::move(load.rulebook);
}

std::optional<TransactionRecord> read_transaction(std::string_view body) { return record(parse(body), transaction_from_json); }

std::optional<std::vector<TransactionRecord>> read_transactions(std::string_view body) {
    const Json json = parse(body);
    const Json* list = member(json, "transactions");
    if (!list || !list->is_array()) return std::nullopt;
    std::vector<TransactionRecord> transactions;
    // One of a transaction this app does not know (a newer server) is left out, not the whole list.
    for (const Json& each : *list)
        if (auto t = record(each, transaction_from_json)) transactions.push_back(std::move(*t));
    return transactions;
}

std::optional<Outcome> read_outcome(std::string_view body) {
    const Json json = parse(body);
    const Json* transaction = member(json, "transaction");
    std::optional<TransactionRecord> t = transaction ? record(*transaction, transaction_from_json) : std::nullopt;
    if (!t) return std::nullopt;
    Outcome outcome{std::move(*t), std::nullopt, {}};
    if (const Json* payment = member(json, "payment"); payment && !payment->is_null()) {
        outcome.payment = record(*payment, payment_from_json);
        if (!outcome.payment) return std::nullopt;
    }
    if (const Json* receipt = member(json, "receipt"); receipt && !receipt->is_null())
        outcome.receipt_number = text_or_empty(*receipt, "number");
    return outcome;
}

std::optional<PaymentRecord> read_payment_opened(std::string_view body) {
    const Json json = parse(body);
    const Json* payment = member(json, "payment");
    return payment ? record(*payment, payment_from_json) : std::nullopt;
}

namespace {

// The receipt's own lines, as both the owner's and the public answer carry them.
std::optional<Receipt> read_receipt_payload(const Json& receipt) {
    std::optional<ReceiptRecord> lines = record(receipt, receipt_from_json);
    if (!lines) return std::nullopt;
    return Receipt{std::move(*lines), {}, {}};
}

}  // namespace

std::optional<Receipt> read_receipt(std::string_view body) {
    const Json json = parse(body);
    const Json* receipt = member(json, "receipt");
    const Json* qr = member(json, "qr");
    if (!receipt || !qr) return std::nullopt;
    std::optional<Receipt> r = read_receipt_payload(*receipt);
    if (!r) return std::nullopt;
    r->verify_url = text_or_empty(json, "verify_url");
    r->sms_to = text_or_empty(json, "sms_to");
    if (const Json* modules = member(*qr, "modules"); modules && modules->is_array())
        for (const Json& row : *modules)
            if (row.is_string()) r->qr_modules.push_back(row.get<std::string>());
    // A QR code is square: a row of another length means the answer is damaged, and a damaged code
    // must not be drawn for a phone to misread.
    for (const std::string& row : r->qr_modules)
        if (row.size() != r->qr_modules.size()) return std::nullopt;
    return r;
}

// [SECTION] Centers and appointments --------------------------------------------------------------

std::optional<CenterDirectory> read_centers(std::string_view body) {
    const Json json = parse(body);
    const Json* list = member(json, "centers");
    if (!list || !list->is_array()) return std::nullopt;
    CenterDirectory directory;
    for (const Json& each : *list) {
        std::optional<Center> center = read_center(each);
        if (!center) return std::nullopt;
        directory.centers.push_back(std::move(*center));
    }
    directory.note = text_member(json, "note").value_or(Text{});
    return directory;
}

std::optional<DaySlots> read_slots(std::string_view body) {
    const Json json = parse(body);
    const std::optional<Date> date = date_member(json, "date");
    const Json* slots = member(json, "slots");
    if (!date || !slots || !slots->is_array()) return std::nullopt;
    DaySlots day{*date, bool_member(json, "open"), {}};
    for (const Json& each : *slots) {
        const std::optional<int64_t> id = integer_member(each, "id");
        const std::optional<int64_t> available = integer_member(each, "available");
        if (!id || !available) return std::nullopt;
        day.slots.push_back({*id, text_or_empty(each, "starts"), text_or_empty(each, "ends"), *available, bool_member(each, "bookable")});
    }
    return day;
}

std::optional<std::vector<AppointmentRecord>> read_appointments(std::string_view body) {
    const Json json = parse(body);
    const Json* list = member(json, "appointments");
    if (!list || !list->is_array()) return std::nullopt;
    std::vector<AppointmentRecord> appointments;
    // One for a transaction this app does not know (a newer server) is left out, as on the dashboard.
    for (const Json& each : *list)
        if (auto a = record(each, appointment_from_json)) appointments.push_back(std::move(*a));
    return appointments;
}

std::optional<AppointmentRecord> read_appointment_answer(std::string_view body) {
    const Json json = parse(body);
    const Json* appointment = member(json, "appointment");
    return appointment ? record(*appointment, appointment_from_json) : std::nullopt;
}

std::optional<Booked> read_booked(std::string_view body) {
    const Json json = parse(body);
    const Json* appointment = member(json, "appointment");
    std::optional<AppointmentRecord> a = appointment ? record(*appointment, appointment_from_json) : std::nullopt;
    if (!a) return std::nullopt;
    return Booked{std::move(*a), bool_member(json, "online_possible")};
}

std::string booking_body(std::string_view center, int64_t slot, TransactionKind kind, std::string_view beneficiary) {
    return dump(Json{{"center", std::string(center)}, {"slot", slot}, {"kind", name_of(kind)}, {"beneficiary", std::string(beneficiary)}});
}

std::string reschedule_body(int64_t slot) { return dump(Json{{"slot", slot}}); }

std::optional<Receipt> read_verified_receipt(std::string_view body) {
    const Json json = parse(body);
    const Json* receipt = member(json, "receipt");
    if (!receipt || !bool_member(json, "valid")) return std::nullopt;
    return read_receipt_payload(*receipt);
}

// [SECTION] The counter ---------------------------------------------------------------------------

namespace {

std::optional<QueueTicket> read_ticket(const Json& json) {
    const std::optional<int64_t> id = integer_member(json, "id");
    const std::optional<int64_t> number = integer_member(json, "number");
    if (!id || !number) return std::nullopt;
    return QueueTicket{std::to_string(*id), *number, text_or_empty(json, "source"), text_or_empty(json, "appointment_id"),
                       text_or_empty(json, "issued_at")};
}

}  // namespace

std::optional<CounterQueue> read_counter_queue(std::string_view body) {
    const Json json = parse(body);
    const Json* center = member(json, "center");
    const std::optional<Date> date = date_member(json, "date");
    if (!center || !date) return std::nullopt;
    std::optional<Center> at = read_center(*center);
    if (!at) return std::nullopt;
    CounterQueue queue;
    queue.center = std::move(*at);
    queue.date = *date;
    if (const Json* tickets = member(json, "tickets"); tickets && tickets->is_array())
        for (const Json& each : *tickets)
            if (auto ticket = read_ticket(each)) queue.tickets.push_back(std::move(*ticket));
    if (const Json* appointments = member(json, "appointments"); appointments && appointments->is_array())
        for (const Json& each : *appointments)
            if (auto appointment = record(each, appointment_from_json)) queue.appointments.push_back(std::move(*appointment));
    return queue;
}

std::optional<QueueTicket> read_ticket_issued(std::string_view body) {
    const Json json = parse(body);
    const Json* ticket = member(json, "ticket");
    return ticket ? read_ticket(*ticket) : std::nullopt;
}

// [SECTION] The supervisor's figures --------------------------------------------------------------

namespace {

// Any JSON number as a double (shares, averages, slopes); nullopt when absent or null.
std::optional<double> number_member(const Json& object, const char* key) {
    const Json* value = member(object, key);
    if (!value || !value->is_number()) return std::nullopt;
    return value->get<double>();
}

int64_t count_member(const Json& object, const char* key) { return integer_member(object, key).value_or(0); }

}  // namespace

std::optional<Kpis> read_kpis(std::string_view body) {
    const Json json = parse(body);
    const std::optional<Date> today = date_member(json, "today");
    const Json* months = member(json, "by_month");
    if (!today || !months || !months->is_array()) return std::nullopt;
    Kpis k;
    k.today = *today;
    k.definition = text_member(json, "definition").value_or(Text{});
    k.synthetic_transactions = count_member(json, "synthetic_transactions");
    k.note = text_member(json, "note");
    for (const Json& m : *months) {
        const std::string* month = string_member(m, "month");
        if (!month) return std::nullopt;
        const Json* complete = member(m, "complete");
        k.by_month.push_back({*month, !complete || !complete->is_boolean() || complete->get<bool>(), count_member(m, "online"),
                              count_member(m, "in_person"), count_member(m, "total"), number_member(m, "in_person_share")});
    }
    if (const Json* kinds = member(json, "by_kind"); kinds && kinds->is_array())
        for (const Json& each : *kinds)
            k.by_kind.push_back({text_member(each, "title").value_or(Text{text_or_empty(each, "kind"), text_or_empty(each, "kind")}),
                                 count_member(each, "online"), count_member(each, "in_person"), count_member(each, "total"),
                                 number_member(each, "in_person_share")});
    if (const Json* centers = member(json, "by_center"); centers && centers->is_array())
        for (const Json& each : *centers) {
            const Json* center = member(each, "center");
            if (!center) return std::nullopt;
            k.by_center.push_back({text_member(*center, "name").value_or(Text{}), text_or_empty(*center, "shift"),
                                   count_member(each, "in_person"), count_member(each, "online_in_its_areas"),
                                   number_member(each, "in_person_share")});
        }
    if (const Json* b = member(json, "baseline"); b && b->is_object())
        k.baseline = Kpis::Baseline{text_or_empty(*b, "from"), text_or_empty(*b, "to"), number_member(*b, "in_person_per_month").value_or(0),
                                    number_member(*b, "in_person_share")};
    if (const Json* c = member(json, "current"); c && c->is_object())
        k.current = Kpis::Current{text_or_empty(*c, "month"), count_member(*c, "online"), count_member(*c, "in_person"),
                                  count_member(*c, "total"), number_member(*c, "in_person_share"),
                                  number_member(*c, "visits_change_from_baseline")};
    if (const Json* t = member(json, "trend"); t && t->is_object())
        k.trend = Kpis::Trend{text_or_empty(*t, "from"), text_or_empty(*t, "to"),
                              number_member(*t, "slope_per_month").value_or(0), number_member(*t, "intercept").value_or(0),
                              text_or_empty(*t, "projected_zero_month")};
    return k;
}

}  // namespace muamala::client
