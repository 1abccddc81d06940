#include "server/demo/demo_seed.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <span>
#include <stdexcept>

#include "common/areas.h"
#include "common/civil_id.h"
#include "common/registry.h"
#include "server/accounts/accounts.h"
#include "server/demo/demo_history.h"
#include "server/demo/demo_mark.h"
#include "server/demo/demo_random.h"
#include "server/ops/clock.h"
#include "server/security/crypto.h"
#include "server/security/totp.h"
#include "server/storage/center_store.h"
#include "server/storage/registry_store.h"

namespace muamala::server {
namespace {

using Random = DemoRandom;  // demo_random.h

// [SECTION] Names (synthetic people: common given names, no real person intended)
const Text kMotherNames[] = {{"Fatima", "فاطمة"}, {"Maryam", "مريم"}, {"Noura", "نورة"},   {"Sara", "سارة"},
                             {"Hessa", "حصة"},    {"Latifa", "لطيفة"}, {"Dana", "دانة"},   {"Shaikha", "شيخة"},
                             {"Aisha", "عائشة"},  {"Reem", "ريم"},     {"Munira", "منيرة"}, {"Lulwa", "لولوة"}};
const Text kFamilyNames[] = {{"Al-Mutairi", "المطيري"}, {"Al-Ajmi", "العجمي"},   {"Al-Enezi", "العنزي"},
                             {"Al-Rashidi", "الرشيدي"}, {"Al-Kandari", "الكندري"}, {"Al-Shammari", "الشمري"},
                             {"Al-Azmi", "العازمي"},    {"Al-Otaibi", "العتيبي"}, {"Al-Hajri", "الهاجري"},
                             {"Al-Fadhli", "الفضلي"}};
const Text kMaleNames[] = {{"Ahmed", "أحمد"},   {"Mohammed", "محمد"}, {"Omar", "عمر"},     {"Khaled", "خالد"},
                           {"Youssef", "يوسف"}, {"Hassan", "حسن"},    {"Ali", "علي"},       {"Tariq", "طارق"},
                           {"Karim", "كريم"},   {"Samir", "سمير"},    {"Imran", "عمران"},   {"Faisal", "فيصل"}};
const Text kFemaleNames[] = {{"Maryam", "مريم"}, {"Layla", "ليلى"}, {"Hala", "هالة"}, {"Jana", "جنى"},
                             {"Yasmin", "ياسمين"}, {"Farah", "فرح"}, {"Rana", "رنا"}, {"Salma", "سلمى"}};
struct Nationality {
    const char* code;
    Text family;  // a family name for the husband's side
};
const Nationality kNationalities[] = {
    {"EGY", {"Hassan", "حسن"}},   {"JOR", {"Haddad", "حداد"}}, {"SYR", {"Khoury", "خوري"}},
    {"LBN", {"Saad", "سعد"}},     {"IND", {"Khan", "خان"}},    {"PAK", {"Qureshi", "قريشي"}},
    {"SAU", {"Al-Qahtani", "القحطاني"}}, {"IRQ", {"Al-Janabi", "الجنابي"}}, {"BHR", {"Al-Khalifa", "آل خليفة"}},
};

// [SECTION] Civil IDs that fit their birth dates

class CivilIds {
public:
    std::string next_for(const Date& birth) {
        int& serial = next_serial_[day_number(birth)];
        while (serial <= 9999) {
            char base[48];
            std::snprintf(base, sizeof base, "%d%02d%02d%02d%04d", birth.year / 100 - 17, birth.year % 100, birth.month,
                          birth.day, serial++);
            const int check = civil_id_check_digit(base);
            if (check >= 0) return std::string(base) + static_cast<char>('0' + check);
        }
        throw std::runtime_error("seed-demo: more than 10000 people born on " + to_iso(birth));
    }

private:
    std::map<std::int64_t, int> next_serial_;  // per birth day
};

// [SECTION] One household

class HouseholdMaker {
public:
    // Ages count back from a fixed day, so the same seed gives the same people (and demo sign-ins) on
    // every day; documents count from `today`, so they are always in the states the demo needs.
    HouseholdMaker(Random& random, CivilIds& ids, const Date& today, std::uint64_t seed)
        : random_(random), employment_random_(seed ^ 0x656D706C6F796564ull), ids_(ids), today_(today),
          ages_from_(std::min(today, kAgesFrom)) {}

    struct Household {
        Person mother;
        std::string mother_phone;
        std::vector<Person> husbands;
        std::vector<Marriage> marriages;
        std::vector<Person> children;
        std::vector<Parentage> parentages;
    };

