// Who an account signs in as. Each role has its own screens and routes and nothing more: an admin
// is not a supervisor, an operator is not a citizen.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace muamala {

enum class Role {
    citizen,          // the sponsor, for her own household
    center_operator,  // at the counter of one service center, for the sponsors it serves
    supervisor,       // the service centers' figures
    admin,            // the center directory
};
inline constexpr std::array kAllRoles = {Role::citizen, Role::center_operator, Role::supervisor, Role::admin};

std::string_view name_of(Role role);  // wire name: "citizen", "operator", "supervisor", "admin"
std::optional<Role> parse_role(std::string_view name);

}  // namespace muamala
