// The center directory over HTTP: the public listing with its filters, one
// center, a center's appointment slots for a day, and the admin's edit of a center.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> center_routes(Services& services);

}  // namespace muamala::server
