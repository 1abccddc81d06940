// Runs every golden vector (tests/golden/*.jsonl) through the same entry point as the muamala-rules
// driver and compares the answer byte for byte with the expected one. The parity test feeds the same
// requests to the native and wasm drivers; together they pin both builds to these files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/rules_request.h"

namespace muamala {
namespace {

struct GoldenVector {
    std::string where;  // file:line, for failure messages
    std::string why;
    std::string request_line;
    std::string expected;  // compact JSON
};

std::string from_hex(const std::string& hex) {
    std::string bytes;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return bytes;
}

std::vector<GoldenVector> load_golden_vectors() {
    std::vector<GoldenVector> vectors;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(MUAMALA_GOLDEN_DIR))
        if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            if (line.empty()) continue;
            const std::string where = file.filename().string() + ":" + std::to_string(number);
            const Json record = Json::parse(line, nullptr, false);
            if (record.is_discarded() || !record.is_object() || !record.contains("why") || !record.contains("expect")) {
                ADD_FAILURE() << where << ": not a golden vector record";
                continue;
            }
            GoldenVector vector{where, record["why"].get<std::string>(), {}, dump(record["expect"])};
            if (record.contains("request")) vector.request_line = dump(record["request"]);
            else if (record.contains("line")) vector.request_line = record["line"].get<std::string>();
            else if (record.contains("line_hex")) vector.request_line = from_hex(record["line_hex"].get<std::string>());
            else ADD_FAILURE() << where << ": needs request, line or line_hex";
            vectors.push_back(std::move(vector));
        }
    }
    return vectors;
}

TEST(GoldenVectors, EveryAnswerMatchesByteForByte) {
    const RulebookLoad load = load_embedded_rulebook();
    ASSERT_TRUE(load.problems.empty()) << load.problems.front();
    const Rulebook& rulebook = load.rulebook;
    const std::vector<GoldenVector> vectors = load_golden_vectors();
    ASSERT_GE(vectors.size(), 40u) << "golden vector files missing from " << MUAMALA_GOLDEN_DIR;
    for (const GoldenVector& vector : vectors) {
        const std::string answer = dump(answer_driver_line(rulebook, vector.request_line).answer);
        EXPECT_EQ(answer, vector.expected) << vector.where << " (" << vector.why << ")";
    }
}

TEST(GoldenVectors, EveryVectorSaysWhyItExists) {
    for (const GoldenVector& vector : load_golden_vectors())
        EXPECT_GE(vector.why.size(), 10u) << vector.where << ": give a one-line reason";
}

}  // namespace
}  // namespace muamala
