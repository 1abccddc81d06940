// JSON wire types: the one mapping between core types and JSON, shared by the rules driver, the
// server and the client. Nothing here throws: wasm builds run without exceptions.
#pragma once
#include <nlohmann/json.hpp>

#include "common/problem.h"

namespace muamala {

using Json = nlohmann::ordered_json;  // keeps key order, so both builds print the same bytes

Json to_json(const Text& text);        // {"en":..,"ar":..}
Json to_json(const Problem& problem);  // {"code":..,"message":{..}}
Json to_json(const Validation& v);     // {"ok":true,"normalized":..} or {"ok":false,"errors":[..]}

// Serialises compactly. Invalid UTF-8 in a string is replaced rather than thrown on, so a stray byte
// can never abort the wasm build.
std::string dump(const Json& json);

}  // namespace muamala
