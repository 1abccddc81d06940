// The center directory: the embedded data keeps the rules of a directory, the
// public listing and its filters over real HTTP, "your center" on the dashboard, and the admin's
// edit, which can never leave an area without its one morning center.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>

#include "common/areas.h"
#include "common/wire_centers.h"
#include "server/centers/centers.h"
#include "tests/server/service_centers_fixture.h"

namespace muamala::server::testing {
namespace {

// [SECTION] The data file

TEST(CenterDirectory, Has42MorningAnd10EveningCentersAcrossTheSixGovernorates) {
    const std::vector<Center> centers = parse_center_directory(embedded_center_directory_json());
    ASSERT_EQ(centers.size(), 52u);
    std::map<Shift, int> by_shift;
    std::map<Governorate, std::set<Shift>> shifts_by_governorate;
    for (const Center& center : centers) {
        ++by_shift[center.shift];
        shifts_by_governorate[center.governorate].insert(center.shift);
        EXPECT_TRUE(center.illustrative) << center.id;
        EXPECT_FALSE(center.name.en.empty()) << center.id;
        EXPECT_FALSE(center.name.ar.empty()) << center.id;
    }
    EXPECT_EQ(by_shift[Shift::morning], 42);
    EXPECT_EQ(by_shift[Shift::evening], 10);
    for (Governorate governorate : kAllGovernorates)
        EXPECT_EQ(shifts_by_governorate[governorate], (std::set<Shift>{Shift::morning, Shift::evening}))
            << governorate_info(governorate).id;
}

TEST(CenterDirectory, EveryAreaHasExactlyOneMorningCenterInItsGovernorate) {
    const std::vector<Center> centers = parse_center_directory(embedded_center_directory_json());
    std::map<std::string, int> morning_centers_of;
    for (const Center& center : centers)
        for (const std::string& id : center.areas) {
            ++morning_centers_of[id];
            ASSERT_NE(find_area(id), nullptr) << id;
            EXPECT_EQ(find_area(id)->governorate, center.governorate) << id << " at " << center.id;
        }
    ASSERT_EQ(all_areas().size(), 104u);
    for (const Area& area : all_areas()) EXPECT_EQ(morning_centers_of[std::string(area.id)], 1) << area.id;
    EXPECT_EQ(morning_centers_of.size(), all_areas().size());
}

TEST(CenterDirectory, AlSalamHasTheModelCenterWithIllustrativeHours) {
    const std::vector<Center> centers = parse_center_directory(embedded_center_directory_json());
    const Center* al_salam = morning_center_for(centers, "al_salam");
    ASSERT_NE(al_salam, nullptr);
    EXPECT_TRUE(al_salam->model_center);
    EXPECT_EQ(al_salam->governorate, Governorate::hawalli);
    const Json json = to_json(*al_salam);
    EXPECT_EQ(json["hours"], Json::parse(R"({"days":["sunday","monday","tuesday","wednesday","thursday"],
                                               "opens":"07:30","closes":"14:00"})"));
    for (const Center& center : centers) {
        if (center.shift == Shift::evening) {
            EXPECT_EQ(to_json(center)["hours"]["opens"], "16:00") << center.id;
        }
    }
}

TEST(CenterDirectory, ABrokenDataFileIsRefusedWithItsProblem) {
    const std::string one_center = R"({"illustrative": true,
        "shifts": {"morning": {"days": ["sunday"], "opens": "07:30", "closes": "14:00"},
                   "evening": {"days": ["sunday"], "opens": "16:00", "closes": "21:00"}},
        "slots": {"minutes": 30, "capacity": 4},
        "centers": [{"id": "salwa-morning", "name": {"en": "Salwa", "ar": "سلوى"}, "governorate": "hawalli",
                     "shift": "morning", "model_center": false, "areas": ["salwa"]}]})";
    try {
        parse_center_directory(one_center);
        FAIL() << "a directory that leaves areas without a center was accepted";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("would have no morning center"), std::string::npos) << error.what();
    }
    EXPECT_THROW(parse_center_directory("[]"), std::runtime_error);
}

// [SECTION] The public listing

TEST(CenterListing, ListsAllFiftyTwoLabelledIllustrative) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/api/v1/centers");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const Json body = reply.json();
    EXPECT_EQ(body["illustrative"], true);
    EXPECT_NE(body["note"]["en"].get<std::string>().find("ILLUSTRATIVE"), std::string::npos);
    EXPECT_FALSE(body["note"]["ar"].get<std::string>().empty());
    ASSERT_EQ(body["centers"].size(), 52u);
    EXPECT_EQ(body["count"], 52);
    for (const Json& center : body["centers"])
        for (const char* key : {"id", "name", "governorate", "areas", "shift", "hours", "model_center", "illustrative"})
            EXPECT_TRUE(center.contains(key)) << key << " missing from " << center["id"];
}

