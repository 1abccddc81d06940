// verify-audit: checks the audit log's hash chain (audit.h).
#include <iostream>
#include <stdexcept>

#include "server/commands/commands.h"
#include "server/security/audit.h"
#include "server/storage/database.h"

namespace muamala::server {

// Reads the file as it is: no migration, and no new file where there was none.
int run_verify_audit(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw std::runtime_error("no database at " + file.string());
    Connection connection = Connection::open(file);
    const AuditCheck check = verify_audit_chain(connection);
    if (check.whole) {
        std::cout << "audit chain whole: " << check.entries << " entries" << std::endl;
        return 0;
    }
    std::cout << "audit chain broken at entry " << check.first_broken_seq << ": " << check.problem << " ("
              << check.entries << " entries read)" << std::endl;
    return 1;
}

}  // namespace muamala::server
