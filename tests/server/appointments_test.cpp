// Appointments over real HTTP: the day's slots, booking with its reminder and the
// "you could do this online" answer, the refusals (full, past, unknown, outside her area, twice),
// cancel and reschedule, and a slot that many clients race for at once.
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "server/appointments/appointments.h"
#include "tests/server/service_centers_fixture.h"

namespace muamala::server::testing {
namespace {

const std::string kTomorrow = "2026-02-11";  // a Wednesday: open

class AppointmentsTest : public ::testing::Test {
protected:
    CenterServer centers;
    std::string fatima = centers.person("Fatima Al-Mutairi"), ahmed = centers.person("Ahmed Hassan"),
                omar = centers.person("Omar Ahmed");
    Caller citizen = sign_in_caller(centers.server, fatima);

    Json slots(const std::string& center, const std::string& date) {
        const HttpReply reply = get(centers.server.port(), "/api/v1/centers/" + center + "/slots?date=" + date);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json()["slots"];
    }
    std::int64_t slot_at(const std::string& center, const std::string& date, const std::string& starts) {
        for (const Json& slot : slots(center, date))
            if (slot["starts"] == starts) return slot["id"];
        ADD_FAILURE() << "no slot at " << starts;
        return 0;
    }
    Json booking(std::int64_t slot, const std::string& kind = "renew_husband_residency", std::string beneficiary = "") {
        return {{"center", "al-salam-morning"}, {"slot", slot}, {"kind", kind},
                {"beneficiary", beneficiary.empty() ? ahmed : beneficiary}};
    }
    std::int64_t appointments() { return centers.count("SELECT count(*) FROM appointments"); }
};

TEST_F(AppointmentsTest, ADayIsCutIntoSlotsFromTheCentersHours) {
    const Json day = slots("al-salam-morning", kTomorrow);
    ASSERT_EQ(day.size(), 13u) << "07:30 to 14:00 in 30-minute slots";
    EXPECT_EQ(day[0]["starts"], "07:30");
    EXPECT_EQ(day[12]["ends"], "14:00");
    EXPECT_EQ(day[0]["capacity"], 4);
    EXPECT_EQ(day[0]["available"], 4);
    EXPECT_EQ(day[0]["bookable"], true);
    // Today at 09:00 the first slots have begun; the evening shift opens at 16:00.
    const Json today = slots("al-salam-morning", "2026-02-10");
    EXPECT_EQ(today[2]["starts"], "08:30");
    EXPECT_EQ(today[2]["bookable"], false);
    EXPECT_EQ(today[4]["bookable"], true);
    EXPECT_EQ(slots("hawally-evening", kTomorrow)[0]["starts"], "16:00");
    // A Friday is closed; asking twice makes no second set of slots.
    const Json friday = get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=2026-02-13").json();
    EXPECT_EQ(friday["open"], false);
    EXPECT_TRUE(friday["slots"].empty());
    slots("al-salam-morning", kTomorrow);
    EXPECT_EQ(centers.count("SELECT count(*) FROM appointment_slots WHERE date = ?1", kTomorrow), 13 + 10);
}

TEST_F(AppointmentsTest, DatesOutsideTheWindowAndUnknownCentersAreRefused) {
    // What failed: a 422 names it in its fields, another refusal in its code.
    const auto code = [&](const std::string& path) {
        const Json error = get(centers.server.port(), path).json()["error"];
        return (error["fields"].empty() ? error["code"] : error["fields"][0]["code"]).get<std::string>();
    };
    EXPECT_EQ(code("/api/v1/centers/al-salam-morning/slots?date=2026-02-09"), "slots.date_outside_window");
    EXPECT_EQ(code("/api/v1/centers/al-salam-morning/slots?date=2026-03-13"), "slots.date_outside_window");
    EXPECT_EQ(code("/api/v1/centers/al-salam-morning/slots?date=11/02/2026"), "slots.date_invalid");
    EXPECT_EQ(code("/api/v1/centers/atlantis-morning/slots?date=2026-02-11"), "center.unknown");
    EXPECT_EQ(get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=2026-03-12").status, 200)
        << "30 days ahead is inside the window";
    // The last day is written as every screen writes a date.
    const Json outside = get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=2026-03-13").json();
    EXPECT_NE(outside["error"]["fields"][0]["message"]["en"].get<std::string>().find("12 March 2026"), std::string::npos);
    EXPECT_NE(outside["error"]["fields"][0]["message"]["ar"].get<std::string>().find("12 مارس 2026"), std::string::npos);
}

TEST_F(AppointmentsTest, BookingSaysWhetherItCouldBeDoneOnlineAndQueuesAReminder) {
    const HttpReply reply = citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", kTomorrow, "10:00")), "b-1");
    ASSERT_EQ(reply.status, 201) << reply.body;
    const Json body = reply.json();
    EXPECT_EQ(body["appointment"]["status"], "booked");
    EXPECT_EQ(body["appointment"]["center"]["id"], "al-salam-morning");
    EXPECT_EQ(body["appointment"]["slot"]["date"], kTomorrow);
    EXPECT_EQ(body["appointment"]["slot"]["starts"], "10:00");
    EXPECT_EQ(body["appointment"]["beneficiary"]["civil_id"], ahmed);
    // Ahmed's residency expires in 30 days: he can be renewed online now, and the app will offer it.
    EXPECT_EQ(body["online_possible"], true);
    EXPECT_EQ(body["decision"]["eligible"], true);
    EXPECT_EQ(body["decision"]["kind"], "renew_husband_residency");

    const Json messages = citizen.get("/api/v1/messages").json()["messages"];
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0]["kind"], "appointment_booked");
    const Json mine = citizen.get("/api/v1/appointments").json()["appointments"];
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0]["id"], body["appointment"]["id"]);
    EXPECT_EQ(slots("al-salam-morning", kTomorrow)[5]["available"], 3);
}

