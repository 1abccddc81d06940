// The service-center rules of the core: when a center opens, whom it serves, the booking window,
// a directory's rules and a center's JSON. The real directory (server/centers/centers.json) is read
// from the source tree, as the server embeds it.
#include "common/centers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/booking_window.h"
#include "common/center_directory.h"
#include "common/wire_centers.h"

namespace muamala {
namespace {

std::vector<Center> real_directory() {
    std::ifstream file(MUAMALA_CENTERS_JSON);
    std::stringstream text;
    text << file.rdbuf();
    CenterDirectoryFile directory = read_center_directory(text.str());
    EXPECT_EQ(directory.problem, "");
    return directory.centers;
}

const Center& center_named(const std::vector<Center>& centers, std::string_view id) {
    const Center* center = find_center(centers, id);
    EXPECT_NE(center, nullptr) << id;
    return *center;
}

Center& center_to_change(std::vector<Center>& centers, std::string_view id) {
    return *std::find_if(centers.begin(), centers.end(), [&](const Center& center) { return center.id == id; });
}

bool has_problem(const std::vector<Problem>& problems, std::string_view code) {
    for (const Problem& problem : problems)
        if (problem.code == code) return true;
    return false;
}

// [SECTION] Opening hours

TEST(CenterHours, AMorningCenterIsClosedOnFridayAndSaturday) {
    const std::vector<Center> centers = real_directory();
    const Center& salam = center_named(centers, "al-salam-morning");
    EXPECT_TRUE(salam.hours.open_on({2026, 11, 29}));   // Sunday
    EXPECT_TRUE(salam.hours.open_on({2026, 12, 3}));    // Thursday
    EXPECT_FALSE(salam.hours.open_on({2026, 11, 27}));  // Friday
    EXPECT_FALSE(salam.hours.open_on({2026, 11, 28}));  // Saturday
    EXPECT_EQ(clock_time(salam.hours.opens_minute), "07:30");
    EXPECT_EQ(clock_time(salam.hours.closes_minute), "14:00");
}

TEST(CenterHours, ClockTimesReadAndWriteTheSameWay) {
    EXPECT_EQ(parse_clock_time("07:30"), 450);
    EXPECT_EQ(parse_clock_time("24:00"), 1440);
    EXPECT_EQ(parse_clock_time("24:01"), std::nullopt);
    EXPECT_EQ(parse_clock_time("7:30"), std::nullopt);
    EXPECT_EQ(parse_clock_time("07:60"), std::nullopt);
    EXPECT_EQ(clock_time(450), "07:30");
    EXPECT_EQ(clock_time(1440), "24:00");
}

// [SECTION] Whom a center serves

TEST(CenterServes, AMorningCenterServesItsOwnAreasOnly) {
    const std::vector<Center> centers = real_directory();
    const Center& salam = center_named(centers, "al-salam-morning");
    EXPECT_TRUE(serves_area(salam, "hateen"));
    EXPECT_FALSE(serves_area(salam, "salmiya"));
    EXPECT_EQ(morning_center_for(centers, "hateen"), &salam);
}

TEST(CenterServes, AnEveningCenterServesEveryAreaOfItsGovernorate) {
    const std::vector<Center> centers = real_directory();
    const Center& evening = center_named(centers, "hawally-evening");
    EXPECT_TRUE(evening.areas.empty());
    const std::vector<std::string> served = areas_served(evening);
    EXPECT_EQ(served.size(), 16u);  // Hawalli's areas
    for (const std::string& area : served) EXPECT_EQ(find_area(area)->governorate, Governorate::hawalli) << area;
    EXPECT_TRUE(serves_area(evening, "al_salam"));
    EXPECT_FALSE(serves_area(evening, "jahra"));
    EXPECT_FALSE(serves_area(evening, "atlantis"));
    const std::vector<const Center*> evenings = evening_centers_for(centers, "al_salam");
    EXPECT_NE(std::find(evenings.begin(), evenings.end(), &evening), evenings.end());
}

TEST(CenterServes, TheCounterPolicyDecidesWhomACenterServes) {
    const std::vector<Center> centers = real_directory();
    const Center& jahra = center_named(centers, "jahra-morning");
    EXPECT_FALSE(serves_sponsor(CounterPolicy::area, jahra, "al_salam"));
    EXPECT_TRUE(serves_sponsor(CounterPolicy::any, jahra, "al_salam"));
    EXPECT_TRUE(serves_sponsor(CounterPolicy::area, jahra, "qasr"));
    EXPECT_EQ(parse_counter_policy("any"), CounterPolicy::any);
    EXPECT_EQ(parse_counter_policy("all"), std::nullopt);
}

TEST(CenterServes, TheRefusalNamesTheCentersThatDoServeHer) {
    const std::vector<Center> centers = real_directory();
    const Text message = outside_area_message(centers, center_named(centers, "jahra-morning"), "hateen");
    EXPECT_NE(message.en.find("Al-Salam Citizen Service Center"), std::string::npos) << message.en;
    EXPECT_NE(message.en.find("or in the evening"), std::string::npos) << message.en;
    EXPECT_NE(message.ar.find("مركز خدمة المواطن - السلام"), std::string::npos) << message.ar;
    const Text no_area = outside_area_message(centers, center_named(centers, "jahra-morning"), "");
    EXPECT_NE(no_area.en.find("not recorded"), std::string::npos) << no_area.en;
}

// [SECTION] The booking window

TEST(BookingWindow, RunsFromTodayToThirtyDaysOn) {
    const BookingWindow window = booking_window({2026, 2, 10});
    EXPECT_EQ(window.first, (Date{2026, 2, 10}));
    EXPECT_EQ(window.last, (Date{2026, 3, 12}));
    EXPECT_TRUE(window.contains({2026, 2, 10}));
    EXPECT_TRUE(window.contains({2026, 3, 12}));
    EXPECT_FALSE(window.contains({2026, 2, 9}));
    EXPECT_FALSE(window.contains({2026, 3, 13}));
}

TEST(BookingWindow, OffersOnlyTheDaysTheCenterOpensInsideTheWindow) {
    const std::vector<Center> centers = real_directory();
    const Center& salam = center_named(centers, "al-salam-morning");
    // Friday 27 November 2026: the first open day is Sunday the 29th.
    const std::vector<Date> days = bookable_days(salam, {2026, 11, 27}, 10);
    ASSERT_EQ(days.size(), 10u);
    EXPECT_EQ(days.front(), (Date{2026, 11, 29}));
    for (const Date& day : days) EXPECT_TRUE(salam.hours.open_on(day)) << to_iso(day);
    // All of the window: 21 open days in its 31, the last on its last day (Sunday 27 December).
    const std::vector<Date> all = bookable_days(salam, {2026, 11, 27}, 100);
    EXPECT_EQ(all.size(), 21u);
    EXPECT_EQ(all.back(), (Date{2026, 12, 27}));
}

TEST(BookingWindow, TheRefusalWritesTheLastDayInWords) {
    const Problem refusal = outside_booking_window(booking_window({2026, 2, 10}));
    EXPECT_EQ(refusal.code, "slots.date_outside_window");
    EXPECT_EQ(refusal.field, "date");
    EXPECT_NE(refusal.message.en.find("12 March 2026"), std::string::npos) << refusal.message.en;
    EXPECT_NE(refusal.message.ar.find("12 مارس 2026"), std::string::npos) << refusal.message.ar;
}

// [SECTION] A directory's rules

TEST(CenterDirectory, TheRealDirectoryKeepsEveryRule) {
    const std::vector<Center> centers = real_directory();
    EXPECT_EQ(centers.size(), 52u);
    EXPECT_TRUE(check_directory(centers).empty());
}

TEST(CenterDirectory, AnAreaLeftWithoutACenterIsNamed) {
    std::vector<Center> centers = real_directory();
    std::erase(center_to_change(centers, "al-salam-morning").areas, "hateen");
    const std::vector<Problem> problems = check_directory(centers);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "center.area_unserved");
    EXPECT_EQ(problems.front().field, "areas");
    EXPECT_NE(problems.front().message.en.find("Hateen"), std::string::npos);
}

TEST(CenterDirectory, EachBrokenRuleIsReported) {
    std::vector<Center> centers = real_directory();
    Center& jahra = center_to_change(centers, "jahra-morning");
    jahra.areas.push_back("hateen");  // in Hawalli, and Al-Salam's already
    jahra.slots.minutes = 500;        // longer than the day
    center_to_change(centers, "jahra-evening").areas = {"naeem"};
    const std::vector<Problem> problems = check_directory(centers);
    EXPECT_TRUE(has_problem(problems, "center.area_in_other_governorate"));
    EXPECT_TRUE(has_problem(problems, "center.area_served_twice"));
    EXPECT_TRUE(has_problem(problems, "center.slot_longer_than_day"));
    EXPECT_TRUE(has_problem(problems, "center.evening_areas"));
    std::erase_if(centers, [](const Center& center) { return center.id == "jahra-evening"; });
    EXPECT_TRUE(has_problem(check_directory(centers), "center.governorate_without_evening_center"));
}

// [SECTION] JSON

TEST(CenterJson, WhatTheServerWritesTheAppReadsBack) {
    for (const Center& center : real_directory()) {
        std::vector<Problem> problems;
        const Center read = center_from_json(to_json(center), problems);
        EXPECT_TRUE(problems.empty()) << center.id;
        EXPECT_EQ(read, center) << center.id;
    }
}

TEST(CenterJson, AnEveningCenterListsItsGovernoratesAreas) {
    const std::vector<Center> centers = real_directory();
    const Json json = to_json(center_named(centers, "jahra-evening"));
    EXPECT_EQ(json["serves"], "governorate");
    EXPECT_EQ(json["areas"].size(), 9u);
    EXPECT_EQ(json["hours"]["days"], Json::parse(R"(["sunday","monday","tuesday","wednesday","thursday"])"));
    EXPECT_EQ(json["hours"]["opens"], "16:00");
}

TEST(CenterJson, ACenterThatDoesNotReadAsOneNamesEachField) {
    const std::vector<Center> centers = real_directory();
    Json json = to_json(center_named(centers, "al-salam-morning"));
    json["hours"]["days"] = Json::array({"sunday", "funday"});
    json["slots"]["capacity"] = 0;
    json["shift"] = 7;
    std::vector<Problem> problems;
    center_from_json(json, problems);
    EXPECT_TRUE(has_problem(problems, "center.hours_days"));
    EXPECT_TRUE(has_problem(problems, "center.slot_capacity"));
    EXPECT_TRUE(has_problem(problems, "center.shift"));
    problems.clear();
    center_from_json(Json("not a center"), problems);
    EXPECT_TRUE(has_problem(problems, "center.id"));
}

TEST(CenterJson, AnEditChangesWhatMayChangeAndNothingOnARefusal) {
    const std::vector<Center> centers = real_directory();
    Center salam = center_named(centers, "al-salam-morning");
    Json body = to_json(salam);
    body["hours"]["opens"] = "08:00";
    body["slots"]["capacity"] = 6;
    EXPECT_TRUE(apply_center_edit(salam, body).empty());
    EXPECT_EQ(salam.hours.opens_minute, 480);
    EXPECT_EQ(salam.slots.capacity, 6);

    const Center before = salam;
    body["id"] = "another-id";
    body["hours"]["closes"] = "07:00";
    const std::vector<Problem> problems = apply_center_edit(salam, body);
    EXPECT_TRUE(has_problem(problems, "center.read_only"));
    EXPECT_EQ(salam, before);
    body["id"] = salam.id;
    EXPECT_TRUE(has_problem(apply_center_edit(salam, body), "center.hours_order"));
    EXPECT_EQ(salam, before);
}

TEST(CenterJson, ABrokenDataFileIsRefusedWithItsFirstProblem) {
    EXPECT_NE(read_center_directory("[]").problem, "");
    EXPECT_NE(read_center_directory("{not json").problem, "");
    const CenterDirectoryFile one = read_center_directory(
        R"({"illustrative": true, "shifts": {"morning": {"days": ["sunday"], "opens": "07:30", "closes": "14:00"},
            "evening": {"days": ["sunday"], "opens": "16:00", "closes": "21:00"}}, "slots": {"minutes": 30, "capacity": 4},
            "centers": [{"id": "x", "name": {"en": "X", "ar": "س"}, "governorate": "capital", "shift": "morning",
                         "model_center": false, "areas": ["salwa"]}]})");
    EXPECT_TRUE(one.centers.empty());
    EXPECT_NE(one.problem.find("Salwa is not in Capital"), std::string::npos) << one.problem;
}

}  // namespace
}  // namespace muamala
