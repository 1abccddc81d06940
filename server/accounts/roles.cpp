#include "server/accounts/roles.h"

#include <algorithm>
#include <cassert>

namespace muamala::server {
namespace {

struct RoleRefusal {
    Role role;
    const char* code;
    Text message;
};

const RoleRefusal kRefusals[] = {
    {Role::citizen, "role.citizen_only",
     {"This is for citizens acting for their own household", "هذه الخدمة للمواطنين لأسرهم"}},
    {Role::center_operator, "role.operator_only",
     {"This is for center operators signed in at their counter", "هذه الخدمة لموظفي المراكز على مكاتبهم"}},
    {Role::supervisor, "role.supervisor_only",
     {"This is for supervisors of the service centers", "هذه الخدمة لمشرفي مراكز الخدمة"}},
    {Role::admin, "role.admin_only",
     {"This is for administrators of the service", "هذه الخدمة لمسؤولي النظام"}},
};

}  // namespace

Authorization require_role(Services& services, const ApiRequest& request, bool state_changing, Role role) {
    Authorization authorization = require_signed_in(services, request, state_changing);
    if (authorization.refusal || authorization.who->role == role) return authorization;
    const auto refused = std::ranges::find(kRefusals, role, &RoleRefusal::role);
    assert(refused != std::end(kRefusals) && "every Role has its refusal in kRefusals");
    return {std::nullopt, refusal({403, refused->code, refused->message})};
}

}  // namespace muamala::server
