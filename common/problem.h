// Bilingual text and the one error type of the core.
#pragma once
#include <string>
#include <vector>

namespace muamala {

// Text shown to a person, always in both languages; the client picks one, the server sends both.
struct Text {
    std::string en;
    std::string ar;
    bool operator==(const Text&) const = default;
};

// One failed check: a stable machine code (never reworded; clients and tests key on it) and a
// message that tells the person what to do.
struct Problem {
    std::string code;
    Text message;
    std::string field;  // the form or request field it concerns; empty when it concerns no one field
    bool operator==(const Problem&) const = default;
};

// The answer to validating one input: either ok with its canonical form, or the problems found.
struct Validation {
    bool ok = false;
    std::string normalized;         // canonical form; empty unless ok
    std::vector<Problem> errors;    // empty if ok
};

inline Validation accepted(std::string normalized) { return {true, std::move(normalized), {}}; }
inline Validation rejected(Problem problem) { return {false, {}, {std::move(problem)}}; }

}  // namespace muamala