TEST_F(AppointmentsTest, WhatCannotBeDoneOnlineIsSaidSo) {
    // Omar's residency has years left: renewing it is not possible online now, so the visit is worth it.
    const HttpReply reply = citizen.post(
        "/api/v1/appointments", booking(slot_at("al-salam-morning", kTomorrow, "10:00"), "renew_child_residency", omar), "b-1");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json()["online_possible"], false);
    EXPECT_EQ(reply.json()["decision"]["reasons"][0]["code"], "residency.too_early");
}

TEST_F(AppointmentsTest, BadBookingsAreRefusedAndNothingIsWritten) {
    HttpReply reply = citizen.post("/api/v1/appointments",
                                   {{"center", "atlantis"}, {"slot", "ten"}, {"kind", "buy_a_house"}, {"beneficiary", "123"}},
                                   "bad-1");
    ASSERT_EQ(reply.status, 422) << reply.body;
    std::vector<std::string> fields;
    const Json refused = reply.json();  // kept: a loop over part of a temporary would outlive it
    for (const Json& field : refused["error"]["fields"])
        fields.push_back(field["field"].get<std::string>() + " " + field["code"].get<std::string>());
    EXPECT_EQ(fields, (std::vector<std::string>{"center appointment.unknown_center", "slot appointment.slot_required",
                                                "kind appointment.unknown_kind",
                                                "beneficiary appointment.not_in_household"}));
    // A slot of another center, someone else's husband.
    const std::int64_t elsewhere = slot_at("jahra-morning", kTomorrow, "10:00");
    reply = citizen.post("/api/v1/appointments", booking(elsewhere), "bad-2");
    EXPECT_EQ(reply.json()["error"]["fields"][0]["code"], "appointment.unknown_slot");
    const std::string stranger = centers.text("SELECT husband FROM marriages WHERE wife <> ?1", fatima);
    reply = citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", kTomorrow, "10:00"), "renew_husband_residency", stranger), "bad-3");
    EXPECT_EQ(reply.json()["error"]["fields"][0]["code"], "appointment.not_in_household");
    // A slot that has begun.
    reply = citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", "2026-02-10", "09:00")), "bad-4");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.json()["error"]["code"], "validation_failed") << "a 422 is read one way, however many things failed";
    EXPECT_EQ(reply.json()["error"]["fields"][0]["code"], "appointment.slot_past");
    EXPECT_FALSE(reply.json()["error"]["fields"][0]["message"]["ar"].get<std::string>().empty());
    EXPECT_EQ(appointments(), 0);
    EXPECT_EQ(centers.count("SELECT count(*) FROM outbox"), 0);
}

