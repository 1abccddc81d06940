// GET /metrics: the service's counts in the Prometheus text exposition format (version 0.0.4), for a
// scraper. Counted from the database at each scrape, so they survive restarts and every server
// process on the same file agrees. Aggregates only: no civil ID, name or center-level personal data.
#pragma once
#include <string>
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"
#include "server/storage/database.h"

namespace muamala::server {

inline constexpr std::string_view kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

// Every family with its # HELP and # TYPE lines, and a sample for each label value it can take
// (zeros included, so a series exists before its first event).
std::string prometheus_metrics(Connection& connection);

std::vector<Route> metrics_routes(Services& services);  // GET /metrics, public

}  // namespace muamala::server
