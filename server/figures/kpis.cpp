// Index of this file:
// [SECTION] Counting
// [SECTION] Months: series, baseline, current, trend
// [SECTION] By kind and by center
// [SECTION] The answer and its route
#include "server/figures/kpis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "common/centers.h"
#include "common/statuses.h"
#include "common/transactions.h"
#include "server/accounts/roles.h"
#include "server/storage/center_store.h"

namespace muamala::server {
namespace {

// [SECTION] Counting

struct Tally {
    std::int64_t online = 0;
    std::int64_t in_person = 0;
    std::int64_t total() const { return online + in_person; }
    void add(Channel channel, std::int64_t count) { (channel == Channel::center ? in_person : online) += count; }
};

Json share(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? Json(nullptr) : Json(static_cast<double>(part) / static_cast<double>(whole));
}

Json tally_json(const Tally& tally) {
    return {{"online", tally.online}, {"in_person", tally.in_person}, {"total", tally.total()},
            {"in_person_share", share(tally.in_person, tally.total())}};
}

// Completed transactions grouped by `key` (an SQL expression over the transactions row) and channel.
std::map<std::string, Tally> tally_by(Connection& connection, const std::string& key) {
    Statement rows = connection.prepare("SELECT " + key + ", channel, count(*) FROM transactions "
                                        "WHERE status = 'completed' GROUP BY 1, 2");
    std::map<std::string, Tally> tallies;
    while (rows.step()) tallies[rows.column_text(0)].add(stored(parse_channel, rows.column_text(1), "transactions.channel"), rows.column_int64(2));
    return tallies;
}

// [SECTION] Months: series, baseline, current, trend

struct Month {
    int year = 0, month = 0;
    std::string text() const {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
        return buffer;
    }
    int index() const { return year * 12 + (month - 1); }  // months since year 0, for arithmetic
    static Month from_index(int index) { return {index / 12, index % 12 + 1}; }
    static Month parse(const std::string& text) { return {std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2))}; }
};

struct MonthTally {
    Month month;
    Tally tally;
    bool complete = false;  // a month before today's: nothing more will be added to it
};

// Every month from the first with a completed transaction to today's, gaps included as zeros.
std::vector<MonthTally> month_series(Connection& connection, const Date& today) {
    // created_at is UTC; a transaction at 01:00 in Kuwait on the 1st belongs to the new month.
    const std::map<std::string, Tally> by_month = tally_by(connection, "strftime('%Y-%m', created_at, '+3 hours')");
    std::vector<MonthTally> series;
    if (by_month.empty()) return series;
    const int this_month = Month{today.year, today.month}.index();
    const int first = std::min(Month::parse(by_month.begin()->first).index(), this_month);
    const int last = std::max(Month::parse(by_month.rbegin()->first).index(), this_month);
    for (int index = first; index <= last; ++index) {
        const Month month = Month::from_index(index);
        const auto found = by_month.find(month.text());
        series.push_back({month, found == by_month.end() ? Tally{} : found->second, index < this_month});
    }
    return series;
}

// The months before the first online transaction.
std::size_t baseline_length(const std::vector<MonthTally>& series) {
    std::size_t length = 0;
    while (length < series.size() && series[length].tally.online == 0) ++length;
    return length;
}

Json baseline_json(const std::vector<MonthTally>& series, std::size_t length) {
    if (length == 0) return nullptr;
    Tally sum;
    for (std::size_t i = 0; i < length; ++i) {
        sum.online += series[i].tally.online;
        sum.in_person += series[i].tally.in_person;
    }
    return {{"from", series.front().month.text()},
            {"to", series[length - 1].month.text()},
            {"months", length},
            {"in_person_per_month", static_cast<double>(sum.in_person) / static_cast<double>(length)},
            {"in_person_share", share(sum.in_person, sum.total())}};
}

Json current_json(const std::vector<MonthTally>& series, const Json& baseline) {
    const auto last_complete = std::find_if(series.rbegin(), series.rend(), [](const MonthTally& m) { return m.complete; });
    if (last_complete == series.rend()) return nullptr;
    Json current = tally_json(last_complete->tally);
    current["month"] = last_complete->month.text();
    const double baseline_visits = baseline.is_null() ? 0.0 : baseline["in_person_per_month"].get<double>();
    current["visits_change_from_baseline"] =
        baseline_visits > 0 ? Json(static_cast<double>(last_complete->tally.in_person) / baseline_visits - 1.0) : Json(nullptr);
    return current;
}

const Text kTrendMethod{
    "Ordinary least-squares line through the in-person share of each complete month since e-services began; "
    "slope_per_month is its change per month (-0.02 = two percentage points fewer each month). "
    "projected_zero_month is where the line reaches zero: the month of no visits IF the trend holds",
    "خط المربعات الصغرى عبر نسبة المعاملات الحضورية في كل شهر مكتمل منذ بدء الخدمات الإلكترونية؛ "
    "slope_per_month تغيّرها في الشهر (-0.02 = نقطتان مئويتان أقل كل شهر). "
    "projected_zero_month الشهر الذي يبلغ فيه الخط الصفر: شهر انعدام المراجعات إذا استمر الاتجاه"};

