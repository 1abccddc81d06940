// The same evaluation loop as evaluate_bench.cpp, for the wasm build under node (Google Benchmark is
// not built for wasm). Prints ns per evaluation, median of several timed batches.
// Usage: node muamala-bench-wasm.js <tests/golden/rulebook.jsonl>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "bench/bench_case.h"
#include "common/evaluate.h"

namespace {

template <typename Work>
double median_ns_per_call(Work work, int batch, int batches) {
    std::vector<double> samples;
    for (int b = 0; b < batches; ++b) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < batch; ++i) work();
        const std::chrono::duration<double, std::nano> spent = std::chrono::steady_clock::now() - start;
        samples.push_back(spent.count() / batch);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return std::fprintf(stderr, "usage: muamala-bench-wasm GOLDEN_RULEBOOK_JSONL\n"), 2;
    const auto bench = muamala::bench::load_bench_case(argv[1]);
    if (!bench) return std::fprintf(stderr, "no husband renewal request in %s\n", argv[1]), 1;

    volatile size_t sink = 0;  // keeps the optimiser from dropping the work
    const double evaluate_ns = median_ns_per_call(
        [&] { sink = sink + muamala::evaluate(bench->rulebook, bench->registry, bench->request).fees.size(); },
        20000, 15);
    const double line_ns = median_ns_per_call(
        [&] { sink = sink + muamala::dump(muamala::answer_driver_line(bench->rulebook, bench->request_line).answer).size(); },
        500, 15);
    std::printf("wasm BM_EvaluateHusbandRenewal %.0f ns\nwasm BM_AnswerDriverLine %.0f ns\n", evaluate_ns, line_ns);
    return 0;
}
