#include "server/storage/center_store.h"

#include <map>
#include <stdexcept>

namespace muamala::server {
namespace {

int minute_of_day(const std::string& clock_text) {  // "07:30" as stored by this file
    return std::stoi(clock_text.substr(0, 2)) * 60 + std::stoi(clock_text.substr(3, 2));
}

void write_areas(Connection& connection, const Center& center) {
    connection.prepare("DELETE FROM center_areas WHERE center_id = ?1").bind(1, center.id).step();
    for (const std::string& area : center.areas)
        connection
            .prepare("INSERT INTO center_areas (area, center_id) VALUES (?1, ?2) "
                     "ON CONFLICT (area) DO UPDATE SET center_id = excluded.center_id")
            .bind(1, area)
            .bind(2, center.id)
            .step();
}

}  // namespace

int load_center_directory_if_empty(Database& database, std::string_view now_iso) {
    auto connection = database.connect();
    Transaction transaction(*connection);
    Statement existing = connection->prepare("SELECT count(*) FROM centers");
    existing.step();
    if (existing.column_int64(0) > 0) return 0;
    const std::vector<Center> centers = parse_center_directory(embedded_center_directory_json());
    std::int64_t position = 0;
    for (const Center& center : centers) {
        connection
            ->prepare("INSERT INTO centers (id, position, name_en, name_ar, governorate, shift, weekdays, opens, closes, "
                      "slot_minutes, slot_capacity, model_center, illustrative, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
            .bind(1, center.id)
            .bind(2, ++position)
            .bind(3, center.name.en)
            .bind(4, center.name.ar)
            .bind(5, governorate_info(center.governorate).id)
            .bind(6, name_of(center.shift))
            .bind(7, static_cast<std::int64_t>(center.hours.weekdays))
            .bind(8, clock_time(center.hours.opens_minute))
            .bind(9, clock_time(center.hours.closes_minute))
            .bind(10, center.slots.minutes)
            .bind(11, center.slots.capacity)
            .bind(12, center.model_center ? 1 : 0)
            .bind(13, center.illustrative ? 1 : 0)
            .bind(14, now_iso)
            .step();
        write_areas(*connection, center);
    }
    transaction.commit();
    return static_cast<int>(centers.size());
}

std::vector<Center> read_centers(Connection& connection) {
    std::vector<Center> centers;
    std::map<std::string, std::size_t> index;
    Statement rows = connection.prepare(
        "SELECT id, name_en, name_ar, governorate, shift, weekdays, opens, closes, slot_minutes, slot_capacity, "
        "model_center, illustrative FROM centers ORDER BY position");
    while (rows.step()) {
        Center center;
        center.id = rows.column_text(0);
        center.name = {rows.column_text(1), rows.column_text(2)};
        const auto governorate = parse_governorate(rows.column_text(3));
        const auto shift = parse_shift(rows.column_text(4));
        if (!governorate || !shift) throw DatabaseError("center " + center.id + " has an unknown governorate or shift");
        center.governorate = *governorate;
        center.shift = *shift;
        center.hours = {static_cast<unsigned>(rows.column_int64(5)), minute_of_day(rows.column_text(6)),
                        minute_of_day(rows.column_text(7))};
        center.slots = {static_cast<int>(rows.column_int64(8)), static_cast<int>(rows.column_int64(9))};
        center.model_center = rows.column_int64(10) != 0;
        center.illustrative = rows.column_int64(11) != 0;
        index.emplace(center.id, centers.size());
        centers.push_back(std::move(center));
    }
    Statement areas = connection.prepare("SELECT area, center_id FROM center_areas");
    while (areas.step()) {
        const auto found = index.find(areas.column_text(1));
        if (found != index.end()) centers[found->second].areas.push_back(areas.column_text(0));
    }
    for (Center& center : centers) sort_areas(center.areas);  // the table has no order of its own
    return centers;
}

std::string home_area_of(Connection& connection, std::string_view civil_id) {
    Statement row = connection.prepare("SELECT home_area FROM persons WHERE civil_id = ?1");
    row.bind(1, civil_id);
    return row.step() ? row.column_text(0) : std::string();
}

void save_center(Connection& connection, const Center& center, std::string_view now_iso) {
    connection
        .prepare("UPDATE centers SET name_en = ?2, name_ar = ?3, weekdays = ?4, opens = ?5, closes = ?6, "
                 "slot_minutes = ?7, slot_capacity = ?8, model_center = ?9, updated_at = ?10 WHERE id = ?1")
        .bind(1, center.id)
        .bind(2, center.name.en)
        .bind(3, center.name.ar)
        .bind(4, static_cast<std::int64_t>(center.hours.weekdays))
        .bind(5, clock_time(center.hours.opens_minute))
        .bind(6, clock_time(center.hours.closes_minute))
        .bind(7, center.slots.minutes)
        .bind(8, center.slots.capacity)
        .bind(9, center.model_center ? 1 : 0)
        .bind(10, now_iso)
        .step();
    if (connection.changes() != 1) throw DatabaseError("no center " + center.id + " to save");
    write_areas(connection, center);
}

}  // namespace muamala::server
