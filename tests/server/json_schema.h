// A checker for the part of JSON Schema that the OpenAPI 3.0 document (server/http/openapi.json)
// uses, so the tests can hold the server's real answers to what the document promises:
//   $ref (inside the document), allOf, nullable, type, enum, required, properties,
//   additionalProperties (false or a schema), items, format (date, date-time), pattern.
// A keyword outside that list is reported as a mismatch, so the document cannot start relying on
// something this checker would silently pass. description, example and title are prose.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/wire.h"

namespace muamala::server::testing {

// Every way `value` fails `schema`, each as "<JSON path>: <what>" ("$.payments[0].status: ..."). Empty
// when it matches. `document` is the OpenAPI document the schema's $refs point into.
std::vector<std::string> schema_mismatches(const Json& value, const Json& schema, const Json& document);

// The schema the document gives for the JSON answer of `method` (lower case) on `path` (the
// document's own, "/api/v1/transactions/{id}") with `status`: the status's own response, else its
// range ("4XX"), with a $ref to components/responses followed. nullptr when the document gives the
// status no JSON answer.
const Json* response_schema(const Json& document, std::string_view method, std::string_view path, int status);

}  // namespace muamala::server::testing
