// muamala-rules: reads one JSON request per line on stdin, writes one JSON answer per line on stdout.
// The same source is built natively and to wasm (run with node); the parity test compares them.
#include <iostream>
#include <string>

#include "common/rules_request.h"

int main() {
    const muamala::RulebookLoad load = muamala::load_embedded_rulebook();
    for (const std::string& problem : load.problems) std::cerr << "rulebook: " << problem << '\n';
    if (!load.problems.empty()) return 1;  // a decision on a broken rulebook would be wrong

    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // tolerate CRLF input files
        std::cout << muamala::dump(muamala::answer_driver_line(load.rulebook, line).answer) << '\n';
    }
    std::cout.flush();
    return 0;
}
