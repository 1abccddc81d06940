// The server's side of the service-center directory: the data file it carries and the 404 for an
// unknown center. The centers' rules and their JSON are the core's (common/centers.h,
// common/center_directory.h, common/wire_centers.h), shared with the app; the table they are kept
// in is center_store.h's.
#pragma once
#include <string_view>
#include <vector>

#include "common/centers.h"
#include "server/http/api_errors.h"

namespace muamala::server {

// server/centers/centers.json, embedded at build time (centers_data.cpp.in).
std::string_view embedded_center_directory_json();

// The centers of a data file, in the file's order. Throws std::runtime_error naming the first
// problem (read_center_directory()): a broken file must stop the server before it serves anyone.
std::vector<Center> parse_center_directory(std::string_view json);

ApiReply unknown_center_reply();  // 404 center.unknown, for an id that names no center

}  // namespace muamala::server
