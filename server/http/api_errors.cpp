#include "server/http/api_errors.h"

namespace muamala::server {

Json to_json(const ApiError& error) {
    Json fields = Json::array();
    for (const FieldProblem& field : error.fields)
        fields.push_back(Json{{"field", field.field},
                              {"code", field.problem.code},
                              {"message", muamala::to_json(field.problem.message)}});
    return Json{{"error", Json{{"code", error.code},
                               {"message", muamala::to_json(error.message)},
                               {"fields", std::move(fields)}}}};
}

ApiReply refusal(const ApiError& error, const Json& extra) {
    ApiReply reply{error.status, to_json(error)};
    if (extra.is_object())
        for (const auto& item : extra.items()) reply.body[item.key()] = item.value();
    return reply;
}

ApiError error_for_status(int status) {
    switch (status) {
    case 400:
        return {400, "request.malformed",
                {"The request could not be understood", "تعذّر فهم الطلب"}, {}};
    case 404:
        return not_found();
    case 413:
        return {413, "request.too_large",
                {"The request is too large", "الطلب كبير جدًا"}, {}};
    case 414:
        return {414, "request.address_too_long",
                {"The address of the request is too long", "عنوان الطلب طويل جدًا"}, {}};
    case 416:
        return {416, "request.range_not_satisfiable",
                {"The requested range is not part of the file", "النطاق المطلوب ليس جزءًا من الملف"}, {}};
    case 503:
        return service_unavailable();
    default:
        break;
    }
    if (status >= 400 && status < 500)
        return {status, "request.refused", {"The request was refused", "رُفض الطلب"}, {}};
    return {status, "internal_error",
            {"Something went wrong on our side. Try again later", "حدث خطأ من جهتنا. حاول مرة أخرى لاحقًا"}, {}};
}

ApiError validation_failed(std::vector<FieldProblem> fields) {
    return {422, "validation_failed", {"There is a problem", "هناك مشكلة"}, std::move(fields)};
}

ApiError not_found() {
    return {404, "not_found",
            {"There is nothing here, or it is not yours to see", "لا يوجد شيء هنا، أو أنه ليس من حقك الاطلاع عليه"}, {}};
}

ApiError malformed_request(Problem problem) {
    return {400, std::move(problem.code), std::move(problem.message), {}};
}

ApiError wrong_content_type() {
    return {400, "request.content_type",
            {"Send the request body as JSON, with the header Content-Type: application/json",
             "أرسل نص الطلب بصيغة JSON مع الترويسة Content-Type: application/json"},
            {}};
}

ApiError length_required() {
    return {400, "request.length_required",
            {"Send the request body with a Content-Length header", "أرسل نص الطلب مع الترويسة Content-Length"},
            {}};
}

ApiError service_unavailable() {
    return {503, "service.unavailable",
            {"The service is not available right now. Try again in a few minutes",
             "الخدمة غير متاحة الآن. حاول مرة أخرى بعد بضع دقائق"},
            {}};
}

}  // namespace muamala::server
