// Native benchmark of one renewal evaluation (Google Benchmark). Run by scripts/bench.sh; numbers go
// to BENCHMARKS.md. Usage: muamala-bench <tests/golden/rulebook.jsonl> [benchmark flags]
#include <benchmark/benchmark.h>

#include <cstdio>

#include "bench/bench_case.h"
#include "common/evaluate.h"

namespace {

std::optional<muamala::bench::BenchCase> g_case;  // loaded once in main, before any benchmark runs

void BM_EvaluateHusbandRenewal(benchmark::State& state) {
    for (auto _ : state) {
        muamala::Decision decision = muamala::evaluate(g_case->rulebook, g_case->registry, g_case->request);
        benchmark::DoNotOptimize(decision);
    }
}
BENCHMARK(BM_EvaluateHusbandRenewal);

// The driver's whole path: parse the JSON line, evaluate, print the decision.
void BM_AnswerDriverLine(benchmark::State& state) {
    for (auto _ : state) {
        std::string answer = muamala::dump(muamala::answer_driver_line(g_case->rulebook, g_case->request_line).answer);
        benchmark::DoNotOptimize(answer);
    }
}
BENCHMARK(BM_AnswerDriverLine);

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s GOLDEN_RULEBOOK_JSONL [benchmark flags]\n", argv[0]);
        return 2;
    }
    g_case = muamala::bench::load_bench_case(argv[1]);
    if (!g_case) {
        std::fprintf(stderr, "no husband renewal request in %s\n", argv[1]);
        return 1;
    }
    argv[1] = argv[0];  // hand the remaining flags to Google Benchmark
    int remaining = argc - 1;
    benchmark::Initialize(&remaining, argv + 1);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
