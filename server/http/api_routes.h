// Every route of the API, gathered from the parts that answer them. The OpenAPI document
// (openapi.h) is checked against this list by a test.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> api_routes(Services& services);  // `services` must outlive the routes

}  // namespace muamala::server
