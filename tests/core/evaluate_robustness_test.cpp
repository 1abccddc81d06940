// Hostile input never escapes the core as a crash or an exception: every golden evaluate request is
// damaged in many ways (fields removed, values swapped for other JSON types) and each answer must
// still be one JSON object, a decision or a malformed-request error.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "common/rules_request.h"

namespace muamala {
namespace {

std::vector<Json> evaluate_requests() {
    std::vector<Json> requests;
    std::ifstream in(std::string(MUAMALA_GOLDEN_DIR) + "/rulebook.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        const Json record = Json::parse(line, nullptr, false);
        if (record.is_object() && record.contains("request")) requests.push_back(record["request"]);
    }
    return requests;
}

// Visits every value in the tree and, with some probability, replaces or removes it.
void damage(Json& node, std::mt19937& random) {
    static const Json kReplacements[] = {nullptr, 0, -1, 1e300, "", "\xc3\xa9", Json::array(), Json::object(), true,
                                         "9999-99-99", "2024-02-29", std::string(5000, '9')};
    std::uniform_int_distribution<int> roll(0, 19);
    if (node.is_object()) {
        std::vector<std::string> keys;
        for (const auto& item : node.items()) keys.push_back(item.key());
        for (const std::string& key : keys) {
            const int r = roll(random);
            if (r == 0) node.erase(key);
            else if (r == 1) node[key] = kReplacements[random() % std::size(kReplacements)];
            else damage(node[key], random);
        }
    } else if (node.is_array()) {
        for (Json& element : node) damage(element, random);
    }
}

TEST(EvaluateRobustness, DamagedRequestsAlwaysGetAJsonAnswer) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    const std::vector<Json> requests = evaluate_requests();
    ASSERT_GE(requests.size(), 200u);
    std::mt19937 random(20261127);  // fixed seed: a failure can be replayed
    int decisions = 0, refusals = 0;
    for (int round = 0; round < 10; ++round) {
        for (Json request : requests) {
            damage(request, random);
            const RulesAnswer answer = answer_driver_line(rulebook, dump(request));
            ASSERT_TRUE(answer.answer.is_object()) << dump(request);
            if (answer.answer.contains("eligible")) {
                ++decisions;
                // A refusal always says why; an eligible decision always has a new record.
                if (answer.answer["eligible"] == true) EXPECT_FALSE(answer.answer["new_record"].is_null());
                else EXPECT_FALSE(answer.answer["reasons"].empty()) << dump(request);
            } else {
                ++refusals;
                EXPECT_EQ(answer.answer["ok"], false);
            }
        }
    }
    EXPECT_GT(decisions, 1000);
    RecordProperty("refusals", refusals);
}

}  // namespace
}  // namespace muamala
