#include "server/centers/centers.h"

#include <stdexcept>

#include "common/wire_centers.h"

namespace muamala::server {

std::vector<Center> parse_center_directory(std::string_view json) {
    CenterDirectoryFile file = read_center_directory(json);
    if (!file.problem.empty()) throw std::runtime_error("the center directory data: " + file.problem);
    return std::move(file.centers);
}

ApiReply unknown_center_reply() {
    ApiError error = error_for_status(404);
    error.code = "center.unknown";
    error.message = {"There is no service center with this id", "لا يوجد مركز خدمة بهذا المعرّف"};
    return refusal(error);
}

}  // namespace muamala::server
