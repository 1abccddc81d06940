// The server's own OpenAPI 3 document (GET /api/v1/openapi.json), written as JSON in
// server/http/openapi.json and embedded at build time. Tests keep it true to the code: it lists
// exactly the routes api_routes() registers, method for method (openapi_test.cpp); every answer the
// routes give matches the schema it documents for that status (openapi_answers_test.cpp); and
// @redocly/cli lint finds nothing to say about it (the ctest test openapi.lint).
#pragma once
#include <string_view>

#include "common/wire.h"

namespace muamala::server {

const Json& openapi_document();
std::string_view embedded_openapi_json();  // the document's text, as server/http/openapi.json holds it

// "/api/v1/receipts/:number" -> "/api/v1/receipts/{number}" (httplib's pattern to OpenAPI's path).
std::string openapi_path(std::string_view route_pattern);

}  // namespace muamala::server