TEST_F(AppointmentsTest, ACenterOutsideHerAreaIsRefusedNamingHerOwn) {
    const HttpReply reply =
        citizen.post("/api/v1/appointments",
                     {{"center", "jahra-morning"}, {"slot", slot_at("jahra-morning", kTomorrow, "10:00")},
                      {"kind", "renew_husband_residency"}, {"beneficiary", ahmed}},
                     "far-1");
    ASSERT_EQ(reply.status, 422) << reply.body;
    const Json error = reply.json()["error"];
    EXPECT_EQ(error["code"], "validation_failed");
    EXPECT_EQ(error["fields"][0]["code"], "appointment.outside_area");
    EXPECT_NE(error["fields"][0]["message"]["en"].get<std::string>().find("Al-Salam Citizen Service Center"),
              std::string::npos);
    EXPECT_NE(error["fields"][0]["message"]["ar"].get<std::string>().find("السلام"), std::string::npos);
    // The evening center of her governorate serves her.
    EXPECT_EQ(citizen.post("/api/v1/appointments",
                           {{"center", "salmiya-evening"}, {"slot", slot_at("salmiya-evening", kTomorrow, "17:00")},
                            {"kind", "renew_husband_residency"}, {"beneficiary", ahmed}},
                           "near-1")
                  .status,
              201);
}

TEST_F(AppointmentsTest, AFullSlotIsRefusedAndASecondBookingOfTheSameErrandToo) {
    const std::int64_t slot = slot_at("al-salam-morning", kTomorrow, "11:00");
    {
        auto connection = centers.database.connect();
        connection->prepare("UPDATE appointment_slots SET capacity = 1 WHERE id = ?1").bind(1, slot).step();
    }
    ASSERT_EQ(citizen.post("/api/v1/appointments", booking(slot), "full-1").status, 201);
    HttpReply reply = citizen.post("/api/v1/appointments", booking(slot, "renew_child_residency", omar), "full-2");
    EXPECT_EQ(reply.status, 409);
    EXPECT_EQ(reply.json()["error"]["code"], "appointment.slot_full");
    reply = citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", kTomorrow, "12:00")), "twice-1");
    EXPECT_EQ(reply.status, 409);
    EXPECT_EQ(reply.json()["error"]["code"], "appointment.already_booked");
    EXPECT_EQ(appointments(), 1);
    // A retry of the first booking with its key gives the first answer and books nothing more.
    const HttpReply retry = citizen.post("/api/v1/appointments", booking(slot), "full-1");
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(appointments(), 1);
}

