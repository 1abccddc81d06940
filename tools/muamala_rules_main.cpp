// muamala-rules: reads one JSON request per line on stdin, writes one JSON answer per line on stdout.
// The same source is built natively and to wasm (run with node); the parity test compares them.
#include <iostream>
#include <string>

#include "common/rules_request.h"

int main() {
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // tolerate CRLF input files
        std::cout << muamala::dump(muamala::answer_rules_line(line).answer) << '\n';
    }
    std::cout.flush();
    return 0;
}
