#include "common/reasons.h"

#include <cstdio>

#include "common/calendar_words.h"
#include "common/counting.h"

namespace muamala {
namespace {

// Placeholders: {amount} money, {date} a date in words, {n} a bare number, {days} {months} {years} the
// number with its noun (counting.h), {name} a field or registry path.
struct ReasonText {
    std::string_view code;
    std::string_view en;
    std::string_view ar;
};

constexpr ReasonText kReasons[] = {
    // [SECTION] The request itself
    {"request.unknown_kind", "Muamala does not offer this transaction. Choose one from the list",
     "هذه المعاملة غير متاحة في معاملة. اختر معاملة من القائمة"},
    {"request.invalid_field", "The request is missing {name} or it has the wrong form",
     "الطلب ينقصه {name} أو أن صيغته غير صحيحة"},
    // A record the server sent (common/wire_records.h) that does not read as the API describes it.
    {"record.invalid", "The record is missing {name} or it has the wrong form", "السجل ينقصه {name} أو أن صيغته غير صحيحة"},
    {"rulebook.no_version", "No rulebook covers {date}, so a transaction dated then cannot be decided",
     "لا توجد قواعد تغطي تاريخ {date}، فلا يمكن البت في معاملة بهذا التاريخ"},
    {"rulebook.not_offered", "This transaction is not offered under the rules in force on {date}",
     "هذه المعاملة غير متاحة وفق القواعد المعمول بها في {date}"},
    // [SECTION] Registry data
    {"registry.invalid", "The registry record is incomplete or contradictory ({name}). Ask a service center to correct it",
     "سجل البيانات ناقص أو متناقض ({name}). اطلب من مركز الخدمة تصحيحه"},
    {"registry.sponsor_missing", "The sponsor's civil ID is not in the registry. Check the number",
     "الرقم المدني للكفيلة غير موجود في السجل. تحقق من الرقم"},
    {"registry.beneficiary_missing", "The family member's civil ID is not in the registry. Check the number",
     "الرقم المدني لفرد الأسرة غير موجود في السجل. تحقق من الرقم"},
    {"registry.birth_date_mismatch", "The birth date of {name} does not match the civil ID. Ask a service center to correct the record",
     "تاريخ ميلاد {name} لا يطابق الرقم المدني. اطلب من مركز الخدمة تصحيح السجل"},
    {"registry.born_after_today", "The registry gives {name} a birth date after today. Ask a service center to correct the record",
     "يذكر السجل تاريخ ميلاد لـ {name} بعد تاريخ اليوم. اطلب من مركز الخدمة تصحيح السجل"},
    {"registry.document_dates", "A document of {name} ends before it was issued. Ask a service center to correct the record",
     "تنتهي إحدى وثائق {name} قبل تاريخ إصدارها. اطلب من مركز الخدمة تصحيح السجل"},
    {"registry.mother_younger_than_child", "The registry gives the mother a birth date after her child's. Ask a service center to correct the record",
     "يذكر السجل تاريخ ميلاد للأم بعد تاريخ ميلاد ابنها. اطلب من مركز الخدمة تصحيح السجل"},
    // [SECTION] Registry import: a line of the registry file (one household) that cannot be taken
    {"registry.line_not_json", "The line is not one JSON object ({name})", "السطر ليس كائن JSON واحدًا ({name})"},
    {"registry.line_too_long", "The line is longer than {n} bytes: a household never needs that much",
     "السطر أطول من {n} بايت: لا تحتاج أي أسرة إلى ذلك"},
    {"registry.unknown_field", "{name} is not part of the registry format: check its spelling, or leave it out",
     "{name} ليس من حقول صيغة السجل: تحقق من كتابته أو احذفه"},
    {"registry.unknown_country", "{name} is not a country code (ISO 3166-1 alpha-3, such as EGY)",
     "{name} ليس رمز دولة (ISO 3166-1 من ثلاثة أحرف، مثل EGY)"},
    {"registry.unknown_area", "{name} is not a residential area of Kuwait that Muamala knows",
     "{name} ليست منطقة سكنية في الكويت تعرفها معاملة"},
    {"registry.duplicate_person", "{name} appears twice in the household's persons", "{name} مذكور مرتين في أفراد الأسرة"},
    {"registry.unknown_person", "{name} names a person who is not among the household's persons",
     "{name} يشير إلى شخص ليس من أفراد الأسرة المذكورين"},
    {"registry.no_sponsor", "The household has no sponsor: one Kuwaiti woman must be the wife in its marriages and the mother in its parents",
     "ليس للأسرة كفيلة: يجب أن تكون امرأة كويتية واحدة الزوجة في عقود الزواج والأم في بيانات الأبناء"},
    {"registry.several_sponsors", "The household has more than one sponsor ({name}): a line holds one household",
     "للأسرة أكثر من كفيلة ({name}): السطر الواحد لأسرة واحدة"},
    {"registry.sponsor_not_kuwaiti_woman", "The sponsor {name} is not a Kuwaiti woman", "الكفيلة {name} ليست امرأة كويتية"},
    {"registry.not_related", "{name} is neither the sponsor's husband nor her child", "{name} ليس زوج الكفيلة ولا أحد أبنائها"},
    {"registry.not_stored", "The database refused the household, and nothing of it was stored ({name})",
     "رفضت قاعدة البيانات بيانات الأسرة، ولم يُحفظ منها شيء ({name})"},
    {"registry.residency_sponsor", "The residency of {name} names a sponsor other than the household's",
     "إقامة {name} تذكر كفيلًا غير كفيلة الأسرة"},
    // [SECTION] Who may ask
    {"actor.not_sponsor", "Only the sponsor herself can ask online, or a service center operator on her behalf",
     "لا يقدّم الطلب إلكترونيًا إلا الكفيلة نفسها، أو موظف مركز الخدمة نيابةً عنها"},
    {"sponsor.not_kuwaiti_woman", "This service is for Kuwaiti women sponsoring their family, and the sponsor is not recorded as one",
     "هذه الخدمة للمواطنات الكويتيات الكفيلات لأسرهن، والكفيلة غير مسجلة كذلك"},
    {"relation.not_husband", "The registry has no marriage between the sponsor and this person",
     "لا يوجد في السجل عقد زواج بين الكفيلة وهذا الشخص"},
    {"relation.marriage_ended", "The marriage is recorded as ended, so the residency cannot be renewed on it. Visit a service center to review the options",
     "الزواج مسجل على أنه منتهٍ، فلا يمكن تجديد الإقامة على أساسه. راجع مركز الخدمة لمعرفة الخيارات"},
    {"relation.not_child", "The registry does not list the sponsor as this person's mother",
     "لا يذكر السجل أن الكفيلة والدة هذا الشخص"},
    {"relation.not_family", "The registry lists this person neither as the sponsor's husband nor as her child",
     "لا يذكر السجل هذا الشخص زوجًا للكفيلة ولا ابنًا لها"},
    {"beneficiary.kuwaiti", "This person is Kuwaiti and needs no residency",
     "هذا الشخص كويتي ولا يحتاج إلى إقامة"},
    // [SECTION] Holds and dues
    {"hold.security", "A hold is registered on this person, so the transaction cannot go on. Contact the Ministry of Interior",
     "يوجد قيد مسجل على هذا الشخص، فلا يمكن إتمام المعاملة. تواصل مع وزارة الداخلية"},
    {"fines.traffic", "Pay the traffic fines of {amount} first, in the Sahel app or at a service center",
     "ادفع المخالفات المرورية البالغة {amount} أولًا، عبر تطبيق سهل أو في مركز الخدمة"},
    {"dues.utility", "Pay the electricity and water dues of {amount} first",
     "ادفع مستحقات الكهرباء والماء البالغة {amount} أولًا"},
    {"abroad.outside_kuwait", "The person is recorded outside Kuwait since {date}. Renew once they are back in Kuwait",
     "الشخص مسجل خارج الكويت منذ {date}. جدّد بعد عودته إلى الكويت"},
    {"abroad.residency_lapsed", "The residency lapsed after more than {days} outside Kuwait (since {date}). A new residency is needed: visit a service center",
     "سقطت الإقامة بعد أكثر من {days} خارج الكويت (منذ {date}). يلزم إصدار إقامة جديدة: راجع مركز الخدمة"},
    // [SECTION] Employment
    {"employment.government", "This person is recorded as working for the government, so their residency is a work residency, not a family one. The employing ministry applies for it, through the Civil Service Commission",
     "هذا الشخص مسجل موظفًا حكوميًا، فإقامته إقامة عمل لا إقامة عائلية. تتقدم بها الجهة الحكومية التي يعمل لديها، عن طريق ديوان الخدمة المدنية"},
    {"employment.private_sector", "This person is recorded as working for a private employer, so their residency is a work residency, not a family one. The employer applies for it, through the Public Authority for Manpower",
     "هذا الشخص مسجل عاملًا لدى جهة خاصة، فإقامته إقامة عمل لا إقامة عائلية. يتقدم بها صاحب العمل، عن طريق الهيئة العامة للقوى العاملة"},
    // [SECTION] Residency
    {"residency.missing", "There is no residency to renew. For a first residency, visit a service center",
     "لا توجد إقامة لتجديدها. لإصدار أول إقامة راجع مركز الخدمة"},
    {"residency.other_sponsor", "This residency is sponsored by someone else. A change of sponsor is done at a service center",
     "هذه الإقامة على كفالة شخص آخر. يتم تحويل الكفالة في مركز الخدمة"},
    {"residency.too_early", "The residency can be renewed from {date}, {days} before it expires",
     "يمكن تجديد الإقامة اعتبارًا من {date}، أي قبل انتهائها بـ {days}"},
    {"residency.expired", "The residency expired on {date}. Renew the residency first",
     "انتهت الإقامة في {date}. جدّد الإقامة أولًا"},
    {"residency.limits_licence", "The residency expires on {date}, so the licence cannot be extended: a licence never outlasts the residency. Renew the residency first",
     "تنتهي الإقامة في {date}، فلا يمكن تمديد الرخصة لأنها لا تتجاوز مدة الإقامة. جدّد الإقامة أولًا"},
    {"newborn.has_residency", "This child already has a residency. Choose the child's residency renewal instead",
     "لهذا الطفل إقامة بالفعل. اختر تجديد إقامة الابن بدلًا من ذلك"},
    {"child.son_over_age", "Sons aged {n} and over need a residency of their own (work or study). Visit a service center",
     "يحتاج الأبناء الذكور من سن {n} فما فوق إلى إقامة مستقلة (عمل أو دراسة). راجع مركز الخدمة"},
    // [SECTION] Passport and health insurance
    {"passport.missing", "No passport is recorded for this person. Register the passport at a service center first",
     "لا يوجد جواز سفر مسجل لهذا الشخص. سجّل الجواز في مركز الخدمة أولًا"},
    {"passport.expired", "The passport expired on {date}. Renew the passport first",
     "انتهى جواز السفر في {date}. جدّد الجواز أولًا"},
    {"passport.too_short", "The passport must stay valid for at least {months}, until {date}. Renew the passport first",
     "يجب أن يكون جواز السفر صالحًا {months} على الأقل، حتى {date}. جدّد الجواز أولًا"},
    {"passport.limits_term", "The passport expires on {date}, so the residency cannot be extended. Renew the passport first",
     "ينتهي جواز السفر في {date}، فلا يمكن تمديد الإقامة. جدّد الجواز أولًا"},
    {"insurance.missing", "No health insurance is recorded for this person. Buy health insurance first",
     "لا يوجد تأمين صحي مسجل لهذا الشخص. اشترِ التأمين الصحي أولًا"},
    {"insurance.expired", "The health insurance ended on {date}. Renew the health insurance first",
     "انتهى التأمين الصحي في {date}. جدّد التأمين الصحي أولًا"},
    {"insurance.limits_term", "The health insurance ends on {date}, so the residency cannot be extended. Renew the health insurance first",
     "ينتهي التأمين الصحي في {date}، فلا يمكن تمديد الإقامة. جدّد التأمين الصحي أولًا"},
    // [SECTION] Driving licence
    {"licence.missing", "There is no driving licence to renew. A first licence is issued by the traffic department after the test",
     "لا توجد رخصة قيادة لتجديدها. تصدر أول رخصة من إدارة المرور بعد الاختبار"},
    {"licence.under_age", "A licence holder must be at least {n} years old. Ask a service center to correct the record",
     "يجب ألا يقل عمر حامل الرخصة عن {n} عامًا. اطلب من مركز الخدمة تصحيح السجل"},
    {"licence.too_early", "The licence can be renewed from {date}, {months} before it expires",
     "يمكن تجديد الرخصة اعتبارًا من {date}، أي قبل انتهائها بـ {months}"},
    // [SECTION] Moving a residency to a new passport
    {"transfer.same_passport", "The residency is already on this passport. Enter the new passport's number",
     "الإقامة مسجلة على هذا الجواز بالفعل. أدخل رقم الجواز الجديد"},
    {"transfer.new_passport_too_short", "The new passport must be valid for at least {months}, until {date}. Check its expiry date",
     "يجب أن يكون الجواز الجديد صالحًا {months} على الأقل، حتى {date}. تحقق من تاريخ انتهائه"},
    // [SECTION] Form fields
    {"form.years_missing", "Choose how many years to renew for", "اختر عدد سنوات التجديد"},
    {"form.years_range", "Choose between 1 and {years}", "اختر من سنة واحدة إلى {years}"},
    {"form.passport_number", "Enter the passport number as 6 to 12 letters and digits, as printed in the passport",
     "أدخل رقم الجواز من 6 إلى 12 حرفًا ورقمًا، كما هو مطبوع في الجواز"},
    {"form.passport_country", "Enter the passport's country as its 3-letter code, like EGY or IND",
     "أدخل دولة الجواز برمزها المكوّن من 3 أحرف، مثل EGY أو IND"},
    {"form.passport_expiry", "Enter the passport's expiry date as a real date, like 2031-05-20",
     "أدخل تاريخ انتهاء الجواز تاريخًا صحيحًا، مثل 2031-05-20"},
    // [SECTION] Notes: not failures, explanations of the figures
    {"note.limited_by_passport", "The new expiry is limited to the passport's expiry ({date}). Renew the passport to get a longer term",
     "تاريخ الانتهاء الجديد محدود بانتهاء جواز السفر ({date}). جدّد الجواز للحصول على مدة أطول"},
    {"note.limited_by_health_insurance", "The new expiry is limited to the health insurance's end ({date}). Extend the insurance to get a longer term",
     "تاريخ الانتهاء الجديد محدود بانتهاء التأمين الصحي ({date}). مدّد التأمين للحصول على مدة أطول"},
    {"note.limited_by_residency", "The licence is limited to the residency's expiry ({date}). Renew the residency to get a longer licence",
     "الرخصة محدودة بانتهاء الإقامة ({date}). جدّد الإقامة للحصول على رخصة أطول"},
    {"note.late_fine", "A late fine applies for {days} late, counted from {date}",
     "تُفرض غرامة تأخير مدتها {days}، تُحسب من {date}"},
};

std::string fill(std::string_view pattern, const ReasonDetails& details, bool arabic) {
    const auto pick = [arabic](const Text& text) { return arabic ? text.ar : text.en; };
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const size_t close = pattern.find('}', i);
            const std::string_view key = pattern.substr(i + 1, close - i - 1);
            if (key == "amount") out += arabic ? format_kd_ar(details.amount_fils) : format_kd_en(details.amount_fils);
            else if (key == "date") out += details.date ? pick(date_in_words(*details.date)) : "?";
            else if (key == "n") out += std::to_string(details.number);
            else if (key == "days") out += pick(count_of(details.number, CountedNoun::day));
            else if (key == "months") out += pick(count_of(details.number, CountedNoun::month));
            else if (key == "years") out += pick(count_of(details.number, CountedNoun::year));
            else if (key == "name") out += details.name;
            i = close + 1;
        } else {
            out.push_back(pattern[i++]);
        }
    }
    return out;
}

std::string format_kd_digits(int64_t fils) {
    char buffer[32];
    const char* sign = fils < 0 ? "-" : "";
    const int64_t magnitude = fils < 0 ? -fils : fils;
    std::snprintf(buffer, sizeof buffer, "%s%lld.%03lld", sign, static_cast<long long>(magnitude / 1000),
                  static_cast<long long>(magnitude % 1000));
    return buffer;
}

}  // namespace

std::string format_kd_en(int64_t fils) { return "KD " + format_kd_digits(fils); }
std::string format_kd_ar(int64_t fils) { return format_kd_digits(fils) + " د.ك"; }

Problem reason(std::string_view code, const ReasonDetails& details, std::string field) {
    for (const ReasonText& entry : kReasons)
        if (entry.code == code)
            return {std::string(code), {fill(entry.en, details, false), fill(entry.ar, details, true)}, std::move(field)};
    // A code without text is a programming error; say so in both languages rather than crash.
    return {std::string(code), {"Unexplained reason " + std::string(code), "سبب غير موضح " + std::string(code)},
            std::move(field)};
}

}  // namespace muamala
