// JSON mapping of the registry, transaction requests and decisions: the one mapping used by the
// rules driver, the server and the client. Reading never throws: every missing or mistyped field
// becomes a Problem naming its path.
#pragma once
#include <vector>

#include "common/decision.h"
#include "common/registry.h"
#include "common/wire.h"

namespace muamala {

// Problems use code "registry.invalid" (registry data) or "request.invalid_field" (the request),
// with the JSON path in the message.
Registry registry_from_json(const Json& json, std::vector<Problem>& problems);
TransactionRequest request_from_json(const Json& json, std::vector<Problem>& problems);  // {"today","transaction"}
TransactionForm form_from_json(const Json& json, std::vector<Problem>& problems);

Json to_json(const Registry& registry);
Json to_json(const Person& person);
Json to_json(const TransactionForm& form);
Json to_json(const Decision& decision);
Json to_json(const NewRecord& record);

}  // namespace muamala
