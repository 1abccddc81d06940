#include "common/areas.h"

namespace muamala {
namespace {

const Area kAreas[] = {
    // Capital
    {"abdullah_al_salem", {"Abdullah Al-Salem", "عبدالله السالم"}, Governorate::capital},
    {"adailiya", {"Adailiya", "العديلية"}, Governorate::capital},
    {"bneid_al_qar", {"Bneid Al-Qar", "بنيد القار"}, Governorate::capital},
    {"daiya", {"Daiya", "الدعية"}, Governorate::capital},
    {"dasma", {"Dasma", "الدسمة"}, Governorate::capital},
    {"dasman", {"Dasman", "دسمان"}, Governorate::capital},
    {"doha", {"Doha", "الدوحة"}, Governorate::capital},
    {"faiha", {"Faiha", "الفيحاء"}, Governorate::capital},
    {"granada", {"Granada", "غرناطة"}, Governorate::capital},
    {"jaber_al_ahmad", {"Jaber Al-Ahmad", "جابر الأحمد"}, Governorate::capital},
    {"jibla", {"Jibla", "جبلة"}, Governorate::capital},
    {"kaifan", {"Kaifan", "كيفان"}, Governorate::capital},
    {"khaldiya", {"Khaldiya", "الخالدية"}, Governorate::capital},
    {"kuwait_city", {"Kuwait City", "مدينة الكويت"}, Governorate::capital},
    {"mansouriya", {"Mansouriya", "المنصورية"}, Governorate::capital},
    {"mirqab", {"Mirqab", "المرقاب"}, Governorate::capital},
    {"nahdha", {"Nahdha", "النهضة"}, Governorate::capital},
    {"north_west_sulaibikhat", {"North West Sulaibikhat", "شمال غرب الصليبيخات"}, Governorate::capital},
    {"nuzha", {"Nuzha", "النزهة"}, Governorate::capital},
    {"qadsiya", {"Qadsiya", "القادسية"}, Governorate::capital},
    {"qairawan", {"Qairawan", "القيروان"}, Governorate::capital},
    {"qortuba", {"Qortuba", "قرطبة"}, Governorate::capital},
    {"rawda", {"Rawda", "الروضة"}, Governorate::capital},
    {"salhiya", {"Salhiya", "الصالحية"}, Governorate::capital},
    {"shamiya", {"Shamiya", "الشامية"}, Governorate::capital},
    {"sharq", {"Sharq", "شرق"}, Governorate::capital},
    {"shuwaikh", {"Shuwaikh", "الشويخ"}, Governorate::capital},
    {"sulaibikhat", {"Sulaibikhat", "الصليبيخات"}, Governorate::capital},
    {"surra", {"Surra", "السرة"}, Governorate::capital},
    {"yarmouk", {"Yarmouk", "اليرموك"}, Governorate::capital},
    // Hawalli
    {"al_siddeeq", {"Al-Siddeeq", "الصديق"}, Governorate::hawalli},
    {"anjafa", {"Anjafa", "أنجفة"}, Governorate::hawalli},
    {"bayan", {"Bayan", "بيان"}, Governorate::hawalli},
    {"hateen", {"Hateen", "حطين"}, Governorate::hawalli},
    {"hawally", {"Hawally", "حولي"}, Governorate::hawalli},
    {"jabriya", {"Jabriya", "الجابرية"}, Governorate::hawalli},
    {"maidan_hawally", {"Maidan Hawally", "ميدان حولي"}, Governorate::hawalli},
    {"mishref", {"Mishref", "مشرف"}, Governorate::hawalli},
    {"mubarak_al_abdullah", {"Mubarak Al-Abdullah", "مبارك العبدالله"}, Governorate::hawalli},
    {"rumaithiya", {"Rumaithiya", "الرميثية"}, Governorate::hawalli},
    {"al_salam", {"Al-Salam", "السلام"}, Governorate::hawalli},
    {"salmiya", {"Salmiya", "السالمية"}, Governorate::hawalli},
    {"salwa", {"Salwa", "سلوى"}, Governorate::hawalli},
    {"shaab", {"Shaab", "الشعب"}, Governorate::hawalli},
    {"shuhada", {"Shuhada", "الشهداء"}, Governorate::hawalli},
    {"zahra", {"Zahra", "الزهراء"}, Governorate::hawalli},
    // Farwaniya
    {"abbasiya", {"Abbasiya", "العباسية"}, Governorate::farwaniya},
    {"abdullah_al_mubarak", {"Abdullah Al-Mubarak", "عبدالله المبارك"}, Governorate::farwaniya},
    {"abraq_khaitan", {"Abraq Khaitan", "أبرق خيطان"}, Governorate::farwaniya},
    {"dajeej", {"Dajeej", "الضجيج"}, Governorate::farwaniya},
    {"shadadiya", {"Shadadiya", "الشدادية"}, Governorate::farwaniya},
    {"andalous", {"Andalous", "الأندلس"}, Governorate::farwaniya},
    {"ardiya", {"Ardiya", "العارضية"}, Governorate::farwaniya},
    {"farwaniya", {"Farwaniya", "الفروانية"}, Governorate::farwaniya},
    {"firdous", {"Firdous", "الفردوس"}, Governorate::farwaniya},
    {"ishbiliya", {"Ishbiliya", "إشبيلية"}, Governorate::farwaniya},
    {"jleeb_al_shuyoukh", {"Jleeb Al-Shuyoukh", "جليب الشيوخ"}, Governorate::farwaniya},
    {"khaitan", {"Khaitan", "خيطان"}, Governorate::farwaniya},
    {"omariya", {"Omariya", "العمرية"}, Governorate::farwaniya},
    {"rabia", {"Rabia", "الرابية"}, Governorate::farwaniya},
    {"rai", {"Rai", "الري"}, Governorate::farwaniya},
    {"rehab", {"Rehab", "الرحاب"}, Governorate::farwaniya},
    {"rigai", {"Rigai", "الرقعي"}, Governorate::farwaniya},
    {"sabah_al_nasser", {"Sabah Al-Nasser", "صباح الناصر"}, Governorate::farwaniya},
    // Mubarak Al-Kabeer
    {"abu_al_hasaniya", {"Abu Al-Hasaniya", "أبو الحصانية"}, Governorate::mubarak_al_kabeer},
    {"abu_fatira", {"Abu Fatira", "أبو فطيرة"}, Governorate::mubarak_al_kabeer},
    {"adan", {"Adan", "العدان"}, Governorate::mubarak_al_kabeer},
    {"masayel", {"Masayel", "المسايل"}, Governorate::mubarak_al_kabeer},
    {"fnaitees", {"Fnaitees", "الفنيطيس"}, Governorate::mubarak_al_kabeer},
    {"messila", {"Messila", "المسيلة"}, Governorate::mubarak_al_kabeer},
    {"mubarak_al_kabeer", {"Mubarak Al-Kabeer", "مبارك الكبير"}, Governorate::mubarak_al_kabeer},
    {"qurain", {"Qurain", "القرين"}, Governorate::mubarak_al_kabeer},
    {"qusor", {"Qusor", "القصور"}, Governorate::mubarak_al_kabeer},
    {"sabah_al_salem", {"Sabah Al-Salem", "صباح السالم"}, Governorate::mubarak_al_kabeer},
    // Ahmadi
    {"abu_halifa", {"Abu Halifa", "أبو حليفة"}, Governorate::ahmadi},
    {"ahmadi", {"Ahmadi", "الأحمدي"}, Governorate::ahmadi},
    {"khiran", {"Khiran", "الخيران"}, Governorate::ahmadi},
    {"wafra", {"Wafra", "الوفرة"}, Governorate::ahmadi},
    {"julaiaa", {"Julaia'a", "الجليعة"}, Governorate::ahmadi},
    {"nuwaiseeb", {"Nuwaiseeb", "النويصيب"}, Governorate::ahmadi},
    {"riqqa", {"Riqqa", "الرقة"}, Governorate::ahmadi},
    {"ali_sabah_al_salem", {"Ali Sabah Al-Salem", "علي صباح السالم"}, Governorate::ahmadi},
    {"sabahiya", {"Sabahiya", "الصباحية"}, Governorate::ahmadi},
    {"bnaider", {"Bnaider", "بنيدر"}, Governorate::ahmadi},
    {"dahar", {"Dahar", "الظهر"}, Governorate::ahmadi},
    {"eqaila", {"Eqaila", "العقيلة"}, Governorate::ahmadi},
    {"fahad_al_ahmad", {"Fahad Al-Ahmad", "فهد الأحمد"}, Governorate::ahmadi},
    {"fahaheel", {"Fahaheel", "الفحيحيل"}, Governorate::ahmadi},
    {"fintas", {"Fintas", "الفنطاس"}, Governorate::ahmadi},
    {"hadiya", {"Hadiya", "هدية"}, Governorate::ahmadi},
    {"jaber_al_ali", {"Jaber Al-Ali", "جابر العلي"}, Governorate::ahmadi},
    {"mahboula", {"Mahboula", "المهبولة"}, Governorate::ahmadi},
    {"mangaf", {"Mangaf", "المنقف"}, Governorate::ahmadi},
    {"sabah_al_ahmad", {"Sabah Al-Ahmad", "صباح الأحمد"}, Governorate::ahmadi},
    {"zour", {"Zour", "الزور"}, Governorate::ahmadi},
    // Jahra
    {"jahra", {"Jahra", "الجهراء"}, Governorate::jahra},
    {"naeem", {"Naeem", "النعيم"}, Governorate::jahra},
    {"naseem", {"Naseem", "النسيم"}, Governorate::jahra},
    {"oyoun", {"Oyoun", "العيون"}, Governorate::jahra},
    {"qasr", {"Qasr", "القصر"}, Governorate::jahra},
    {"saad_al_abdullah", {"Saad Al-Abdullah", "سعد العبدالله"}, Governorate::jahra},
    {"sulaibiya", {"Sulaibiya", "الصليبية"}, Governorate::jahra},
    {"taima", {"Taima", "تيماء"}, Governorate::jahra},
    {"waha", {"Waha", "الواحة"}, Governorate::jahra},
};

}  // namespace

std::span<const Area> all_areas() { return kAreas; }

const Area* find_area(std::string_view id) {
    for (const Area& area : kAreas)
        if (area.id == id) return &area;
    return nullptr;
}

GovernorateInfo governorate_info(Governorate governorate) {
    switch (governorate) {
        case Governorate::capital: return {"capital", {"Capital", "العاصمة"}};
        case Governorate::hawalli: return {"hawalli", {"Hawalli", "حولي"}};
        case Governorate::farwaniya: return {"farwaniya", {"Farwaniya", "الفروانية"}};
        case Governorate::mubarak_al_kabeer: return {"mubarak_al_kabeer", {"Mubarak Al-Kabeer", "مبارك الكبير"}};
        case Governorate::ahmadi: return {"ahmadi", {"Ahmadi", "الأحمدي"}};
        case Governorate::jahra: return {"jahra", {"Jahra", "الجهراء"}};
    }
    return {"", {}};
}

std::optional<Governorate> parse_governorate(std::string_view id) {
    for (Governorate governorate : kAllGovernorates)
        if (governorate_info(governorate).id == id) return governorate;
    return std::nullopt;
}

}  // namespace muamala
