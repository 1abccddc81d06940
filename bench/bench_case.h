// The benchmarked case, shared by the native (Google Benchmark) and wasm (node) benchmarks: the first
// golden vector that renews a husband's residency, parsed once into typed structs so the loop times
// evaluate() alone.
#pragma once
#include <fstream>
#include <optional>
#include <string>

#include "common/rules_request.h"
#include "common/wire_transactions.h"

namespace muamala::bench {

struct BenchCase {
    Rulebook rulebook;
    Registry registry;
    TransactionRequest request;
    std::string request_line;  // the same request as one JSON line, for the whole-line benchmark
};

inline std::optional<BenchCase> load_bench_case(const std::string& golden_file) {
    std::ifstream in(golden_file);
    std::string line;
    while (std::getline(in, line)) {
        const Json record = Json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.contains("request")) continue;
        const Json& request = record["request"];
        if (!request.contains("transaction") || !request["transaction"].is_object() ||
            request["transaction"].value("kind", "") != "renew_husband_residency")
            continue;
        BenchCase bench{load_embedded_rulebook().rulebook, {}, {}, dump(request)};
        std::vector<Problem> problems;
        bench.registry = registry_from_json(request["registry"], problems);
        bench.request = request_from_json(request, problems);
        if (problems.empty()) return bench;
    }
    return std::nullopt;
}

}  // namespace muamala::bench
