#include "server/http/openapi.h"

namespace muamala::server {

const Json& openapi_document() {
    static const Json document = Json::parse(embedded_openapi_json());  // parsed once; the text is a constant
    return document;
}

std::string openapi_path(std::string_view route_pattern) {
    std::string path;
    for (std::size_t i = 0; i < route_pattern.size(); ++i) {
        if (route_pattern[i] == ':' && (i == 0 || route_pattern[i - 1] == '/')) {
            const std::size_t end = route_pattern.find('/', i);
            path += '{';
            path.append(route_pattern.substr(i + 1, end - i - 1));
            path += '}';
            i = end == std::string_view::npos ? route_pattern.size() : end - 1;
        } else {
            path += route_pattern[i];
        }
    }
    return path;
}

}  // namespace muamala::server
