// A SYNTHETIC past for the supervisor's figures. The source article reports that
// since e-services began, attendance at the centers has fallen by half (-50 %); this writes a made-up
// record with that shape, so the KPIs have a baseline and a trend to show in a demo:
//   - a few baseline months with every transaction done in person, before e-services;
//   - then a steady demand whose in-person share falls evenly until, in the last month (the one
//     before `today`'s), visits are half the baseline's.
// Rows go straight into `transactions` as completed, with origin 'synthetic_history' and ids
// "H-000001"...: no payment, receipt, document or audit entry is written, because none happened.
// In-person ones are at the sponsor's own center (her morning center, or now and then the evening
// center of her governorate), on a day and at an hour it is open.
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "common/date.h"
#include "server/storage/database.h"

namespace muamala::server {

struct HistoryOptions {
    int months = 30;            // how far back the record goes
    std::uint64_t seed = 2026;  // same seed, sponsors and today: same history
    Date today;
};

// Writes the history for households of `sponsors` (mothers already in the registry, with their home
// areas) inside the caller's Transaction, and returns how many transactions it wrote. The center
// directory must be loaded (center_store.h).
int write_synthetic_history(Connection& connection, const HistoryOptions& options, std::span<const std::string> sponsors);

}  // namespace muamala::server
