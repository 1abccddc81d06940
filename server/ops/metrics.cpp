#include "server/ops/metrics.h"

#include <map>
#include <sstream>

#include "common/statuses.h"
#include "common/transactions.h"

namespace muamala::server {
namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

// The wire names of every value of an enum (kAllTransactionKinds, kAllPaymentStatuses...): the label
// values a family always lists, with 0 for those no row has.
template <typename Values>
std::vector<std::string> names_of(const Values& values) {
    std::vector<std::string> names;
    for (const auto value : values) names.emplace_back(name_of(value));
    return names;
}

// The counts `sql` answers: its first `labels` columns are label values, the next is the count.
std::map<std::vector<std::string>, std::int64_t> counts(Connection& connection, const std::string& sql, std::size_t labels) {
    Statement rows = connection.prepare(sql);
    std::map<std::vector<std::string>, std::int64_t> found;
    while (rows.step()) {
        std::vector<std::string> key;
        for (std::size_t i = 0; i < labels; ++i) key.push_back(rows.column_text(static_cast<int>(i)));
        found[key] = rows.column_int64(static_cast<int>(labels));
    }
    return found;
}

class Exposition {
public:
    void family(std::string_view name, std::string_view type, std::string_view help) {
        out_ << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
    }
    // Label values here are the server's own words (channels, kinds, statuses), never free text, so
    // they need none of the format's escaping.
    void sample(std::string_view name, const Labels& labels, std::int64_t value) {
        out_ << name;
        for (std::size_t i = 0; i < labels.size(); ++i)
            out_ << (i == 0 ? "{" : ",") << labels[i].first << "=\"" << labels[i].second << '"';
        out_ << (labels.empty() ? "" : "}") << ' ' << value << '\n';
    }
    std::string text() const { return out_.str(); }

private:
    std::ostringstream out_;
};

// One family whose samples are the counts of `sql` for every combination of the label values given.
void by_labels(Exposition& out, Connection& connection, std::string_view name, std::string_view type,
               std::string_view help, const std::string& sql, const std::vector<std::pair<std::string, std::vector<std::string>>>& labels) {
    const auto found = counts(connection, sql, labels.size());
    out.family(name, type, help);
    std::vector<std::size_t> at(labels.size(), 0);  // an odometer over the label values
    while (true) {
        Labels sample;
        std::vector<std::string> key;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            sample.emplace_back(labels[i].first, labels[i].second[at[i]]);
            key.push_back(labels[i].second[at[i]]);
        }
        const auto value = found.find(key);
        out.sample(name, sample, value == found.end() ? 0 : value->second);
        std::size_t digit = labels.size();
        while (digit > 0 && ++at[digit - 1] == labels[digit - 1].second.size()) at[--digit] = 0;
        if (digit == 0) break;
    }
}

}  // namespace

std::string prometheus_metrics(Connection& connection) {
    Exposition out;
    by_labels(out, connection, "muamala_transactions_completed_total", "counter",
              "Completed transactions by channel (online or at a center's counter) and kind; origin "
              "synthetic_history is seed-demo's made-up past.",
              "SELECT channel, kind, origin, count(*) FROM transactions WHERE status = 'completed' GROUP BY 1, 2, 3",
              {{"channel", names_of(kAllChannels)}, {"kind", names_of(kAllTransactionKinds)}, {"origin", {"live", "synthetic_history"}}});
    by_labels(out, connection, "muamala_transactions", "gauge", "Transactions by status.",
              "SELECT status, count(*) FROM transactions GROUP BY 1",
              {{"status", names_of(kAllTransactionStatuses)}});
    by_labels(out, connection, "muamala_payments", "gauge", "Payments by status (SIMULATED test gateway).",
              "SELECT status, count(*) FROM payments GROUP BY 1",
              {{"status", names_of(kAllPaymentStatuses)}});
    by_labels(out, connection, "muamala_appointments", "gauge", "Appointments at the service centers by status.",
              "SELECT status, count(*) FROM appointments GROUP BY 1", {{"status", names_of(kAllAppointmentStatuses)}});
    by_labels(out, connection, "muamala_queue_tickets_issued_total", "counter",
              "Queue tickets issued at the centers, for walk-ins and checked-in appointments.",
              "SELECT source, count(*) FROM queue_tickets GROUP BY 1", {{"source", {"walk_in", "appointment"}}});
    by_labels(out, connection, "muamala_outbox_messages", "gauge", "SMS messages by status (delivery is SIMULATED).",
              "SELECT status, count(*) FROM outbox GROUP BY 1", {{"status", {"queued", "delivered_simulated"}}});
    by_labels(out, connection, "muamala_centers", "gauge", "Service centers in the (illustrative) directory by shift.",
              "SELECT shift, count(*) FROM centers GROUP BY 1", {{"shift", {"morning", "evening"}}});
    return out.text();
}

std::vector<Route> metrics_routes(Services& services) {
    Services* s = &services;
    return {
        {"GET", "/metrics",
         [s](const ApiRequest&) {
             auto connection = s->database.connect();
             ApiReply reply;
             reply.raw = RawBody{std::string(kPrometheusContentType), prometheus_metrics(*connection)};
             return reply;
         }},
    };
}

}  // namespace muamala::server
