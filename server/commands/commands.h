// The commands of muamala-server other than serving: what an operator runs to set up, load, copy
// and check a deployment. main() parses the command line (options.h) and calls one of these.
// Each returns the process's exit status; a failure it cannot explain better is thrown
// (std::exception), and main() prints it with exit status 1.
#pragma once
#include <filesystem>

#include "server/options.h"

namespace muamala::server {

int run_seed_demo(const std::filesystem::path& database, const SeedDemoOptions& options);  // seed_demo_command.cpp
int run_verify_audit(const std::filesystem::path& database);                               // verify_audit_command.cpp
int run_import_registry(const std::filesystem::path& database, const RegistryFileOptions& options);  // import_registry_command.cpp
int run_export_registry(const std::filesystem::path& database, const RegistryFileOptions& options);  // export_registry_command.cpp
int run_backup(const std::filesystem::path& database, const BackupFileOptions& options);   // backup.h
int run_restore(const std::filesystem::path& database, const BackupFileOptions& options);  // backup.h

}  // namespace muamala::server