TEST_F(AppointmentsTest, CancelAndRescheduleMoveTheSeat) {
    const std::int64_t ten = slot_at("al-salam-morning", kTomorrow, "10:00"), noon = slot_at("al-salam-morning", kTomorrow, "12:00");
    const std::string id = citizen.post("/api/v1/appointments", booking(ten), "b-1").json()["appointment"]["id"];

    HttpReply moved = citizen.post("/api/v1/appointments/" + id + "/reschedule", {{"slot", noon}}, "r-1");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json()["appointment"]["slot"]["starts"], "12:00");
    const Json day = slots("al-salam-morning", kTomorrow);
    EXPECT_EQ(day[5]["available"], 4) << "10:00 is free again";
    EXPECT_EQ(day[9]["available"], 3);
    EXPECT_EQ(citizen.post("/api/v1/appointments/" + id + "/reschedule", {{"slot", noon}}, "r-2").json()["error"]["fields"][0]["code"],
              "appointment.same_slot");
    EXPECT_EQ(citizen.post("/api/v1/appointments/" + id + "/reschedule",
                           {{"slot", slot_at("al-salam-morning", "2026-02-10", "08:00")}}, "r-3")
                  .json()["error"]["fields"][0]["code"],
              "appointment.slot_past");

    const HttpReply cancelled = citizen.del("/api/v1/appointments/" + id, "c-1");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json()["appointment"]["status"], "cancelled");
    EXPECT_EQ(slots("al-salam-morning", kTomorrow)[9]["available"], 4);
    HttpReply again = citizen.del("/api/v1/appointments/" + id, "c-2");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json()["error"]["code"], "appointment.not_booked");
    again = citizen.post("/api/v1/appointments/" + id + "/reschedule", {{"slot", ten}}, "r-4");
    EXPECT_EQ(again.json()["error"]["code"], "appointment.not_booked");

    std::vector<std::string> kinds;
    const Json messages = citizen.get("/api/v1/messages").json();
    for (const Json& message : messages["messages"]) kinds.push_back(message["kind"]);
    EXPECT_EQ(kinds, (std::vector<std::string>{"appointment_cancelled", "appointment_rescheduled", "appointment_booked"}));
}

TEST_F(AppointmentsTest, TheDayBeforeAVisitStillBookedHerPhoneGetsAReminderOnce) {
    const auto book = [&](const std::string& date, const std::string& starts, const std::string& kind,
                          const std::string& beneficiary, const std::string& key) {
        const HttpReply reply = citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", date, starts), kind, beneficiary), key);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.json()["appointment"]["id"].get<std::string>();
    };
    const std::string husband = book(kTomorrow, "10:00", "renew_husband_residency", ahmed, "b-1");
    const std::string son = book(kTomorrow, "11:00", "renew_child_residency", omar, "b-2");
    book("2026-02-12", "09:00", "renew_child_licence", omar, "b-3");
    ASSERT_EQ(citizen.del("/api/v1/appointments/" + son, "c-1").status, 200);
    const auto reminders = [&] { return centers.count("SELECT count(*) FROM outbox WHERE kind = 'appointment_reminder'"); };

    // Tuesday evening: Wednesday's visit still booked is reminded, the cancelled one is not, Thursday's not yet.
    const Date tuesday{2026, 2, 10};
    EXPECT_EQ(queue_appointment_reminders(centers.database, tuesday, "2026-02-10T15:00:00Z"), 1);
    EXPECT_EQ(queue_appointment_reminders(centers.database, tuesday, "2026-02-10T16:00:00Z"), 0) << "the hourly pass again";
    EXPECT_EQ(reminders(), 1);
    const std::string body = centers.text("SELECT body_en FROM outbox WHERE kind = 'appointment_reminder'");
    EXPECT_NE(body.find("tomorrow"), std::string::npos) << body;
    EXPECT_NE(body.find("10:00"), std::string::npos) << body;
    EXPECT_NE(body.find(husband), std::string::npos) << body;

    // Moved to Thursday, it is reminded again on Wednesday, with Thursday's other visit.
    ASSERT_EQ(citizen.post("/api/v1/appointments/" + husband + "/reschedule", {{"slot", slot_at("al-salam-morning", "2026-02-12", "12:00")}}, "r-1").status, 200);
    EXPECT_EQ(queue_appointment_reminders(centers.database, tuesday, "2026-02-10T17:00:00Z"), 0);
    EXPECT_EQ(queue_appointment_reminders(centers.database, Date{2026, 2, 11}, "2026-02-11T15:00:00Z"), 2);
    EXPECT_EQ(reminders(), 3);
}

