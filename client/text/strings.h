// Every phrase of the app's own, in both languages. Messages about inputs and decisions are not
// here: they come from common/ (the same words the server sends). Plain words that say what to do
// (docs/design.md, "How errors are shown"). "{}" marks a value filled in by fill() (i18n.h).
// Digits stay Western in Arabic, as on Kuwait's government sites.
//
// [SECTION] The page
// [SECTION] Calls that fail
// [SECTION] Sign-in
// [SECTION] Household
// [SECTION] Wizard
// [SECTION] Payment
// [SECTION] Receipt
// [SECTION] History
// [SECTION] Service centers and appointments
// [SECTION] Staff: navigation and roles
// [SECTION] Staff: the counter
// [SECTION] Staff: the supervisor's figures
#pragma once
#include "client/text/i18n.h"

namespace muamala::client::strings {

// [SECTION] The page ------------------------------------------------------------------------------
inline constexpr Phrase app_name{"Muamala", "معاملة"};
inline constexpr Phrase language_name{"English", "العربية"};  // each language's own name: the toggle shows the other one
inline constexpr Phrase nav_household{"Your household", "أسرتك"};
inline constexpr Phrase nav_history{"Your transactions", "معاملاتك"};
inline constexpr Phrase sign_out{"Sign out", "تسجيل الخروج"};
inline constexpr Phrase signing_out{"Signing out…", "جارٍ تسجيل الخروج…"};
inline constexpr Phrase phase_tag{"DEMO", "تجريبي"};
inline constexpr Phrase phase_text{"A demonstration: the people are made up and payments go through a test gateway. No money moves.",
                                   "نسخة تجريبية: الأشخاص وهميون والدفع عبر بوابة اختبار. لا تُنقل أي أموال."};
inline constexpr Phrase loading{"Loading…", "جارٍ التحميل…"};
inline constexpr Phrase updating{"Updating…", "جارٍ التحديث…"};
inline constexpr Phrase error_prefix{"Error: ", "خطأ: "};
inline constexpr Phrase error_summary_title{"There is a problem", "هناك مشكلة"};
inline constexpr Phrase back{"Back", "رجوع"};
inline constexpr Phrase continue_label{"Continue", "متابعة"};
// Shown by the page itself (index.html's notice) when the app cannot start.
inline constexpr Phrase load_failed{"Could not load the page. Reload it to try again.", "تعذّر تحميل الصفحة. أعد تحميلها للمحاولة مرة أخرى."};
inline constexpr Phrase needs_webgl2{"This browser cannot show the page: it needs WebGL 2. Try an up-to-date browser.",
                                     "لا يستطيع هذا المتصفح عرض الصفحة لأنها تحتاج إلى WebGL 2. جرّب متصفحًا حديثًا."};

// [SECTION] Calls that fail -----------------------------------------------------------------------
inline constexpr Phrase unreachable{"Could not reach the server. Check your connection, then try again.",
                                    "تعذّر الوصول إلى الخادم. تحقق من اتصالك ثم حاول مرة أخرى."};
inline constexpr Phrase timed_out{"The server did not answer in time. Try again.", "لم يردّ الخادم في الوقت المحدد. حاول مرة أخرى."};
inline constexpr Phrase server_error{"Something went wrong on the server (HTTP {}). Try again in a moment.",
                                     "حدث خطأ في الخادم (HTTP {}). حاول مرة أخرى بعد قليل."};
inline constexpr Phrase unexpected_answer{"The server gave an answer this page cannot read (HTTP {}). Try again.",
                                          "أرسل الخادم ردًا لا تستطيع هذه الصفحة قراءته (HTTP {}). حاول مرة أخرى."};
inline constexpr Phrase nothing_lost{"What you entered is kept.", "ما أدخلته محفوظ."};
inline constexpr Phrase retry{"Try again", "حاول مرة أخرى"};
inline constexpr Phrase still_waiting{"Still waiting for the server…", "ما زلنا بانتظار الخادم…"};
inline constexpr Phrase session_ended{"You were signed out because the session ended. Sign in again to carry on: what you entered is kept.",
                                      "انتهت الجلسة فسُجّل خروجك. سجّل الدخول مرة أخرى لتكمل، وما أدخلته محفوظ."};

// [SECTION] Sign-in -------------------------------------------------------------------------------
inline constexpr Phrase sign_in_title{"Sign in", "تسجيل الدخول"};
inline constexpr Phrase sign_in_intro{
    "Sign in with your civil ID number and password. Next you will enter a code from the authenticator app on your phone.",
    "سجّل الدخول برقمك المدني وكلمة المرور، ثم أدخل رمزًا من تطبيق المصادقة على هاتفك."};
inline constexpr Phrase civil_id_label{"Civil ID number", "الرقم المدني"};
inline constexpr Phrase civil_id_hint{"12 digits, as printed on your civil ID card", "12 رقمًا كما هو مطبوع على بطاقتك المدنية"};
inline constexpr Phrase civil_id_valid{"A valid civil ID number (date of birth {})", "رقم مدني صحيح (تاريخ الميلاد {})"};
inline constexpr Phrase password_label{"Password", "كلمة المرور"};
inline constexpr Phrase signing_in{"Signing in…", "جارٍ تسجيل الدخول…"};
inline constexpr Phrase code_title{"Enter the code from your authenticator app", "أدخل الرمز من تطبيق المصادقة"};
inline constexpr Phrase code_intro{"Open the authenticator app on your phone. It shows a 6-digit code for Muamala that changes every 30 seconds.",
                                   "افتح تطبيق المصادقة على هاتفك. يعرض رمزًا من 6 أرقام لخدمة معاملة يتغير كل 30 ثانية."};
inline constexpr Phrase code_label{"6-digit code", "الرمز المكوّن من 6 أرقام"};
inline constexpr Phrase code_hint{"For example 123456", "مثال: 123456"};
inline constexpr Phrase sign_in_button{"Sign in", "تسجيل الدخول"};
inline constexpr Phrase sign_in_again{"Signing in took too long. Enter your civil ID number and password again.",
                                      "استغرق تسجيل الدخول وقتًا طويلًا. أدخل رقمك المدني وكلمة المرور مرة أخرى."};
inline constexpr Phrase signed_out{"You have signed out.", "تم تسجيل خروجك."};
inline constexpr Phrase signed_out_locally{
    "You have signed out on this device. The server could not be told; the session ends by itself within 15 minutes.",
    "تم تسجيل خروجك على هذا الجهاز. تعذّر إبلاغ الخادم، وستنتهي الجلسة تلقائيًا خلال 15 دقيقة."};

// [SECTION] Household -----------------------------------------------------------------------------
inline constexpr Phrase household_title{"Your household", "أسرتك"};
inline constexpr Phrase household_intro{"Each family member's documents, and what you can do for them today, {}.",
                                        "وثائق كل فرد من أسرتك وما يمكنك إنجازه له اليوم، {}."};
inline constexpr Phrase rules_in_force{"Rules in force: {}", "القواعد المعمول بها: {}"};  // the rulebook version's title
inline constexpr Phrase no_members{"No family members are registered under your sponsorship.", "لا يوجد أفراد أسرة مسجلون على كفالتك."};
inline constexpr Phrase husband{"Husband", "الزوج"};
inline constexpr Phrase son{"Son", "الابن"};
inline constexpr Phrase daughter{"Daughter", "الابنة"};
inline constexpr Phrase family_member{"Family member", "فرد من الأسرة"};
inline constexpr Phrase under_one_year{"under 1 year", "أقل من سنة"};
inline constexpr Phrase residency{"Residency", "الإقامة"};
inline constexpr Phrase driving_licence{"Driving licence", "رخصة القيادة"};
inline constexpr Phrase passport{"Passport", "جواز السفر"};
inline constexpr Phrase health_insurance{"Health insurance", "التأمين الصحي"};
inline constexpr Phrase document{"Document", "وثيقة"};
// A document's state, agreeing in Arabic with the document's gender: الإقامة and رخصة القيادة are
// feminine, جواز السفر and التأمين الصحي masculine.
inline constexpr Phrase valid_feminine{"Valid", "سارية"};
inline constexpr Phrase valid_masculine{"Valid", "ساري"};
inline constexpr Phrase expired_feminine{"Expired", "منتهية"};
inline constexpr Phrase expired_masculine{"Expired", "منتهٍ"};
inline constexpr Phrase expires_today_feminine{"Expires today", "تنتهي اليوم"};
inline constexpr Phrase expires_today_masculine{"Expires today", "ينتهي اليوم"};
inline constexpr Phrase not_available{"{}: not possible now", "{}: غير متاح الآن"};

// [SECTION] Wizard --------------------------------------------------------------------------------
inline constexpr Phrase passport_step_heading{"The new passport", "بيانات الجواز الجديد"};
inline constexpr Phrase years_hint{"From 1 to {}. {}", "من سنة واحدة إلى {}. {}"};  // the longest term, the core's hint
inline constexpr Phrase term_preview{"For {}: new expiry {}, fee {}.", "لمدة {}: تاريخ الانتهاء الجديد {}، والرسوم {}."};
inline constexpr Phrase term_preview_free{"For {}: new expiry {}, no fee.", "لمدة {}: تاريخ الانتهاء الجديد {}، بدون رسوم."};
inline constexpr Phrase check_title{"Check your answers before sending", "راجع إجاباتك قبل الإرسال"};
inline constexpr Phrase transaction_key{"Transaction", "المعاملة"};
inline constexpr Phrase for_key{"For", "المستفيد"};
inline constexpr Phrase change{"Change", "تغيير"};
// Short names of the answers on the check page (the questions themselves are common/forms.h's).
inline constexpr Phrase years_key{"Term", "المدة"};
inline constexpr Phrase phone_key{"Mobile for the SMS", "الهاتف النقال للرسالة"};
inline constexpr Phrase dates_title{"Dates", "التواريخ"};
inline constexpr Phrase current_expiry{"Expires now", "تاريخ الانتهاء الحالي"};
inline constexpr Phrase new_expiry{"New expiry", "تاريخ الانتهاء الجديد"};
inline constexpr Phrase fee_title{"Fee", "الرسوم"};
inline constexpr Phrase total{"Total", "الإجمالي"};
inline constexpr Phrase no_fee{"No fee", "بدون رسوم"};
inline constexpr Phrase amount_unconfirmed{"This amount has not been confirmed by a published text.",
                                           "لم يُؤكَّد هذا المبلغ بنص منشور."};
inline constexpr Phrase pay_next{"Next you pay through the test payment gateway. No real money moves.",
                                 "بعد ذلك تدفع عبر بوابة الدفع التجريبية. لا تُنقل أي أموال حقيقية."};
inline constexpr Phrase confirm_and_pay{"Confirm and pay {}", "تأكيد ودفع {}"};
inline constexpr Phrase confirm{"Confirm and send", "تأكيد وإرسال"};
inline constexpr Phrase sending{"Sending…", "جارٍ الإرسال…"};
inline constexpr Phrase already_sent{"You have sent this request.", "لقد أرسلت هذا الطلب."};
inline constexpr Phrase continue_to_payment{"Continue to payment", "المتابعة إلى الدفع"};
inline constexpr Phrase payments_unavailable_next{"Nothing has been sent or charged. A citizen service center can do this transaction for you.",
                                                  "لم يُرسل شيء ولم يُخصم أي مبلغ. يمكن لمركز خدمة المواطن إتمام هذه المعاملة لك."};
inline constexpr Phrase back_to_household{"Back to your household", "العودة إلى صفحة أسرتك"};

// [SECTION] Payment -------------------------------------------------------------------------------
inline constexpr Phrase pay_title{"Payment", "الدفع"};
inline constexpr Phrase pay_amount_title{"Pay {}", "ادفع {}"};
inline constexpr Phrase amount{"Amount", "المبلغ"};
inline constexpr Phrase test_tag{"TEST", "اختبار"};
inline constexpr Phrase gateway_title{"Test payment gateway", "بوابة الدفع التجريبية"};
inline constexpr Phrase gateway_explained{"It stands in for KNET while the service is a demonstration. Choose how the bank answers.",
                                          "تحل هذه البوابة محل كي نت ما دامت الخدمة تجريبية. اختر ردّ البنك."};
inline constexpr Phrase gateway_approve{"Approve payment", "الموافقة على الدفع"};
inline constexpr Phrase gateway_decline{"Decline", "رفض"};
inline constexpr Phrase gateway_timeout{"Time out", "انتهاء المهلة"};
inline constexpr Phrase paying{"Paying…", "جارٍ الدفع…"};
inline constexpr Phrase payment_declined{"The bank declined the payment.", "رفض البنك عملية الدفع."};
inline constexpr Phrase payment_timed_out{"The bank did not answer in time.", "لم يردّ البنك في الوقت المحدد."};
inline constexpr Phrase nothing_charged{"Nothing was charged. You can try again.", "لم يُخصم أي مبلغ. يمكنك المحاولة مرة أخرى."};
inline constexpr Phrase try_paying_again{"Try paying again", "أعد محاولة الدفع"};
inline constexpr Phrase already_paid{"This is paid and the transaction is complete.", "تم الدفع واكتملت المعاملة."};
inline constexpr Phrase payment_closed{"This transaction can no longer be paid: the rules no longer allow it. Nothing was charged.",
                                       "لم يعد ممكنًا دفع هذه المعاملة لأن القواعد لم تعد تسمح بها. لم يُخصم أي مبلغ."};

// [SECTION] Receipt -------------------------------------------------------------------------------
inline constexpr Phrase receipt_title{"Receipt", "الإيصال"};
inline constexpr Phrase receipt_title_with_number{"Receipt {}", "الإيصال {}"};
inline constexpr Phrase receipt_done{"Transaction complete", "اكتملت المعاملة"};
inline constexpr Phrase receipt_number{"Your receipt number", "رقم إيصالك"};
inline constexpr Phrase receipt_sms{"We have sent an SMS with the new expiry and this number to {}.",
                                    "أرسلنا رسالة نصية بتاريخ الانتهاء الجديد وبهذا الرقم إلى {}."};  // the mobile number
inline constexpr Phrase civil_id_ending{"Civil ID", "الرقم المدني"};
inline constexpr Phrase previous_expiry{"Previous expiry", "تاريخ الانتهاء السابق"};
inline constexpr Phrase fee_paid{"Fee paid", "الرسوم المدفوعة"};
inline constexpr Phrase issued{"Issued", "تاريخ الإصدار"};
inline constexpr Phrase channel{"Where", "مكان الإنجاز"};
inline constexpr Phrase channel_online{"Online", "عبر الإنترنت"};
inline constexpr Phrase channel_center{"At a service center", "في مركز خدمة"};
inline constexpr Phrase check_receipt_title{"Check this receipt", "التحقق من الإيصال"};
inline constexpr Phrase check_receipt_text{
    "Scan the code with a phone camera, or open the address below: it shows this receipt and whether its signature holds.",
    "امسح الرمز بكاميرا الهاتف أو افتح العنوان أدناه: يعرض هذا الإيصال ويبيّن صحة توقيعه."};
inline constexpr Phrase print_receipt{"Print or save as PDF", "طباعة أو حفظ بصيغة PDF"};
inline constexpr Phrase see_receipt{"See the receipt", "عرض الإيصال"};
inline constexpr Phrase see_all_transactions{"See all your transactions", "عرض جميع معاملاتك"};

// [SECTION] History -------------------------------------------------------------------------------
inline constexpr Phrase history_title{"Your transactions", "معاملاتك"};
inline constexpr Phrase no_transactions{"You have not made any transactions yet.", "لم تُجرِ أي معاملة بعد."};
inline constexpr Phrase status_completed{"Completed", "مكتملة"};
inline constexpr Phrase status_awaiting_payment{"Waiting for payment", "بانتظار الدفع"};
inline constexpr Phrase status_failed{"Not completed", "لم تكتمل"};
inline constexpr Phrase sent_on{"Sent {}", "أُرسلت في {}"};
inline constexpr Phrase new_expiry_on{"new expiry {}", "تاريخ الانتهاء الجديد {}"};
inline constexpr Phrase pay_now{"Pay now", "ادفع الآن"};

// [SECTION] Service centers and appointments ------------------------------------------------------
inline constexpr Phrase nav_appointments{"Your appointments", "مواعيدك"};
inline constexpr Phrase your_center_title{"Your service center", "مركز الخدمة الخاص بك"};
inline constexpr Phrase your_center_intro{"If you prefer a visit, the citizen service center of your area ({}) does the same transactions.",
                                          "إن فضّلت الزيارة، فمركز خدمة المواطن في منطقتك ({}) ينجز المعاملات نفسها."};
inline constexpr Phrase no_home_area{"Your home area is not recorded, so no center is assigned to you. You can still find a center.",
                                     "منطقة سكنك غير مسجلة، لذلك لم يُحدَّد لك مركز. ما زال بإمكانك البحث عن مركز."};
inline constexpr Phrase model_center{"Model center", "مركز نموذجي"};
inline constexpr Phrase hours_line{"{}, {} to {}", "{}، من {} إلى {}"};  // days, opens, closes
inline constexpr Phrase days_range{"{} to {}", "من {} إلى {}"};
inline constexpr Phrase evening_alternative{"In the evening: {}", "في المساء: {}"};
inline constexpr Phrase book_visit{"Book a visit", "احجز موعد زيارة"};
inline constexpr Phrase find_center{"Find another center", "ابحث عن مركز آخر"};
inline constexpr Phrase serves_your_area{"Serves your area", "يخدم منطقتك"};
inline constexpr Phrase areas_served{"Areas: {}", "المناطق: {}"};
inline constexpr Phrase serves_governorate{"Serves every area of {} governorate", "يخدم جميع مناطق محافظة {}"};
inline constexpr Phrase list_separator{", ", "، "};

inline constexpr Phrase finder_title{"Find a service center", "البحث عن مركز خدمة"};
inline constexpr Phrase governorate_label{"Governorate", "المحافظة"};
inline constexpr Phrase area_label{"Area", "المنطقة"};
inline constexpr Phrase area_hint{"Choose a governorate first to see its areas.", "اختر المحافظة أولًا لتظهر مناطقها."};
inline constexpr Phrase shift_label{"Opening time", "فترة العمل"};
inline constexpr Phrase any{"Any", "الكل"};
inline constexpr Phrase your_area_choice{"Your area ({})", "منطقتك ({})"};
inline constexpr Phrase centers_found{"{} centers", "عدد المراكز: {}"};
inline constexpr Phrase one_center_found{"1 center", "مركز واحد"};
inline constexpr Phrase no_centers_found{"No center matches these choices. Choose Any for one of them.",
                                         "لا يوجد مركز يطابق هذه الاختيارات. اختر «الكل» في أحدها."};
inline constexpr Phrase book_here{"Book a visit here", "احجز موعدًا هنا"};

inline constexpr Phrase book_title{"Book a visit", "حجز موعد زيارة"};
inline constexpr Phrase reschedule_title{"Choose another time", "اختر موعدًا آخر"};
inline constexpr Phrase purpose_question{"What is the visit for?", "ما الغرض من الزيارة؟"};
inline constexpr Phrase purpose_option{"{} — {}", "{} — {}"};  // transaction, member
inline constexpr Phrase purpose_required{"Choose what the visit is for", "اختر الغرض من الزيارة"};
inline constexpr Phrase no_purposes{"No family member is registered under your sponsorship, so there is nothing to book a visit for.",
                                    "لا يوجد أفراد أسرة مسجلون على كفالتك، فلا توجد معاملة لحجز زيارة لها."};
inline constexpr Phrase online_now_title{"You can do this online now, without a visit", "يمكنك إنجاز هذه المعاملة الآن عبر الإنترنت دون زيارة"};
inline constexpr Phrase online_now_text{"{} for {} takes a few minutes here, and the new document is issued at once.",
                                        "{} لـ {} تستغرق بضع دقائق هنا، وتصدر الوثيقة الجديدة فورًا."};
inline constexpr Phrase do_it_online{"Do it online now", "أنجزها الآن عبر الإنترنت"};
inline constexpr Phrase book_anyway{"Book a visit anyway", "احجز زيارة على أي حال"};
inline constexpr Phrase not_online_title{"This cannot be done online now", "لا يمكن إنجاز هذه المعاملة عبر الإنترنت الآن"};
inline constexpr Phrase day_question{"Which day?", "أي يوم؟"};
inline constexpr Phrase day_option{"{} {}", "{} {}"};  // weekday, date
inline constexpr Phrase time_question{"What time?", "في أي وقت؟"};
inline constexpr Phrase time_required{"Choose a time", "اختر وقتًا"};
inline constexpr Phrase slot_places{"{} to {} ({} left)", "من {} إلى {} (متبقٍ {})"};
inline constexpr Phrase slot_one_place{"{} to {} (1 left)", "من {} إلى {} (متبقٍ 1)"};
inline constexpr Phrase slot_full{"{} to {} (fully booked)", "من {} إلى {} (محجوز بالكامل)"};
inline constexpr Phrase slot_begun{"{} to {} (too late)", "من {} إلى {} (فات الموعد)"};
inline constexpr Phrase slot_current{"{} to {} (your appointment now)", "من {} إلى {} (موعدك الحالي)"};
inline constexpr Phrase closed_that_day{"The center is closed that day. Choose another day.", "المركز مغلق في ذلك اليوم. اختر يومًا آخر."};
inline constexpr Phrase no_times_left{"No times are left that day. Choose another day.", "لا توجد أوقات متاحة في ذلك اليوم. اختر يومًا آخر."};
inline constexpr Phrase book_button{"Book this visit", "احجز هذه الزيارة"};
inline constexpr Phrase move_button{"Move my appointment", "انقل موعدي"};
inline constexpr Phrase booking{"Booking…", "جارٍ الحجز…"};
inline constexpr Phrase unknown_center{"This service center is not in the directory.", "مركز الخدمة هذا غير موجود في الدليل."};
inline constexpr Phrase unknown_appointment{"This appointment is not among yours.", "هذا الموعد ليس من مواعيدك."};
inline constexpr Phrase center_key{"Center", "المركز"};
inline constexpr Phrase date_key{"Date", "التاريخ"};
inline constexpr Phrase time_key{"Time", "الوقت"};
inline constexpr Phrase time_value{"{} to {}", "من {} إلى {}"};
inline constexpr Phrase reference_key{"Reference", "رقم المرجع"};

inline constexpr Phrase booked_title{"Visit booked", "تم حجز الزيارة"};
inline constexpr Phrase moved_title{"Appointment moved", "تم نقل الموعد"};
inline constexpr Phrase your_reference{"Your reference", "رقم مرجعك"};
inline constexpr Phrase appointment_title{"Your appointment", "موعدك"};
inline constexpr Phrase what_to_bring_title{"What to bring", "ما يجب إحضاره"};
inline constexpr Phrase bring_your_id{"Your own civil ID card.", "بطاقتك المدنية."};
inline constexpr Phrase bring_their_id{"The civil ID card and passport of {}.", "البطاقة المدنية وجواز سفر {}."};
inline constexpr Phrase bring_insurance{"Proof of valid health insurance for {}.", "ما يثبت سريان التأمين الصحي لـ {}."};
inline constexpr Phrase bring_birth_certificate{"The birth certificate of {}.", "شهادة ميلاد {}."};
inline constexpr Phrase bring_licence{"The current driving licence of {}.", "رخصة القيادة الحالية لـ {}."};
inline constexpr Phrase bring_reference{"This reference, {}, on paper or on your phone.", "رقم المرجع هذا {}، مطبوعًا أو على هاتفك."};
inline constexpr Phrase sms_sent{"We have sent a confirmation by SMS to {}, and will send a reminder the day before.",
                                 "أرسلنا إليك تأكيدًا برسالة نصية إلى {}، وسنرسل تذكيرًا قبل الموعد بيوم."};
inline constexpr Phrase sms_simulated{"This is a demonstration: the SMS is simulated. The server records it, but no message reaches a phone.",
                                      "هذه نسخة تجريبية: الرسالة النصية محاكاة، يسجّلها الخادم لكنها لا تصل إلى أي هاتف."};
inline constexpr Phrase still_online{"You could still do this online instead, without a visit. If you do, cancel this appointment.",
                                     "ما زال بإمكانك إنجاز هذه المعاملة عبر الإنترنت دون زيارة. إن فعلت، فألغِ هذا الموعد."};

inline constexpr Phrase appointments_title{"Your appointments", "مواعيدك"};
inline constexpr Phrase no_appointments{"You have no appointments.", "ليست لديك مواعيد."};
inline constexpr Phrase status_booked{"Booked", "محجوز"};
inline constexpr Phrase status_cancelled{"Cancelled", "ملغى"};
inline constexpr Phrase status_checked_in{"Checked in", "تم الحضور"};
inline constexpr Phrase status_missed{"Past", "انقضى"};
inline constexpr Phrase change_time{"Change the time", "تغيير الوقت"};
inline constexpr Phrase cancel_appointment{"Cancel", "إلغاء"};
inline constexpr Phrase cancel_question{"Cancel this appointment? The time is given back to others.",
                                        "هل تريد إلغاء هذا الموعد؟ سيُتاح الوقت لغيرك."};
inline constexpr Phrase yes_cancel{"Yes, cancel it", "نعم، ألغِه"};
inline constexpr Phrase no_keep{"No, keep it", "لا، أبقِه"};
inline constexpr Phrase cancelling{"Cancelling…", "جارٍ الإلغاء…"};
inline constexpr Phrase cancelled_notice{"Your appointment is cancelled. We have sent you an SMS (simulated in this demonstration).",
                                         "تم إلغاء موعدك. أرسلنا إليك رسالة نصية (محاكاة في هذه النسخة التجريبية)."};
inline constexpr Phrase see_appointments{"See all your appointments", "عرض جميع مواعيدك"};
// [SECTION] Staff: navigation and roles -----------------------------------------------------------
inline constexpr Phrase nav_counter{"The counter", "الكاونتر"};
inline constexpr Phrase nav_figures{"Figures", "المؤشرات"};
inline constexpr Phrase nav_account{"Your account", "حسابك"};
inline constexpr Phrase back_to_counter{"Back to the counter", "العودة إلى الكاونتر"};
inline constexpr Phrase not_for_account_title{"This page is not for your account", "هذه الصفحة ليست لحسابك"};
inline constexpr Phrase not_for_account_text{"The address you opened belongs to another kind of account. Nothing was shown or changed.",
                                             "العنوان الذي فتحته خاص بنوع آخر من الحسابات. لم يُعرض أو يُغيَّر أي شيء."};
inline constexpr Phrase go_to_your_start{"Go to your first page", "الانتقال إلى صفحتك الأولى"};
inline constexpr Phrase account_title{"Your account", "حسابك"};
inline constexpr Phrase signed_in_as{"Signed in as", "مسجّل الدخول باسم"};
inline constexpr Phrase role_key{"Role", "الدور"};
inline constexpr Phrase role_citizen{"Citizen", "مواطن"};
inline constexpr Phrase role_operator{"Center operator", "موظف مركز خدمة"};
inline constexpr Phrase role_supervisor{"Supervisor", "مشرف"};
inline constexpr Phrase role_admin{"Administrator", "مسؤول النظام"};
inline constexpr Phrase admin_here{"This app has no screen for administrators yet. Service centers are edited through the API (PUT /api/v1/admin/centers/{id}), as the README explains.",
                                   "لا توجد في هذا التطبيق بعد شاشة لمسؤولي النظام. تُعدَّل مراكز الخدمة عبر واجهة البرمجة (PUT /api/v1/admin/centers/{id}) كما يشرح ملف README."};

// [SECTION] Staff: the counter --------------------------------------------------------------------
inline constexpr Phrase counter_title{"The counter", "الكاونتر"};
inline constexpr Phrase shift_morning{"Morning shift", "الفترة الصباحية"};
inline constexpr Phrase shift_evening{"Evening shift", "الفترة المسائية"};
inline constexpr Phrase opening_hours{"{}, {} to {}", "{}، من {} إلى {}"};  // shift, opens, closes
inline constexpr Phrase serve_title{"Serve a sponsor", "خدمة كفيل"};
inline constexpr Phrase sponsor_civil_id_label{"The sponsor's civil ID number", "الرقم المدني للكفيل"};
inline constexpr Phrase sponsor_civil_id_hint{"12 digits, from the civil ID card the visitor hands you", "12 رقمًا من البطاقة المدنية التي يقدّمها المراجع"};
inline constexpr Phrase look_up{"Look up", "بحث"};
inline constexpr Phrase looking_up{"Looking up…", "جارٍ البحث…"};
inline constexpr Phrase serving_household{"Household of {}", "أسرة {}"};
inline constexpr Phrase serving_intro{"Each member's documents and what can be done for them today, {}. Done here, it is recorded as done at this center, by you.",
                                      "وثائق كل فرد وما يمكن إنجازه له اليوم، {}. ما يُنجز هنا يُسجَّل على هذا المركز وباسمك."};
inline constexpr Phrase counter_receipt_number{"The receipt number", "رقم الإيصال"};  // the sponsor's, not the operator's
inline constexpr Phrase counter_receipt_sms{"An SMS with the new expiry and this number goes to the mobile number given in the form, and the sponsor can print the receipt, with its QR code, from her own account.",
                                            "تصل رسالة نصية بتاريخ الانتهاء الجديد وبهذا الرقم إلى رقم الهاتف النقال المذكور في الطلب، ويمكن للكفيلة طباعة الإيصال مع رمز QR من حسابها."};
inline constexpr Phrase queue_title{"Today's queue", "طابور اليوم"};
inline constexpr Phrase issue_ticket{"Issue a walk-in ticket", "إصدار تذكرة لمراجع بدون موعد"};
inline constexpr Phrase issuing{"Issuing…", "جارٍ الإصدار…"};
inline constexpr Phrase ticket_issued{"Ticket {} issued. Call it out to the visitor.", "صدرت التذكرة {}. نادِ المراجع بها."};
inline constexpr Phrase tickets_title{"Tickets", "التذاكر"};
inline constexpr Phrase no_tickets{"No tickets yet today.", "لا توجد تذاكر اليوم بعد."};
inline constexpr Phrase ticket_line{"Ticket {} · {} · {}", "التذكرة {} · {} · {}"};  // number, source, time
inline constexpr Phrase walk_in{"Walk-in", "بدون موعد"};
inline constexpr Phrase by_appointment{"Appointment", "بموعد"};
inline constexpr Phrase appointments_today{"Appointments today", "مواعيد اليوم"};
inline constexpr Phrase no_appointments_today{"No appointments today.", "لا توجد مواعيد اليوم."};
inline constexpr Phrase appointment_line{"{}–{} · {} for {} (sponsor {})", "{}–{} · {} لـ {} (الكفيل {})"};
inline constexpr Phrase check_in{"Check in", "تسجيل الحضور"};
inline constexpr Phrase checking_in{"Checking in…", "جارٍ تسجيل الحضور…"};
inline constexpr Phrase refresh_queue{"Refresh the queue", "تحديث الطابور"};

// [SECTION] Staff: the supervisor's figures -------------------------------------------------------
inline constexpr Phrase figures_title{"In person or online", "حضوريًا أم عبر الإنترنت"};
inline constexpr Phrase figures_intro{"How much of the work still comes through a center's door, and how fast that share falls toward the day no one has to come.",
                                      "كم من المعاملات ما زال يتم بالحضور إلى المراكز، وبأي سرعة تنخفض هذه النسبة نحو يوم لا يحتاج فيه أحد إلى الحضور."};
inline constexpr Phrase synthetic_tag{"SYNTHETIC DATA", "بيانات مصطنعة"};
inline constexpr Phrase synthetic_text{"The history below is made up by the demo seed to show the trend. It is not real attendance.",
                                       "السجل أدناه مصطنع أنشأته البيانات التجريبية لعرض الاتجاه، وليس حضورًا حقيقيًا."};
inline constexpr Phrase headline_title{"At a glance", "نظرة سريعة"};
inline constexpr Phrase baseline_key{"Before e-services ({} to {})", "قبل الخدمات الإلكترونية ({} إلى {})"};
inline constexpr Phrase baseline_value{"{} in person, {} visits a month", "{} حضوريًا، {} مراجعة شهريًا"};
inline constexpr Phrase current_key{"Last complete month ({})", "آخر شهر مكتمل ({})"};
inline constexpr Phrase current_value{"{} in person ({} of {})", "{} حضوريًا ({} من {})"};
inline constexpr Phrase visits_change_key{"Visits against the baseline", "المراجعات مقارنة بخط الأساس"};
inline constexpr Phrase trend_key{"Trend", "الاتجاه"};
inline constexpr Phrase trend_value{"{} points a month", "{} نقطة شهريًا"};
inline constexpr Phrase zero_key{"Projected month of no visits", "الشهر المتوقع لانعدام المراجعات"};
inline constexpr Phrase zero_never{"Not in sight: the share is not falling", "غير منظور: النسبة لا تنخفض"};
inline constexpr Phrase trend_method{
    "The trend is a straight line (least squares) through the share done in person of each complete month since e-services "
    "began. The month of no visits is where that line reaches zero, if the trend holds.",
    "الاتجاه خط مستقيم (المربعات الصغرى) عبر نسبة المعاملات الحضورية في كل شهر مكتمل منذ بدء الخدمات الإلكترونية. "
    "شهر انعدام المراجعات هو حيث يبلغ هذا الخط الصفر، إذا استمر الاتجاه."};
inline constexpr Phrase if_trend_holds{"{}, if the trend holds", "{} إذا استمر الاتجاه"};
inline constexpr Phrase by_month_title{"Share done in person, by month", "نسبة المعاملات الحضورية شهريًا"};
inline constexpr Phrase chart_legend{"Each bar is a month's share done in person; the dashed line is the trend.",
                                     "كل عمود نسبة المعاملات الحضورية في شهر، والخط المتقطع هو الاتجاه."};
inline constexpr Phrase month_under_way{"{} (under way)", "{} (جارٍ)"};
inline constexpr Phrase column_month{"Month", "الشهر"};
inline constexpr Phrase column_in_person{"In person", "حضوريًا"};
inline constexpr Phrase column_online{"Online", "عبر الإنترنت"};
inline constexpr Phrase column_share{"Share in person", "النسبة الحضورية"};
inline constexpr Phrase column_kind{"Transaction", "المعاملة"};
inline constexpr Phrase column_center{"Center", "المركز"};
inline constexpr Phrase column_online_in_areas{"Online, its areas", "عبر الإنترنت في مناطقه"};
inline constexpr Phrase by_kind_title{"By transaction", "حسب المعاملة"};
inline constexpr Phrase by_center_title{"By center", "حسب المركز"};
inline constexpr Phrase no_figures{"No completed transactions yet: nothing to show.", "لا توجد معاملات مكتملة بعد: لا شيء للعرض."};

}  // namespace muamala::client::strings
