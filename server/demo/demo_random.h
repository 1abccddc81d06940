// Deterministic randomness for the demo seed and its synthetic history: the same seed gives the same
// data on every platform and compiler.
#pragma once
#include <cstdint>
#include <iterator>

namespace muamala::server {

// splitmix64: tiny, fast, and the same everywhere (std:: distributions are not).
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
    int between(int low, int high) { return low + below(high - low + 1); }  // inclusive
    bool chance(int percent) { return below(100) < percent; }
    template <typename Items>
    const auto& pick(const Items& items) { return items[static_cast<std::size_t>(below(static_cast<int>(std::size(items))))]; }

private:
    std::uint64_t state_;
};

}  // namespace muamala::server
