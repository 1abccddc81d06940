#include "server/demo/demo_mark.h"

#include <stdexcept>

#include "server/storage/database.h"

namespace muamala::server {

void mark_as_demo(Connection& connection, std::string_view at_iso) {
    connection.prepare("INSERT OR IGNORE INTO demo_mark (only_row, seeded_at) VALUES (1, ?1)").bind(1, at_iso).step();
}

bool is_marked_demo(Connection& connection) {
    Statement mark = connection.prepare("SELECT count(*) FROM demo_mark");
    mark.step();
    return mark.column_int64(0) > 0;
}

void require_demo_flag_matches(Connection& connection, bool demo_flag) {
    const bool demo = is_marked_demo(connection);
    if (demo && !demo_flag)
        throw std::runtime_error(
            "this database was made by seed-demo: its people are made up and its sign-ins are known. "
            "Serve it with --demo (payments then go through the test gateway), or serve a database "
            "with a real registry (import-registry)");
    if (!demo && demo_flag)
        throw std::runtime_error(
            "--demo serves only a database made by seed-demo, and this one was not: it may hold real "
            "people, who must not meet a test payment gateway. Leave out --demo");
}

}  // namespace muamala::server
