#include "server/accounts/roles.h"

#include <algorithm>
#include <cassert>

namespace muamala::server {
namespace {

struct RoleRefusal {
    std::string_view role;
    const char* code;
    Text message;
};

const RoleRefusal kRefusals[] = {
    {"citizen", "role.citizen_only",
     {"This is for citizens acting for their own household", "هذه الخدمة للمواطنين لأسرهم"}},
    {"operator", "role.operator_only",
     {"This is for center operators signed in at their counter", "هذه الخدمة لموظفي المراكز على مكاتبهم"}},
    {"supervisor", "role.supervisor_only",
     {"This is for supervisors of the service centers", "هذه الخدمة لمشرفي مراكز الخدمة"}},
    {"admin", "role.admin_only",
     {"This is for administrators of the service", "هذه الخدمة لمسؤولي النظام"}},
};

}  // namespace

Authorization require_role(Services& services, const ApiRequest& request, bool state_changing, std::string_view role) {
    Authorization authorization = require_signed_in(services, request, state_changing);
    if (authorization.refusal || authorization.who->role == role) return authorization;
    const auto refusal = std::ranges::find(kRefusals, role, &RoleRefusal::role);
    assert(refusal != std::end(kRefusals) && "require_role takes one of account_roles");
    ApiError error = error_for_status(403);
    error.code = refusal->code;
    error.message = refusal->message;
    return {std::nullopt, to_reply(error)};
}

}  // namespace muamala::server
