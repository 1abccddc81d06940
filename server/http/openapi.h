// The server's own OpenAPI 3 document (GET /api/v1/openapi.json). A test checks that it lists
// exactly the routes api_routes() registers, method for method, so it cannot drift from the code.
#pragma once
#include <string_view>

#include "common/wire.h"

namespace muamala::server {

const Json& openapi_document();

// "/api/v1/receipts/:number" -> "/api/v1/receipts/{number}" (httplib's pattern to OpenAPI's path).
std::string openapi_path(std::string_view route_pattern);

}  // namespace muamala::server
