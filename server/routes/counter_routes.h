// The counter at a service center: an operator, bound to one center by her
// account, looks a sponsor up, does the same transactions as the app through the same common/ rules
// (submit_transaction with channel "center", her center and herself recorded), takes the payment,
// checks appointments in and hands out queue tickets. Under the default counter policy a center
// serves only the sponsors of its own areas (CounterPolicy, common/centers.h). Every action is audited with the
// channel, the center and the operator.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> counter_routes(Services& services);

}  // namespace muamala::server