    Household random_household() {
        Household h;
        const int mother_age = random_.between(24, 62);
        const Area& area = random_.pick(all_areas());
        const Text& family = random_.pick(kFamilyNames);
        const Text& first = random_.pick(kMotherNames);
        h.mother = person(join(first, family), birth_at_age(mother_age), Sex::female, "KWT");
        h.mother.kuwaiti_by = random_.chance(85) ? KuwaitiBy::birth : KuwaitiBy::naturalisation;
        h.mother.home_area = std::string(area.id);
        h.mother_phone = phone();

        const Nationality& nationality = random_.pick(kNationalities);
        const Text& husband_first = random_.pick(kMaleNames);
        Person husband = person(join(husband_first, nationality.family),
                                birth_at_age(std::max(21, mother_age + random_.between(-3, 12))), Sex::male,
                                nationality.code);
        give_documents(husband, h.mother, "spouse_of_kuwaiti");
        give_employment(husband, 10);
        const int roll = random_.below(100);
        const MarriageStatus status = roll < 94 ? MarriageStatus::married : roll < 98 ? MarriageStatus::divorced
                                                                                      : MarriageStatus::widowed;
        h.marriages.push_back({h.mother.civil_id, husband.civil_id, status});

        const int children = random_.between(0, 5);
        for (int i = 0; i < children; ++i) {
            const bool newborn = random_.chance(8);
            const Date birth = newborn ? add_days(today_, -random_.between(1, 200))
                                       : birth_at_age(random_.between(0, std::min(30, mother_age - 19)));
            const Sex sex = random_.chance(50) ? Sex::male : Sex::female;
            const Text& name = sex == Sex::male ? random_.pick(kMaleNames) : random_.pick(kFemaleNames);
            Person child = person(join(name, husband_first), birth, sex, nationality.code);
            if (newborn) {
                child.passport = Passport{passport_number(), nationality.code, add_years(today_, 5)};
            } else {
                give_documents(child, h.mother, "child_of_kuwaiti");
                if (age_on(birth, today_) >= 21) give_employment(child, 15);
                if (age_on(birth, today_) >= 18 && random_.chance(60))
                    child.licence = DrivingLicence{"private", add_days(today_, random_.between(-100, 700))};
            }
            h.parentages.push_back({child.civil_id, h.mother.civil_id, husband.civil_id});
            h.children.push_back(std::move(child));
        }
        h.husbands.push_back(std::move(husband));
        return h;
    }

    // The first demo household tells the story of the issue: every transaction is on offer today.
    Household showcase_household() {
        Household h;
        h.mother = person({"Fatima Al-Mutairi", "فاطمة المطيري"}, birth_at_age(44), Sex::female, "KWT");
        h.mother.kuwaiti_by = KuwaitiBy::birth;
        h.mother.home_area = "al_salam";
        h.mother_phone = "+96599000001";
        Person husband = person({"Ahmed Hassan", "أحمد حسن"}, birth_at_age(49), Sex::male, "EGY");
        husband.residency = Residency{"spouse_of_kuwaiti", add_years(add_days(today_, 30), -1), add_days(today_, 30),
                                      h.mother.civil_id};
        husband.passport = Passport{"A1234567", "EGY", add_years(today_, 6)};
        husband.health_insurance_expires = add_years(today_, 6);
        h.marriages.push_back({h.mother.civil_id, husband.civil_id, MarriageStatus::married});

        Person son = person({"Omar Ahmed", "عمر أحمد"}, birth_at_age(19), Sex::male, "EGY");
        son.residency = Residency{"child_of_kuwaiti", add_years(today_, -2), add_years(today_, 3), h.mother.civil_id};
        son.passport = Passport{"B7654321", "EGY", add_years(today_, 7)};
        son.health_insurance_expires = add_years(today_, 5);
        son.licence = DrivingLicence{"private", add_days(today_, 40)};
        Person daughter = person({"Maryam Ahmed", "مريم أحمد"}, birth_at_age(15), Sex::female, "EGY");
        daughter.residency = Residency{"child_of_kuwaiti", add_years(add_days(today_, 60), -5), add_days(today_, 60),
                                       h.mother.civil_id};
        daughter.passport = Passport{"C1111111", "EGY", add_years(today_, 4)};
        daughter.health_insurance_expires = add_years(today_, 4);
        Person baby = person({"Youssef Ahmed", "يوسف أحمد"}, add_days(today_, -45), Sex::male, "EGY");
        baby.passport = Passport{"D2222222", "EGY", add_years(today_, 5)};
        for (Person* child : {&son, &daughter, &baby}) {
            h.parentages.push_back({child->civil_id, h.mother.civil_id, husband.civil_id});
            h.children.push_back(*child);
        }
        h.husbands.push_back(std::move(husband));
        return h;
    }

private:
    static Text join(const Text& first, const Text& last) { return {first.en + " " + last.en, first.ar + " " + last.ar}; }