TEST_F(AppointmentsTest, AnAppointmentWhoseTimeHasComeCannotBeChanged) {
    const std::string id =
        citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", "2026-02-10", "09:30")), "b-1")
            .json()["appointment"]["id"];
    for (int step = 0; step < 3; ++step) {  // to 09:30, keeping the session from its 15-minute idle expiry
        centers.clock.advance(std::chrono::minutes(10));
        ASSERT_EQ(citizen.get("/api/v1/appointments").status, 200);
    }
    const HttpReply reply = citizen.del("/api/v1/appointments/" + id, "c-1");
    EXPECT_EQ(reply.status, 409);
    EXPECT_EQ(reply.json()["error"]["code"], "appointment.past");
}

TEST_F(AppointmentsTest, AnotherCitizenCannotSeeOrTouchHerAppointments) {
    const std::string id = citizen.post("/api/v1/appointments", booking(slot_at("al-salam-morning", kTomorrow, "10:00")), "b-1")
                               .json()["appointment"]["id"];
    const Caller other = sign_in_caller(centers.server, centers.text("SELECT wife FROM marriages WHERE wife <> ?1", fatima));
    EXPECT_EQ(other.del("/api/v1/appointments/" + id, "x-1").status, 404);
    EXPECT_EQ(other.post("/api/v1/appointments/" + id + "/reschedule", {{"slot", 1}}, "x-2").status, 404);
    EXPECT_TRUE(other.get("/api/v1/appointments").json()["appointments"].empty());
}

// [SECTION] The race for the last seats

TEST(AppointmentRace, ManyClientsAtOnceNeverOverbookASlot) {
    constexpr int kClients = 20;
    CenterServer centers(kClients);
    // Everyone lives in Al-Salam, so the model center serves them all.
    {
        auto connection = centers.database.connect();
        connection->execute("UPDATE persons SET home_area = 'al_salam'");
    }
    const Json day = get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=" + kTomorrow).json();
    const std::int64_t slot = day["slots"][0]["id"];
    const std::int64_t capacity = day["slots"][0]["capacity"];

    struct Client {
        Caller caller;
        std::string husband;
        HttpReply reply;
    };
    std::vector<Client> clients;
    {
        auto connection = centers.database.connect();
        Statement couples = connection->prepare("SELECT wife, husband FROM marriages ORDER BY wife");
        while (couples.step())
            clients.push_back({sign_in_caller(centers.server, couples.column_text(0)), couples.column_text(1), {}});
    }
    ASSERT_EQ(clients.size(), static_cast<std::size_t>(kClients));

    std::latch start(kClients);  // every thread ready before any sends: they arrive together
    std::vector<std::thread> threads;
    for (Client& client : clients)
        threads.emplace_back([&client, &start, slot] {
            start.arrive_and_wait();
            client.reply = client.caller.post("/api/v1/appointments",
                                              {{"center", "al-salam-morning"}, {"slot", slot},
                                               {"kind", "renew_husband_residency"}, {"beneficiary", client.husband}},
                                              "race-1");
        });
    for (std::thread& thread : threads) thread.join();

    int booked = 0, full = 0;
    for (const Client& client : clients) {
        if (client.reply.status == 201) ++booked;
        else if (client.reply.status == 409 && client.reply.json()["error"]["code"] == "appointment.slot_full") ++full;
        else ADD_FAILURE() << client.reply.status << " " << client.reply.body;
    }
    EXPECT_EQ(booked, capacity);
    EXPECT_EQ(full, kClients - capacity);
    EXPECT_EQ(centers.count("SELECT count(*) FROM appointments WHERE slot_id = " + std::to_string(slot)), capacity);
    EXPECT_EQ(centers.count("SELECT count(*) FROM outbox WHERE kind = 'appointment_booked'"), capacity)
        << "a refused booking leaves no reminder behind";
    const Json after = get(centers.server.port(), "/api/v1/centers/al-salam-morning/slots?date=" + kTomorrow).json();
    EXPECT_EQ(after["slots"][0]["available"], 0);
    EXPECT_EQ(after["slots"][0]["bookable"], false);
}

}  // namespace
}  // namespace muamala::server::testing
