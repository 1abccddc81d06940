// The slice of the national registry that a decision needs: persons with their documents and holds,
// and the relations between them. Plain data; filled from the server's database or from JSON.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/problem.h"

namespace muamala {

enum class Sex { female, male };
enum class KuwaitiBy { not_kuwaiti, birth, naturalisation };
// Who employs the person, if anyone: an employed husband or child is not on a family residency
// (the employer sponsors a work residency instead), and where to go differs by sector.
enum class Employment { none, government, private_sector };

struct Residency {
    std::string kind;               // e.g. "spouse_of_kuwaiti", "child_of_kuwaiti" (rulebook names)
    Date issued;
    Date expires;
    std::string sponsor_civil_id;   // who sponsors it
};

struct DrivingLicence {
    std::string licence_class;      // e.g. "private"
    Date expires;
};

struct Passport {
    std::string number;
    std::string country;            // ISO 3166-1 alpha-3
    Date expires;
};

struct Holds {
    int64_t unpaid_traffic_fines_fils = 0;
    int64_t unpaid_utility_dues_fils = 0;    // electricity and water
    bool security_hold = false;              // a security or travel hold
    std::optional<Date> outside_kuwait_since;
};

struct Person {
    std::string civil_id;
    Text name;
    Date birth_date;
    Sex sex = Sex::female;
    std::string nationality;        // ISO 3166-1 alpha-3; "KWT" for Kuwaitis
    KuwaitiBy kuwaiti_by = KuwaitiBy::not_kuwaiti;
    std::string home_area;          // area id (see the centers data)
    Employment employment = Employment::none;
    std::optional<Residency> residency;
    std::optional<DrivingLicence> licence;
    std::optional<Passport> passport;
    std::optional<Date> health_insurance_expires;
    Holds holds;

    bool is_kuwaiti() const { return nationality == "KWT"; }
};

enum class MarriageStatus { married, divorced, widowed };

struct Marriage {
    std::string wife_civil_id;
    std::string husband_civil_id;
    MarriageStatus status = MarriageStatus::married;
};

struct Parentage {
    std::string child_civil_id;
    std::string mother_civil_id;
    std::string father_civil_id;    // may be empty when not recorded
};

struct Registry {
    std::vector<Person> persons;
    std::vector<Marriage> marriages;
    std::vector<Parentage> parentages;

    const Person* find_person(std::string_view civil_id) const;                       // nullptr if absent
    const Marriage* find_marriage(std::string_view wife, std::string_view husband) const;
    const Parentage* find_parentage(std::string_view child) const;
};

// [SECTION] Consistency: a decision, or an import, on contradictory data would be wrong.
// Appends a problem for each contradiction in one person's record as of `today`: a civil ID that is
// not valid and canonical, a birth date other than the civil ID's or after today, a residency that
// ends before it was issued.
void check_person_record(const Person& person, const Date& today, std::vector<Problem>& out);

}  // namespace muamala
