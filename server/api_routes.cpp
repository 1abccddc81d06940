#include "server/api_routes.h"

#include "server/api_endpoints.h"
#include "server/appointment_routes.h"
#include "server/auth_routes.h"
#include "server/center_routes.h"
#include "server/citizen_routes.h"
#include "server/counter_routes.h"
#include "server/kpis.h"
#include "server/metrics.h"

namespace muamala::server {

std::vector<Route> api_routes(Services& services) {
    std::vector<Route> routes;
    for (auto part : {system_routes, auth_routes, citizen_routes, center_routes, appointment_routes, counter_routes,
                      supervisor_routes, metrics_routes}) {
        std::vector<Route> more = part(services);
        routes.insert(routes.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return routes;
}

}  // namespace muamala::server
