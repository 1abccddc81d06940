// The sponsor's appointments over HTTP: book, list, cancel, reschedule. A slot's
// listing is public (center_routes.h); everything here is a signed-in citizen's, for her household.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> appointment_routes(Services& services);

}  // namespace muamala::server
