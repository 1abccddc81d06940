// The supervisor's view: how much of the work still comes through a center's
// door, and how fast that share falls toward the day no one has to come.
//
// What is counted: completed transactions, each once, in the month it was submitted (Kuwait time).
// In person = channel "center" (done at a counter); online = channel "online" (done in the app).
// The baseline is the run of months at the start of the record before the first online
// transaction, i.e. before e-services. The trend is an ordinary least-squares line through the
// in-person share of each complete month since then; where it reaches zero is the projected month
// of no visits, IF the trend holds (a straight line is the simplest model, not a forecast).
// seed-demo's history is SYNTHETIC and is counted with the rest; the answer says how much of it there is.
#pragma once
#include <vector>

#include "common/date.h"
#include "common/wire.h"
#include "server/http/api_route.h"
#include "server/services.h"
#include "server/storage/database.h"

namespace muamala::server {

// {"today","definition","synthetic_transactions","note","totals",
//  "by_month":[{"month":"2025-01","complete","online","in_person","total","in_person_share"}],
//  "by_kind":[{"kind","title","online","in_person","total","in_person_share"}],
//  "by_center":[{"center":{id,name,shift,governorate},"in_person","online_in_its_areas","in_person_share"}],
//  "baseline":{"from","to","months","in_person_per_month","in_person_share"}|null,
//  "current":{"month","online","in_person","total","in_person_share","visits_change_from_baseline"}|null,
//  "trend":{"method","from","to","months","slope_per_month","intercept","projected_zero_month"}|null}
// Shares are fractions (0.5 = 50 %), null where nothing was done. "current" is the last complete
// month (the one before today's). A center's share is its own visits over its own visits plus the
// online transactions of the sponsors it serves (its areas; an evening center, its governorate).
Json compute_kpis(Connection& connection, const Date& today);

std::vector<Route> supervisor_routes(Services& services);  // GET /api/v1/supervisor/kpis, supervisors only

}  // namespace muamala::server
