// backup and restore (backup.h): the words an operator reads, around the storage's work.
#include <iostream>

#include "server/commands/commands.h"
#include "server/storage/backup.h"

namespace muamala::server {

int run_backup(const std::filesystem::path& database, const BackupFileOptions& options) {
    try {
        const BackupSummary summary = backup_database(database, options.file);
        std::cerr << "backed up " << database.string() << " to " << options.file.string() << " (" << summary.bytes
                  << " bytes, mode 0600, integrity checked; " << summary.audit_entries << " audit entries, chain "
                  << (summary.audit_chain_whole ? "whole" : "BROKEN: run verify-audit on the database") << ")"
                  << std::endl;
        return summary.audit_chain_whole ? 0 : 1;
    } catch (const BackupRefused& refusal) {
        std::cerr << "muamala-server backup: " << refusal.what() << std::endl;
        return 1;
    }
}

int run_restore(const std::filesystem::path& database, const BackupFileOptions& options) {
    try {
        const RestoreSummary summary = restore_database(options.file, database, options.force);
        std::cerr << "restored " << database.string() << " from " << options.file.string() << " (schema version "
                  << summary.schema_version << ", integrity checked, audit chain whole: " << summary.audit_entries
                  << " entries)" << std::endl;
        if (!summary.replaced_kept.empty())
            std::cerr << "the database it replaced is kept as " << summary.replaced_kept.string() << std::endl;
        if (summary.was_in_use)
            std::cerr << "the database was in use (--force): restart the server now, or it goes on writing to the "
                         "replaced file"
                      << std::endl;
        return 0;
    } catch (const BackupRefused& refusal) {
        std::cerr << "muamala-server restore: " << refusal.what() << std::endl;
        return 1;
    }
}

}  // namespace muamala::server
