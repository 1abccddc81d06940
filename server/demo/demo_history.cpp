#include "server/demo/demo_history.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "common/centers.h"
#include "common/transactions.h"
#include "common/wire_transactions.h"
#include "server/centers/centers.h"
#include "server/demo/demo_random.h"
#include "server/ops/clock.h"
#include "server/storage/center_store.h"
#include "server/storage/registry_store.h"

namespace muamala::server {
namespace {

// A family member a sponsor might have done something for, and what.
struct Errand {
    std::string sponsor, home_area, beneficiary;
    TransactionKind kind;
};

// What the member holds decides what could have been renewed (as on the dashboard).
std::vector<Errand> errands_of(Connection& connection, const std::string& sponsor) {
    const Registry household = load_household(connection, sponsor);
    const std::string home_area = home_area_of(connection, sponsor);
    std::vector<Errand> errands;
    for (const Person& member : household.persons) {
        if (member.civil_id == sponsor) continue;
        if (household.find_marriage(sponsor, member.civil_id)) {
            errands.push_back({sponsor, home_area, member.civil_id, TransactionKind::renew_husband_residency});
        } else if (!member.residency) {
            errands.push_back({sponsor, home_area, member.civil_id, TransactionKind::issue_newborn_residency});
        } else {
            errands.push_back({sponsor, home_area, member.civil_id, TransactionKind::renew_child_residency});
            if (member.licence) errands.push_back({sponsor, home_area, member.civil_id, TransactionKind::renew_child_licence});
        }
    }
    return errands;
}

// Illustrative fees for the record: KD 10 for a husband's year and a licence, children free.
std::int64_t fee_fils(TransactionKind kind) {
    return kind == TransactionKind::renew_husband_residency || kind == TransactionKind::renew_child_licence ? 10000 : 0;
}

}  // namespace

int write_synthetic_history(Connection& connection, const HistoryOptions& options, std::span<const std::string> sponsors) {
    if (options.months < 2) throw std::invalid_argument("seed-demo: a history needs at least 2 months");
    if (sponsors.empty()) throw std::invalid_argument("seed-demo: a history needs households without demo sign-ins");
    DemoRandom random(options.seed ^ 0x5EED'0F'4157'0A1Cull);  // a stream of its own: the registry's stays as it was
    const std::vector<Center> centers = read_centers(connection);
    std::vector<Errand> errands;
    for (const std::string& sponsor : sponsors)
        for (Errand& errand : errands_of(connection, sponsor)) errands.push_back(std::move(errand));
    if (errands.empty()) throw std::invalid_argument("seed-demo: the history's households have no members");

    const int baseline_months = std::max(1, options.months / 5);
    const int per_month = std::max(20, static_cast<int>(sponsors.size()));  // about one errand per household a month
    const Date first = add_months(Date{options.today.year, options.today.month, 1}, -options.months);
    int written = 0;
    for (int m = 0; m < options.months; ++m) {
        const Date month = add_months(first, m);
        // Before e-services everything is in person; after, the in-person share falls evenly to one
        // half in the last month, so visits end at half the baseline's on a steady total.
        const double in_person_share =
            m < baseline_months ? 1.0 : 1.0 - 0.5 * (m - baseline_months + 1) / (options.months - baseline_months);
        const int total = per_month + random.between(-per_month / 10, per_month / 10);
        const int in_person = static_cast<int>(in_person_share * total + 0.5);
        for (int i = 0; i < total; ++i) {
            const Errand& errand = random.pick(errands);
            const bool at_center = i < in_person;
            const Center* center = nullptr;
            if (at_center) {
                const std::vector<const Center*> evening = evening_centers_for(centers, errand.home_area);
                center = random.chance(85) || evening.empty() ? morning_center_for(centers, errand.home_area)
                                                              : random.pick(evening);
                if (!center) throw std::logic_error("seed-demo: no center serves " + errand.home_area);
            }
            // A day the center is open (online: any day), at an hour it is open (online: 06:00-23:59).
            Date day;
            do day = add_days(month, random.below(days_in_month(month.year, month.month)));
            while (center && !center->hours.open_on(day));
            const int minute = center ? random.between(center->hours.opens_minute, center->hours.closes_minute - 1)
                                      : random.between(6 * 60, 24 * 60 - 1);
            const std::string at = iso_timestamp(kuwait_instant(day, minute)), kind(name_of(errand.kind));
            char id[16];
            std::snprintf(id, sizeof id, "H-%06d", ++written);
            Statement insert = connection.prepare(
                "INSERT INTO transactions (id, sponsor, beneficiary, kind, channel, center_id, operator_account, status, "
                "form, decision, fee_fils, created_at, updated_at, origin) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, 'completed', '{}', ?7, ?8, ?9, ?9, 'synthetic_history')");
            insert.bind(1, id).bind(2, errand.sponsor).bind(3, errand.beneficiary).bind(4, kind);
            insert.bind(5, center ? "center" : "online");
            if (center) insert.bind(6, center->id);
            else insert.bind_null(6);
            // A decision as the API describes one (common/decision.h): the origin column, not the
            // decision, says the row is synthetic.
            insert.bind(7, dump(to_json(Decision{.kind = kind, .eligible = true, .total_fils = fee_fils(errand.kind)})));
            insert.bind(8, fee_fils(errand.kind)).bind(9, at).step();
        }
    }
    return written;
}

}  // namespace muamala::server
