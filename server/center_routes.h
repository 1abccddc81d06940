// The center directory over HTTP (issue 6, item 1): the public listing with its filters, one center,
// and the admin's edit of a center.
#pragma once
#include <vector>

#include "server/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> center_routes(Services& services);

}  // namespace muamala::server