    static constexpr Date kAgesFrom{2026, 1, 1};
    Date birth_at_age(int years) { return add_days(add_years(ages_from_, -years), -random_.between(0, 364)); }

    Person person(Text name, const Date& birth, Sex sex, std::string nationality) {
        Person p;
        p.civil_id = ids_.next_for(birth);
        p.name = std::move(name);
        p.birth_date = birth;
        p.sex = sex;
        p.nationality = std::move(nationality);
        return p;
    }

    std::string phone() {
        static constexpr char kMobilePrefixes[] = {'5', '6', '9'};
        std::string number = "+965";
        number += kMobilePrefixes[random_.below(3)];
        for (int i = 0; i < 7; ++i) number += static_cast<char>('0' + random_.below(10));
        return number;
    }

    std::string passport_number() {
        std::string number(1, static_cast<char>('A' + random_.below(26)));
        for (int i = 0; i < 7; ++i) number += static_cast<char>('0' + random_.below(10));
        return number;
    }

    // Documents spread over the states the rules tell apart.
    void give_documents(Person& p, const Person& sponsor, const char* kind) {
        const int state = random_.below(100);
        const Date expires = state < 15   ? add_days(today_, -random_.between(1, 400))  // expired
                             : state < 45 ? add_days(today_, random_.between(0, 90))    // in the renewal window
                                          : add_days(today_, random_.between(91, 1100));  // valid for a while
        p.residency = Residency{kind, add_years(expires, -1), expires, sponsor.civil_id};
        const int passport = random_.below(100);
        if (passport >= 2) {
            const Date passport_expiry = passport < 7    ? add_days(today_, -random_.between(1, 300))   // expired
                                         : passport < 17 ? add_days(today_, random_.between(90, 360))   // short
                                                         : add_days(today_, random_.between(730, 3650));
            p.passport = Passport{passport_number(), p.nationality, passport_expiry};
        }
        const int insurance = random_.below(100);
        if (insurance >= 5)
            p.health_insurance_expires = insurance < 15 ? add_days(today_, -random_.between(1, 200))
                                                        : add_days(expires, random_.between(200, 2000));
        if (random_.chance(20)) p.holds.unpaid_traffic_fines_fils = 5000 * random_.between(1, 30);
        if (random_.chance(10)) p.holds.unpaid_utility_dues_fils = 250 * random_.between(4, 400);
        if (random_.chance(1)) p.holds.security_hold = true;
        if (random_.chance(4)) p.holds.outside_kuwait_since = add_days(today_, -random_.between(1, 400));
    }

    // Its own stream (employment came after the rest): the other draws, and so the demo sign-ins, stay
    // what they were for a seed.
    void give_employment(Person& p, int percent) {
        if (!employment_random_.chance(percent)) return;
        p.employment = employment_random_.chance(30) ? Employment::government : Employment::private_sector;
    }

