// The center directory over HTTP (issue 6, items 1 and 3): the public listing with its filters, one
// center, a center's appointment slots for a day, and the admin's edit of a center.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> center_routes(Services& services);

}  // namespace muamala::server
