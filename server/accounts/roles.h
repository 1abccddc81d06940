// Role checks for the staff and citizen routes: signed in (sessions.h), then the one role a route
// is for. Each role does its own job only: an admin is not a supervisor, an operator is not a
// citizen, so a session that leaks gives no more than its role's routes.
#pragma once
#include "server/accounts/sessions.h"

namespace muamala::server {

// require_signed_in(), then 403 role.<role>_only ("role.operator_only", ...) with a bilingual
// message saying who the route is for, unless the account has `role`.
Authorization require_role(Services& services, const ApiRequest& request, bool state_changing, Role role);

}  // namespace muamala::server