    Random& random_;
    Random employment_random_;
    CivilIds& ids_;
    Date today_;
    Date ages_from_;
};

// [SECTION] Demo sign-ins

// Synthetic. From the seed when asked, so a demo database can be rebuilt with the same sign-ins;
// otherwise random, so a demo that someone leaves running is not open to everyone who read the
// README. The password's digits are drawn from the seed's stream either way, so the households made
// after this one are the same in both modes.
DemoAccount demo_account(const SeedOptions& options, const Person& person, Random& random) {
    const std::string first_name = person.name.en.substr(0, person.name.en.find(' '));
    const int seeded_digits = random.between(1000, 9999);
    if (!options.sign_ins_from_seed)
        return {person.civil_id, first_name + "-" + random_readable_code(10) + "-demo",
                base32_encode(new_totp_secret()), Role::citizen, person.name.en, ""};
    unsigned char key[crypto_generichash_KEYBYTES];
    for (std::size_t i = 0; i < sizeof key; ++i) key[i] = static_cast<unsigned char>(options.seed >> (8 * (i % 8)));
    const std::string message = "muamala demo totp " + person.civil_id;
    std::vector<unsigned char> secret(20);
    crypto_generichash(secret.data(), secret.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), key, sizeof key);
    const std::string password = first_name + "-" + std::to_string(seeded_digits) + "-demo";
    return {person.civil_id, password, base32_encode(secret), Role::citizen, person.name.en, ""};
}

// [SECTION] Staff sign-ins
// For the counter, the supervisor's view and the admin's edits: operators at the model center in
// Al-Salam, at an evening center and in another governorate (so the area rule shows), a supervisor
// and an admin. Made-up people, like everyone here.
struct StaffMember {
    Text name;
    Date birth;
    Role role;
    const char* center_id;  // operators only; "" otherwise
};
const StaffMember kStaff[] = {
    {{"Huda Al-Kandari", "هدى الكندري"}, {1986, 4, 12}, Role::center_operator, "al-salam-morning"},
    {{"Bader Al-Enezi", "بدر العنزي"}, {1983, 9, 3}, Role::center_operator, "hawally-evening"},
    {{"Amal Al-Shammari", "أمل الشمري"}, {1990, 1, 27}, Role::center_operator, "jahra-morning"},
    {{"Yousef Al-Rashidi", "يوسف الرشيدي"}, {1978, 11, 8}, Role::supervisor, ""},
    {{"Mariam Al-Azmi", "مريم العازمي"}, {1981, 6, 19}, Role::admin, ""},
};

// The history's shares and trend need a sample, not every household: capping it keeps a 100,000-
// household registry seeding in about a minute instead of writing three million past transactions.
constexpr std::size_t kHistoryHouseholds = 5000;

}  // namespace

SeedSummary seed_demo(Database& database, const SeedOptions& options) {
    if (options.households < 1 || options.accounts < 0 || options.accounts > options.households)
        throw std::invalid_argument("seed-demo: need households >= 1 and 0 <= accounts <= households");
    require_sodium();
    const std::string now = iso_timestamp(std::chrono::system_clock::now());
    load_center_directory_if_empty(database, now);  // operators and the history name its centers
    auto connection = database.connect();
    Statement existing = connection->prepare("SELECT count(*) FROM persons");
    existing.step();
    if (existing.column_int64(0) > 0)
        throw std::runtime_error("seed-demo: the database already holds a registry; seed an empty database");

    Random random(options.seed);
    CivilIds ids;
    HouseholdMaker maker(random, ids, options.today, options.seed);
    SeedSummary summary;
    std::vector<std::string> mothers_without_sign_in;  // the history's households: demo sign-ins see only their own doings
    Transaction transaction(*connection);
    for (int index = 0; index < options.households; ++index) {
        const HouseholdMaker::Household h = index == 0 ? maker.showcase_household() : maker.random_household();
        insert_person(*connection, h.mother, h.mother_phone);
        for (const Person& husband : h.husbands) insert_person(*connection, husband, "");
        for (const Person& child : h.children) insert_person(*connection, child, "");
        for (const Marriage& marriage : h.marriages) insert_marriage(*connection, marriage);
        for (const Parentage& parentage : h.parentages) insert_parentage(*connection, parentage);
        summary.persons += 1 + static_cast<int>(h.husbands.size() + h.children.size());
        ++summary.households;
        if (index < options.accounts) {
            DemoAccount account = demo_account(options, h.mother, random);
            const auto secret = base32_decode(account.totp_secret_base32);
            create_account(*connection, account.civil_id, account.role, account.password, *secret, std::nullopt, now);
            summary.accounts.push_back(std::move(account));
        } else if (mothers_without_sign_in.size() < kHistoryHouseholds) {
            mothers_without_sign_in.push_back(h.mother.civil_id);
        }
    }
    if (options.staff_accounts) {
        const std::vector<Center> centers = read_centers(*connection);
        for (const StaffMember& member : kStaff) {
            Person person;
            person.civil_id = ids.next_for(member.birth);
            person.name = member.name;
            DemoAccount account = demo_account(options, person, random);
            account.role = member.role;
            account.center_id = member.center_id;
            if (!account.center_id.empty() && !find_center(centers, account.center_id))
                throw std::logic_error("seed-demo: no center " + account.center_id + " in the directory");
            const auto secret = base32_decode(account.totp_secret_base32);
            create_account(*connection, account.civil_id, account.role, account.password, *secret,
                           account.center_id.empty() ? std::nullopt : std::optional(account.center_id), now);
            summary.accounts.push_back(std::move(account));
        }
    }
    mark_as_demo(*connection, now);
    if (options.history_months > 0)
        summary.history_transactions = write_synthetic_history(
            *connection, {options.history_months, options.seed, options.today}, mothers_without_sign_in);
    transaction.commit();
    return summary;
}

}  // namespace muamala::server
