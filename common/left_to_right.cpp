#include "common/left_to_right.h"

namespace muamala {

std::string ltr(std::string_view value) {
    std::string out = "\u2066";  // LEFT-TO-RIGHT ISOLATE
    out += value;
    out += "\u2069";  // POP DIRECTIONAL ISOLATE
    return out;
}

}  // namespace muamala