TEST(CenterListing, FiltersByAreaGovernorateAndShift) {
    RunningServer server;
    const auto ids = [&](const std::string& query) {
        const HttpReply reply = get(server.port(), "/api/v1/centers" + query);
        EXPECT_EQ(reply.status, 200) << reply.body;
        std::vector<std::string> found;
        const Json listing = reply.json();  // kept: a loop over part of a temporary would outlive it
        for (const Json& center : listing["centers"]) found.push_back(center["id"]);
        return found;
    };
    // An area: its morning center and the evening centers of its governorate.
    EXPECT_EQ(ids("?area=al_salam"), (std::vector<std::string>{"al-salam-morning", "hawally-evening", "salmiya-evening"}));
    EXPECT_EQ(ids("?area=al_salam&shift=morning"), (std::vector<std::string>{"al-salam-morning"}));
    EXPECT_EQ(ids("?governorate=jahra&shift=evening"), (std::vector<std::string>{"jahra-evening"}));
    EXPECT_EQ(ids("?governorate=hawalli").size(), 7u + 2u);
    EXPECT_EQ(ids("?shift=evening").size(), 10u);
    EXPECT_TRUE(ids("?area=al_salam&governorate=jahra").empty());
}

TEST(CenterListing, UnknownFiltersAreRefusedInBothLanguages) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/api/v1/centers?governorate=atlantis&area=nowhere&shift=night");
    ASSERT_EQ(reply.status, 422) << reply.body;
    const Json error = reply.json()["error"];
    std::vector<std::string> codes;
    for (const Json& field : error["fields"]) {
        codes.push_back(field["field"].get<std::string>() + " " + field["code"].get<std::string>());
        EXPECT_FALSE(field["message"]["ar"].get<std::string>().empty());
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"governorate centers.unknown_governorate", "area centers.unknown_area",
                                               "shift centers.unknown_shift"}));
    EXPECT_EQ(get(server.port(), "/api/v1/centers?area=").status, 422) << "an empty filter is not a filter";
}

TEST(CenterListing, OneCenterAndAnUnknownOne) {
    RunningServer server;
    const HttpReply reply = get(server.port(), "/api/v1/centers/al-salam-morning");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json()["center"]["model_center"], true);
    const HttpReply unknown = get(server.port(), "/api/v1/centers/atlantis-morning");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json()["error"]["code"], "center.unknown");
}

// [SECTION] Your center

TEST(YourCenter, TheDashboardNamesTheSponsorsCenters) {
    CenterServer centers;
    const Caller fatima = sign_in_caller(centers.server, centers.person("Fatima Al-Mutairi"));
    const Json sponsor = fatima.get("/api/v1/household").json()["sponsor"];
    EXPECT_EQ(sponsor["center"]["id"], "al-salam-morning");
    EXPECT_EQ(sponsor["center"]["model_center"], true);
    ASSERT_EQ(sponsor["evening_centers"].size(), 2u);
    EXPECT_EQ(sponsor["evening_centers"][0]["id"], "hawally-evening");
    EXPECT_EQ(sponsor["evening_centers"][1]["serves"], "governorate");
}

// [SECTION] The admin's edit

class CenterEdit : public ::testing::Test {
protected:
    RunningServer server;
    Caller admin = sign_in_caller(server, staff_civil_id(1), Role::admin);
    int next_key = 0;

    Json center(const std::string& id) { return get(server.port(), "/api/v1/centers/" + id).json()["center"]; }
    HttpReply edit(const std::string& id, const Json& body) {
        return admin.put("/api/v1/admin/centers/" + id, body, "edit-" + std::to_string(++next_key));
    }
    static std::vector<std::string> codes(const HttpReply& reply) {
        std::vector<std::string> found;
        const Json refused = reply.json();
        for (const Json& field : refused["error"]["fields"]) found.push_back(field["code"]);
        return found;
    }
};

