// The screens, one file each. draw_*: between ImGui::NewFrame() and ImGui::Render(), inside the
// page (layout.h), in the column `ui` describes. enter_*: once, when navigate() arrives at the
// screen (router.h); it starts what the screen needs, usually its data.
#pragma once

namespace muamala::client {

struct App;
struct Ui;
struct Household;

void start_session_check(App& app);  // GET /session at start: signed in from an earlier visit, or not; and GET /service
void draw_sign_in_screen(App& app, Ui& ui);       // sign_in_screen.cpp
void draw_sign_in_code_screen(App& app, Ui& ui);  // sign_in_screen.cpp

void enter_household_screen(App& app);  // household_screen.cpp
void draw_household_screen(App& app, Ui& ui);
void load_household(App& app);  // GET /household, unless already under way: the wizard needs it too

void enter_apply_screen(App& app);  // apply_screen.cpp: the wizard's questions and its check page
void draw_apply_screen(App& app, Ui& ui);

void enter_pay_screen(App& app);  // pay_screen.cpp
void draw_pay_screen(App& app, Ui& ui);

void enter_receipt_screen(App& app);  // receipt_screen.cpp
void draw_receipt_screen(App& app, Ui& ui);

void enter_history_screen(App& app);  // history_screen.cpp
void draw_history_screen(App& app, Ui& ui);

// Service centers and appointments
void draw_your_center(App& app, Ui& ui);  // centers_screen.cpp: the dashboard's "Your service center"
void enter_centers_screen(App& app);      // centers_screen.cpp: the finder
void draw_centers_screen(App& app, Ui& ui);
void enter_booking_screen(App& app);      // booking_screen.cpp: Book and Reschedule
void draw_booking_screen(App& app, Ui& ui);
void enter_appointments_screen(App& app);  // appointments_screen.cpp: Appointments and Appointment
void draw_appointments_screen(App& app, Ui& ui);
void draw_appointment_screen(App& app, Ui& ui);
// [SECTION] The staff's screens
void enter_counter_screen(App& app);  // counter_screen.cpp: an operator's counter
void draw_counter_screen(App& app, Ui& ui);

void enter_supervisor_screen(App& app);  // supervisor_screen.cpp: in person versus online
void draw_supervisor_screen(App& app, Ui& ui);

void draw_account_screen(App& app, Ui& ui);       // staff_pages.cpp: who is signed in, and what is theirs
void draw_not_for_account_screen(App& app, Ui& ui);  // staff_pages.cpp: a screen of another role

// The members' cards of a household (household_screen.cpp): the dashboard's, and the counter's for
// the household an operator serves. Their offers start the wizard.
void draw_member_cards(App& app, Ui& ui, const Household& household);

}  // namespace muamala::client
