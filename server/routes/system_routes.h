// What each API route answers, apart from HTTP: the routes in http_app.cpp only carry requests here
// and replies back, so these can be read (and changed) without knowing cpp-httplib.
#pragma once
#include <string_view>
#include <vector>

#include "server/http/api_errors.h"
#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

// GET /api/v1/health: 200 {"status":"ok","version":..,"database":"ok","schema_version":N} after a real
// query of the database; 503 with the error body when that query fails or finds another schema
// version than this server's (the reason goes to the log, in ApiReply::log_detail).
ApiReply health(Database& database);

// POST /api/v1/validate with {"check":"civil_id"|"phone","value":"..."}, judged by the core
// (common/rules_request.h), exactly as the client and the muamala-rules driver judge it:
//   200 {"ok":true,"normalized":"..."}
//   422 validation_failed, every failure listed in "fields" under the field name "value"
//   400 when the body is not JSON declared as application/json, or not a request the core knows
ApiReply validate(std::string_view content_type, std::string_view body);

// Both of the above as routes.
std::vector<Route> system_routes(Services& services);

}  // namespace muamala::server
