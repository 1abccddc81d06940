#include "common/areas.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace muamala {
namespace {

TEST(Areas, EveryAreaHasAUniqueIdAndBothNames) {
    std::set<std::string> ids;
    for (const Area& area : all_areas()) {
        EXPECT_TRUE(ids.insert(std::string(area.id)).second) << area.id;
        EXPECT_FALSE(area.name.en.empty());
        EXPECT_FALSE(area.name.ar.empty());
    }
    EXPECT_EQ(ids.size(), 104u) << "docs/design.md: the six governorates' 104 residential areas";
}

TEST(Areas, EachGovernorateHasItsAreas) {
    int counts[6] = {};
    for (const Area& area : all_areas()) ++counts[static_cast<int>(area.governorate)];
    EXPECT_EQ(counts[static_cast<int>(Governorate::capital)], 30);
    EXPECT_EQ(counts[static_cast<int>(Governorate::hawalli)], 16);
    EXPECT_EQ(counts[static_cast<int>(Governorate::farwaniya)], 18);
    EXPECT_EQ(counts[static_cast<int>(Governorate::mubarak_al_kabeer)], 10);
    EXPECT_EQ(counts[static_cast<int>(Governorate::ahmadi)], 21);
    EXPECT_EQ(counts[static_cast<int>(Governorate::jahra)], 9);
}

TEST(Areas, AlSalamIsInHawalli) {
    const Area* salam = find_area("al_salam");
    ASSERT_NE(salam, nullptr);
    EXPECT_EQ(salam->governorate, Governorate::hawalli);
    EXPECT_EQ(salam->name.ar, "السلام");
    EXPECT_EQ(find_area("atlantis"), nullptr);
    EXPECT_EQ(parse_governorate("jahra"), Governorate::jahra);
    EXPECT_EQ(governorate_info(Governorate::mubarak_al_kabeer).name.ar, "مبارك الكبير");
}

}  // namespace
}  // namespace muamala
