#include "server/storage/registry_store.h"

namespace muamala::server {
namespace {

Date date_column(const Statement& row, int index) { return parse_iso_date(row.column_text(index)).value_or(Date{}); }

std::string_view sex_name(Sex sex) { return sex == Sex::male ? "male" : "female"; }

std::string_view kuwaiti_by_name(KuwaitiBy by) {
    switch (by) {
        case KuwaitiBy::birth: return "birth";
        case KuwaitiBy::naturalisation: return "naturalisation";
        case KuwaitiBy::not_kuwaiti: break;
    }
    return "none";
}

std::string_view employment_name(Employment employment) {
    switch (employment) {
        case Employment::government: return "government";
        case Employment::private_sector: return "private";
        case Employment::none: break;
    }
    return "none";
}

std::string_view marriage_status_name(MarriageStatus status) {
    switch (status) {
        case MarriageStatus::divorced: return "divorced";
        case MarriageStatus::widowed: return "widowed";
        case MarriageStatus::married: break;
    }
    return "married";
}

}  // namespace

// One person with every document and hold; nullopt if the civil ID is unknown.
std::optional<Person> find_person(Connection& connection, std::string_view civil_id) {
    Statement row = connection.prepare(
        "SELECT p.civil_id, p.name_en, p.name_ar, p.birth_date, p.sex, p.nationality, p.kuwaiti_by, p.home_area,"
        "       r.kind, r.issued, r.expires, r.sponsor,"
        "       l.class, l.expires,"
        "       pp.number, pp.country, pp.expires,"
        "       hi.expires,"
        "       h.traffic_fines_fils, h.utility_dues_fils, h.security_hold, h.outside_kuwait_since,"
        "       p.employment "
        "FROM persons p "
        "LEFT JOIN residencies r ON r.holder = p.civil_id "
        "LEFT JOIN licences l ON l.holder = p.civil_id "
        "LEFT JOIN passports pp ON pp.holder = p.civil_id "
        "LEFT JOIN health_insurance hi ON hi.holder = p.civil_id "
        "LEFT JOIN holds h ON h.holder = p.civil_id "
        "WHERE p.civil_id = ?1");
    row.bind(1, civil_id);
    if (!row.step()) return std::nullopt;
    Person p;
    p.civil_id = row.column_text(0);
    p.name = {row.column_text(1), row.column_text(2)};
    p.birth_date = date_column(row, 3);
    p.sex = row.column_text(4) == "male" ? Sex::male : Sex::female;
    p.nationality = row.column_text(5);
    const std::string by = row.column_text(6);
    p.kuwaiti_by = by == "birth" ? KuwaitiBy::birth : by == "naturalisation" ? KuwaitiBy::naturalisation
                                                                             : KuwaitiBy::not_kuwaiti;
    p.home_area = row.column_text(7);
    if (!row.column_is_null(8))
        p.residency = Residency{row.column_text(8), date_column(row, 9), date_column(row, 10), row.column_text(11)};
    if (!row.column_is_null(12)) p.licence = DrivingLicence{row.column_text(12), date_column(row, 13)};
    if (!row.column_is_null(14)) p.passport = Passport{row.column_text(14), row.column_text(15), date_column(row, 16)};
    if (!row.column_is_null(17)) p.health_insurance_expires = date_column(row, 17);
    if (!row.column_is_null(18)) {
        p.holds.unpaid_traffic_fines_fils = row.column_int64(18);
        p.holds.unpaid_utility_dues_fils = row.column_int64(19);
        p.holds.security_hold = row.column_int64(20) != 0;
        if (!row.column_is_null(21)) p.holds.outside_kuwait_since = date_column(row, 21);
    }
    const std::string employment = row.column_text(22);
    p.employment = employment == "government" ? Employment::government
                   : employment == "private"  ? Employment::private_sector
                                              : Employment::none;
    return p;
}

Registry load_household(Connection& connection, std::string_view sponsor_civil_id) {
    const std::optional<Person> sponsor = find_person(connection, sponsor_civil_id);
    if (!sponsor) return {};
    Registry household = load_relations(connection, sponsor_civil_id);
    household.persons.push_back(*sponsor);
    for (const Marriage& marriage : household.marriages)
        if (auto husband = find_person(connection, marriage.husband_civil_id)) household.persons.push_back(*husband);
    for (const Parentage& parentage : household.parentages)
        if (auto child = find_person(connection, parentage.child_civil_id)) household.persons.push_back(*child);
    return household;
}

Registry load_relations(Connection& connection, std::string_view sponsor_civil_id) {
    Registry household;
    Statement marriages = connection.prepare("SELECT wife, husband, status FROM marriages WHERE wife = ?1 ORDER BY husband");
    marriages.bind(1, sponsor_civil_id);
    while (marriages.step()) {
        const std::string status = marriages.column_text(2);
        household.marriages.push_back({marriages.column_text(0), marriages.column_text(1),
                                       status == "divorced" ? MarriageStatus::divorced
                                       : status == "widowed" ? MarriageStatus::widowed
                                                             : MarriageStatus::married});
    }
    Statement children = connection.prepare(
        "SELECT pa.child, pa.mother, coalesce(pa.father, '') FROM parentages pa JOIN persons p ON p.civil_id = pa.child "
        "WHERE pa.mother = ?1 ORDER BY p.birth_date, pa.child");
    children.bind(1, sponsor_civil_id);
    while (children.step())
        household.parentages.push_back({children.column_text(0), children.column_text(1), children.column_text(2)});
    return household;
}

bool is_household_member(const Registry& household, std::string_view sponsor, std::string_view civil_id) {
    if (household.find_marriage(sponsor, civil_id)) return true;
    const Parentage* parentage = household.find_parentage(civil_id);
    return parentage && parentage->mother_civil_id == sponsor;
}

std::string phone_of(Connection& connection, std::string_view civil_id) {
    Statement row = connection.prepare("SELECT phone FROM persons WHERE civil_id = ?1");
    row.bind(1, civil_id);
    return row.step() ? row.column_text(0) : std::string();
}

void store_new_record(Connection& connection, const NewRecord& record) {
    if (record.document == "residency") {
        connection
            .prepare("INSERT INTO residencies (holder, kind, issued, expires, sponsor, passport_number) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (holder) DO UPDATE SET kind = excluded.kind, "
                     "issued = excluded.issued, expires = excluded.expires, sponsor = excluded.sponsor, "
                     "passport_number = excluded.passport_number")
            .bind(1, record.holder_civil_id)
            .bind(2, record.kind)
            .bind(3, to_iso(record.issued))
            .bind(4, to_iso(record.expires))
            .bind(5, record.sponsor_civil_id)
            .bind(6, record.passport_number)
            .step();
    } else {
        connection
            .prepare("INSERT INTO licences (holder, class, expires) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (holder) DO UPDATE SET class = excluded.class, expires = excluded.expires")
            .bind(1, record.holder_civil_id)
            .bind(2, record.kind)
            .bind(3, to_iso(record.expires))
            .step();
    }
}

void store_passport(Connection& connection, std::string_view holder, const Passport& passport) {
    connection
        .prepare("INSERT INTO passports (holder, number, country, expires) VALUES (?1, ?2, ?3, ?4) "
                 "ON CONFLICT (holder) DO UPDATE SET number = excluded.number, country = excluded.country, "
                 "expires = excluded.expires")
        .bind(1, holder)
        .bind(2, passport.number)
        .bind(3, passport.country)
        .bind(4, to_iso(passport.expires))
        .step();
}

namespace {

// Every document and hold of a person, for a person row just written with none.
void insert_documents(Connection& connection, const Person& p) {
    if (p.passport) store_passport(connection, p.civil_id, *p.passport);
    if (p.residency)
        store_new_record(connection, {"residency", p.civil_id, p.residency->kind, p.residency->sponsor_civil_id,
                                      p.passport ? p.passport->number : "", p.residency->issued, p.residency->expires});
    if (p.licence)
        store_new_record(connection,
                         {"driving_licence", p.civil_id, p.licence->licence_class, "", "", {}, p.licence->expires});
    if (p.health_insurance_expires)
        connection.prepare("INSERT INTO health_insurance (holder, expires) VALUES (?1, ?2)")
            .bind(1, p.civil_id)
            .bind(2, to_iso(*p.health_insurance_expires))
            .step();
    const Holds& h = p.holds;
    if (h.unpaid_traffic_fines_fils || h.unpaid_utility_dues_fils || h.security_hold || h.outside_kuwait_since) {
        Statement insert = connection.prepare(
            "INSERT INTO holds (holder, traffic_fines_fils, utility_dues_fils, security_hold, outside_kuwait_since) "
            "VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, p.civil_id).bind(2, h.unpaid_traffic_fines_fils).bind(3, h.unpaid_utility_dues_fils);
        insert.bind(4, h.security_hold ? 1 : 0);
        if (h.outside_kuwait_since) insert.bind(5, to_iso(*h.outside_kuwait_since));
        else insert.bind_null(5);
        insert.step();
    }
}

// Inserts the person's row, or (`replace`) overwrites every column of an existing one.
void write_person_row(Connection& connection, const Person& p, const PersonContact& contact, bool replace) {
    const std::string insert =
        "INSERT INTO persons (civil_id, name_en, name_ar, birth_date, sex, nationality, kuwaiti_by, home_area, "
        "phone, civil_id_serial, employment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    connection
        .prepare(replace ? insert + " ON CONFLICT (civil_id) DO UPDATE SET name_en = excluded.name_en, "
                                    "name_ar = excluded.name_ar, birth_date = excluded.birth_date, sex = excluded.sex, "
                                    "nationality = excluded.nationality, kuwaiti_by = excluded.kuwaiti_by, "
                                    "home_area = excluded.home_area, phone = excluded.phone, "
                                    "civil_id_serial = excluded.civil_id_serial, employment = excluded.employment"
                         : insert)
        .bind(1, p.civil_id)
        .bind(2, p.name.en)
        .bind(3, p.name.ar)
        .bind(4, to_iso(p.birth_date))
        .bind(5, sex_name(p.sex))
        .bind(6, p.nationality)
        .bind(7, kuwaiti_by_name(p.kuwaiti_by))
        .bind(8, p.home_area)
        .bind(9, contact.phone)
        .bind(10, contact.civil_id_serial)
        .bind(11, employment_name(p.employment))
        .step();
}

}  // namespace

void insert_person(Connection& connection, const Person& p, std::string_view phone) {
    write_person_row(connection, p, {std::string(phone), ""}, false);
    insert_documents(connection, p);
}

PersonContact contact_of(Connection& connection, std::string_view civil_id) {
    Statement row = connection.prepare("SELECT phone, civil_id_serial FROM persons WHERE civil_id = ?1");
    row.bind(1, civil_id);
    return row.step() ? PersonContact{row.column_text(0), row.column_text(1)} : PersonContact{};
}

void store_person(Connection& connection, const Person& p, const PersonContact& contact) {
    write_person_row(connection, p, contact, true);
    for (const char* table : {"residencies", "licences", "passports", "health_insurance", "holds"})
        connection.prepare(std::string("DELETE FROM ") + table + " WHERE holder = ?1").bind(1, p.civil_id).step();
    insert_documents(connection, p);
}

void store_relations(Connection& connection, std::string_view sponsor, const std::vector<Marriage>& marriages,
                     const std::vector<Parentage>& parentages) {
    connection.prepare("DELETE FROM marriages WHERE wife = ?1").bind(1, sponsor).step();
    for (const Marriage& marriage : marriages) insert_marriage(connection, marriage);
    connection.prepare("DELETE FROM parentages WHERE mother = ?1").bind(1, sponsor).step();
    for (const Parentage& parentage : parentages) {
        // A child recorded with another mother before moves to this one (the newer registry wins).
        connection.prepare("DELETE FROM parentages WHERE child = ?1").bind(1, parentage.child_civil_id).step();
        insert_parentage(connection, parentage);
    }
}

void insert_marriage(Connection& connection, const Marriage& m) {
    connection.prepare("INSERT INTO marriages (wife, husband, status) VALUES (?1, ?2, ?3)")
        .bind(1, m.wife_civil_id)
        .bind(2, m.husband_civil_id)
        .bind(3, marriage_status_name(m.status))
        .step();
}

void insert_parentage(Connection& connection, const Parentage& p) {
    Statement insert = connection.prepare("INSERT INTO parentages (child, mother, father) VALUES (?1, ?2, ?3)");
    insert.bind(1, p.child_civil_id).bind(2, p.mother_civil_id);
    if (p.father_civil_id.empty()) insert.bind_null(3);
    else insert.bind(3, p.father_civil_id);
    insert.step();
}

}  // namespace muamala::server
