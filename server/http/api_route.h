// An API route as plain data: what a handler sees of a request, and the method and path it answers.
// Handlers never see cpp-httplib; http_app.cpp copies each request into an ApiRequest, so routes can
// be written, tested and listed (the OpenAPI check) without the HTTP library.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/api_errors.h"

namespace muamala::server {

// Header names compare without regard to case (RFC 9110).
struct CaseInsensitiveLess {
    bool operator()(std::string_view a, std::string_view b) const;
    using is_transparent = void;
};

struct ApiRequest {
    std::string method;
    std::string path;
    std::string body;
    std::string remote_address;                              // the peer's IP address
    std::map<std::string, std::string> path_params;          // "/receipts/:number" -> {"number": ...}
    std::map<std::string, std::string> query;
    std::map<std::string, std::string, CaseInsensitiveLess> headers;

    std::string header(std::string_view name) const;  // "" when absent
    std::string cookie(std::string_view name) const;  // from the Cookie header; "" when absent
};

struct Route {
    std::string method;   // "GET", "POST", "PUT" or "DELETE"
    std::string pattern;  // "/api/v1/receipts/:number/verify": ":name" matches one path segment
    std::function<ApiReply(const ApiRequest&)> handle;
};

// [SECTION] Helpers every route uses

// "application/json", in any case, with or without parameters ("; charset=utf-8").
bool is_json_media_type(std::string_view content_type);

// The request body as a JSON object, or the refusal to send: 400 when it is not declared as JSON,
// is not JSON (or not UTF-8), or is not an object.
struct JsonBody {
    Json json;
    std::optional<ApiReply> refusal;
};
JsonBody read_json_object(const ApiRequest& request);

}  // namespace muamala::server
