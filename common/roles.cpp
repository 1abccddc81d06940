#include "common/roles.h"

#include "common/wire_names.h"

namespace muamala {
namespace {

constexpr WireNames<Role, 4> kRoleNames = {
    {Role::citizen, "citizen"}, {Role::center_operator, "operator"}, {Role::supervisor, "supervisor"}, {Role::admin, "admin"}};

}  // namespace

std::string_view name_of(Role role) { return wire_name(kRoleNames, role); }
std::optional<Role> parse_role(std::string_view name) { return from_wire_name(kRoleNames, name); }

}  // namespace muamala