TEST_F(CenterEdit, ChangesNamesHoursSlotsAndTheModelFlagAndIsAudited) {
    Json salwa = center("rumaithiya-morning");
    salwa["name"] = {{"en", "Rumaithiya and Salwa Center"}, {"ar", "مركز الرميثية وسلوى"}};
    salwa["hours"] = {{"days", {"sunday", "monday", "tuesday", "wednesday", "thursday", "saturday"}},
                      {"opens", "08:00"}, {"closes", "13:00"}};
    salwa["slots"] = {{"minutes", 20}, {"capacity", 6}};
    salwa["model_center"] = true;
    const HttpReply reply = edit("rumaithiya-morning", salwa);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(center("rumaithiya-morning"), salwa);

    Connection connection = Connection::open(server.database_file());
    Statement audit = connection.prepare("SELECT actor, details FROM audit_log WHERE action = 'center.updated'");
    ASSERT_TRUE(audit.step());
    EXPECT_EQ(audit.column_text(0), staff_civil_id(1));
    EXPECT_EQ(Json::parse(audit.column_text(1))["after"]["name"]["en"], "Rumaithiya and Salwa Center");
}

TEST_F(CenterEdit, MovesAnAreaToAnotherCenterOfItsGovernorate) {
    Json salmiya = center("salmiya-morning");
    salmiya["areas"] = {"salmiya", "salwa"};  // Salwa, until now at Rumaithiya's center
    ASSERT_EQ(edit("salmiya-morning", salmiya).status, 200);
    EXPECT_EQ(center("salmiya-morning")["areas"], Json({"salmiya", "salwa"}));
    EXPECT_EQ(center("rumaithiya-morning")["areas"], Json({"rumaithiya"}));
    const Json serving = get(server.port(), "/api/v1/centers?area=salwa&shift=morning").json()["centers"];
    ASSERT_EQ(serving.size(), 1u);
    EXPECT_EQ(serving[0]["id"], "salmiya-morning");
}

TEST_F(CenterEdit, NeverLeavesAnAreaOrACenterWithoutTheOther) {
    const Json before = center("rumaithiya-morning");
    Json dropped = before;
    dropped["areas"] = {"rumaithiya"};  // Salwa would be served by no morning center
    HttpReply reply = edit("rumaithiya-morning", dropped);
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(codes(reply), std::vector<std::string>{"center.area_unserved"});

    Json salmiya = center("salmiya-morning");
    salmiya["areas"] = {"salmiya", "rumaithiya", "salwa"};  // Rumaithiya's center would serve nothing
    reply = edit("salmiya-morning", salmiya);
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(codes(reply), std::vector<std::string>{"center.no_areas"});

    salmiya["areas"] = {"salmiya", "jahra"};  // another governorate's area
    EXPECT_EQ(codes(edit("salmiya-morning", salmiya)), std::vector<std::string>{"center.area_in_other_governorate"});
    salmiya["areas"] = {"salmiya", "atlantis"};
    EXPECT_EQ(codes(edit("salmiya-morning", salmiya)), std::vector<std::string>{"center.unknown_area"});
    EXPECT_EQ(center("rumaithiya-morning"), before) << "nothing of a refused edit is kept";
}

TEST_F(CenterEdit, RefusesBadFieldsAndWhatCannotChange) {
    Json bad = center("salmiya-morning");
    bad["shift"] = "evening";
    bad["hours"]["opens"] = "7:30";
    bad["hours"]["closes"] = "06:00";
    bad["slots"]["capacity"] = 0;
    bad["colour"] = "blue";
    HttpReply reply = edit("salmiya-morning", bad);
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(codes(reply), (std::vector<std::string>{"center.read_only", "center.unknown_field"}));

    bad.erase("shift");
    bad.erase("colour");
    reply = edit("salmiya-morning", bad);
    EXPECT_EQ(codes(reply), (std::vector<std::string>{"center.hours_time", "center.slot_capacity"}));
    const Json refused = reply.json();
    for (const Json& field : refused["error"]["fields"]) EXPECT_FALSE(field["message"]["ar"].get<std::string>().empty());

    Json evening = center("jahra-evening");
    evening["areas"] = {"jahra"};
    EXPECT_EQ(codes(edit("jahra-evening", evening)), std::vector<std::string>{"center.evening_areas"});
    EXPECT_EQ(edit("atlantis-morning", center("jahra-evening")).status, 404);
}

TEST_F(CenterEdit, IsForAdminsOnly) {
    const Caller citizen = sign_in_caller(server, staff_civil_id(2), Role::citizen);
    const Caller supervisor = sign_in_caller(server, staff_civil_id(3), Role::supervisor);
    const Json body = center("salmiya-morning");
    HttpReply reply = citizen.put("/api/v1/admin/centers/salmiya-morning", body, "k1");
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.json()["error"]["code"], "role.admin_only");
    EXPECT_EQ(supervisor.put("/api/v1/admin/centers/salmiya-morning", body, "k2").status, 403);
    EXPECT_EQ(put(server.port(), "/api/v1/admin/centers/salmiya-morning", dump(body)).status, 401);
}

}  // namespace
}  // namespace muamala::server::testing