Json trend_json(const std::vector<MonthTally>& series, std::size_t baseline) {
    std::vector<std::pair<double, double>> points;  // (month number from the first, in-person share)
    std::vector<const MonthTally*> months;
    for (std::size_t i = baseline; i < series.size(); ++i)
        if (series[i].complete && series[i].tally.total() > 0) {
            points.emplace_back(static_cast<double>(i - baseline), static_cast<double>(series[i].tally.in_person) /
                                                                      static_cast<double>(series[i].tally.total()));
            months.push_back(&series[i]);
        }
    if (points.size() < 2) return nullptr;
    const double n = static_cast<double>(points.size());
    double sum_x = 0, sum_y = 0, sum_xx = 0, sum_xy = 0;
    for (const auto& [x, y] : points) {
        sum_x += x;
        sum_y += y;
        sum_xx += x * x;
        sum_xy += x * y;
    }
    const double slope = (n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x);
    const double intercept = (sum_y - slope * sum_x) / n;
    Json zero = nullptr;
    if (slope < 0) {
        const int first = series[baseline].month.index();
        zero = Month::from_index(first + static_cast<int>(std::ceil(-intercept / slope))).text();
    }
    return {{"method", to_json(kTrendMethod)},
            {"from", months.front()->month.text()},
            {"to", months.back()->month.text()},
            {"months", months.size()},
            {"slope_per_month", slope},
            {"intercept", intercept},
            {"projected_zero_month", zero}};
}

// [SECTION] By kind and by center

Json by_kind_json(Connection& connection) {
    const std::map<std::string, Tally> by_kind = tally_by(connection, "kind");
    Json list = Json::array();
    for (TransactionKind kind : kAllTransactionKinds) {
        const auto found = by_kind.find(std::string(name_of(kind)));
        Json entry = tally_json(found == by_kind.end() ? Tally{} : found->second);
        entry["kind"] = name_of(kind);
        entry["title"] = to_json(title_of(kind));
        list.push_back(std::move(entry));
    }
    return list;
}

Json by_center_json(Connection& connection) {
    // One pass over (home area, channel, center) gives both a center's visits and its people's online work.
    Statement rows = connection.prepare(
        "SELECT p.home_area, t.channel, coalesce(t.center_id, ''), count(*) FROM transactions AS t "
        "JOIN persons AS p ON p.civil_id = t.sponsor WHERE t.status = 'completed' GROUP BY 1, 2, 3");
    const std::vector<Center> centers = read_centers(connection);
    std::map<std::string, Tally> by_center;
    while (rows.step()) {
        const std::string area = rows.column_text(0), center = rows.column_text(2);
        const Channel channel = stored(parse_channel, rows.column_text(1), "transactions.channel");
        const std::int64_t count = rows.column_int64(3);
        if (channel == Channel::center) {
            by_center[center].in_person += count;
            continue;
        }
        for (const Center& serving : centers)
            if (serves_area(serving, area)) by_center[serving.id].online += count;
    }
    Json list = Json::array();
    for (const Center& center : centers) {
        const Tally& tally = by_center[center.id];
        list.push_back({{"center",
                         {{"id", center.id}, {"name", to_json(center.name)}, {"shift", name_of(center.shift)},
                          {"governorate", governorate_info(center.governorate).id}}},
                        {"in_person", tally.in_person},
                        {"online_in_its_areas", tally.online},
                        {"in_person_share", share(tally.in_person, tally.total())}});
    }
    return list;
}

// [SECTION] The answer and its route

const Text kDefinition{
    "Completed transactions, each counted once in the month it was submitted (Kuwait time). In person: done at a "
    "service center's counter. Online: done by the sponsor in the app. The baseline is the months before the first "
    "online transaction",
    "المعاملات المكتملة، كل منها مرة واحدة في الشهر الذي قُدّمت فيه (بتوقيت الكويت). حضوريًا: أُنجزت على مكتب في مركز "
    "خدمة. إلكترونيًا: أنجزتها المواطنة عبر التطبيق. خط الأساس هو الأشهر السابقة لأول معاملة إلكترونية"};

}  // namespace

Json compute_kpis(Connection& connection, const Date& today) {
    const std::vector<MonthTally> series = month_series(connection, today);
    Tally totals;
    Json by_month = Json::array();
    for (const MonthTally& month : series) {
        totals.online += month.tally.online;
        totals.in_person += month.tally.in_person;
        Json entry = tally_json(month.tally);
        entry["month"] = month.month.text();
        entry["complete"] = month.complete;
        by_month.push_back(std::move(entry));
    }
    const std::size_t baseline = baseline_length(series);
    Json baseline_entry = baseline_json(series, baseline);
    Json current = current_json(series, baseline_entry);

    Statement synthetic = connection.prepare(
        "SELECT count(*) FROM transactions WHERE status = 'completed' AND origin = 'synthetic_history'");
    synthetic.step();
    const std::int64_t synthetic_count = synthetic.column_int64(0);
    const Text note{"Includes " + std::to_string(synthetic_count) +
                        " SYNTHETIC past transactions written by seed-demo to show the trend: they are made up",
                    "تشمل " + std::to_string(synthetic_count) +
                        " معاملة سابقة مصطنعة كتبها seed-demo لعرض الاتجاه: إنها بيانات غير حقيقية"};
    return {{"today", to_iso(today)},
            {"definition", to_json(kDefinition)},
            {"synthetic_transactions", synthetic_count},
            {"note", synthetic_count > 0 ? to_json(note) : Json(nullptr)},
            {"totals", tally_json(totals)},
            {"by_month", std::move(by_month)},
            {"by_kind", by_kind_json(connection)},
            {"by_center", by_center_json(connection)},
            {"baseline", std::move(baseline_entry)},
            {"current", std::move(current)},
            {"trend", trend_json(series, baseline)}};
}

std::vector<Route> supervisor_routes(Services& services) {
    Services* s = &services;
    return {
        {"GET", "/api/v1/supervisor/kpis",
         [s](const ApiRequest& request) -> ApiReply {
             Authorization authorization = require_role(*s, request, false, Role::supervisor);
             if (authorization.refusal) return *authorization.refusal;
             auto connection = s->database.connect();
             return {200, compute_kpis(*connection, kuwait_today(s->clock))};
         }},
    };
}

}  // namespace muamala::server
