#include "server/http/api_routes.h"

#include "server/figures/kpis.h"
#include "server/ops/metrics.h"
#include "server/routes/appointment_routes.h"
#include "server/routes/auth_routes.h"
#include "server/routes/center_routes.h"
#include "server/routes/citizen_routes.h"
#include "server/routes/counter_routes.h"
#include "server/routes/system_routes.h"

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
