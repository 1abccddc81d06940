#include "server/http/api_route.h"

#include <cctype>

namespace muamala::server {

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
    const std::size_t common = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < common; ++i) {
        const int x = std::tolower(static_cast<unsigned char>(a[i])), y = std::tolower(static_cast<unsigned char>(b[i]));
        if (x != y) return x < y;
    }
    return a.size() < b.size();
}

std::string ApiRequest::header(std::string_view name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
}

std::string ApiRequest::cookie(std::string_view name) const {
    // Cookie: a=1; b=2 (RFC 6265 section 5.4). Values are taken as sent, without unquoting.
    const std::string all = header("Cookie");
    std::string_view rest = all;
    while (!rest.empty()) {
        const std::size_t end = rest.find(';');
        std::string_view pair = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
    }
    return {};
}

bool is_json_media_type(std::string_view content_type) {
    const std::string_view media_type = content_type.substr(0, content_type.find(';'));
    const std::size_t last = media_type.find_last_not_of(" \t");
    const std::string_view trimmed = media_type.substr(0, last == std::string_view::npos ? 0 : last + 1);
    constexpr std::string_view json = "application/json";
    if (trimmed.size() != json.size()) return false;
    for (std::size_t i = 0; i < json.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(trimmed[i])) != json[i]) return false;
    return true;
}

JsonBody read_json_object(const ApiRequest& request) {
    if (!is_json_media_type(request.header("Content-Type"))) return {{}, refusal(wrong_content_type())};
    Json json = Json::parse(request.body, nullptr, false);
    if (json.is_discarded())
        return {{}, refusal(malformed_request({"request.invalid_json",
                                                {"The request is not valid JSON (or not valid UTF-8)",
                                                 "الطلب ليس JSON صالحًا (أو ليس UTF-8 صالحًا)"}}))};
    if (!json.is_object())
        return {{}, refusal(malformed_request({"request.not_object",
                                                {"The request must be a JSON object", "يجب أن يكون الطلب كائن JSON"}}))};
    return {std::move(json), std::nullopt};
}

}  // namespace muamala::server
