// The routes a signed-in citizen uses for her household: the dashboard, transactions, payments,
// receipts and messages; and the one public route, receipt verification.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> citizen_routes(Services& services);

}  // namespace muamala::server
