// Files that hold the deployment's secrets: the database (personal data, the receipt signing key,
// every second-factor secret), its WAL and shared-memory files, backups and registry exports. Each
// is created readable by its owner only (0600), and each is put in place whole: written beside its
// final name, flushed to the disk, then renamed over it, so a crash leaves the old file or the new
// one and never half of either.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace muamala::server {

// The files SQLite keeps for a database: the file itself, its write-ahead log and shared memory.
std::filesystem::path wal_file_of(const std::filesystem::path& database);  // FILE-wal
std::filesystem::path shm_file_of(const std::filesystem::path& database);  // FILE-shm

// What is wrong when the database or its WAL or shared-memory file exists with permissions for
// anyone but its owner ("...is readable by other users (mode 0644)..." and the chmod that fixes it);
// nullopt when all three are private or absent.
std::optional<std::string> database_files_not_private(const std::filesystem::path& database);

// Creates an empty file of mode 0600 if there is none (whatever the umask); an existing file is
// left as it is. Throws std::system_error.
void create_private_file_if_missing(const std::filesystem::path& file);

// Flushes a file's bytes, or a folder's entries (after a rename in it), to the disk. Throws std::system_error.
void sync_to_disk(const std::filesystem::path& file_or_folder);

// A new file written beside `destination` (same folder, so the rename cannot cross file systems)
// with mode 0600, then put in its place by commit(). Unless committed, the destructor removes it.
class FileBeside {
public:
    explicit FileBeside(std::filesystem::path destination);  // creates the file beside; throws std::system_error
    ~FileBeside();
    FileBeside(const FileBeside&) = delete;
    FileBeside& operator=(const FileBeside&) = delete;
    const std::filesystem::path& path() const { return path_; }  // where to write meanwhile
    // Flushes the file, renames it over the destination (replacing a file there in one step), and
    // flushes the folder so the rename survives a power cut.
    void commit();

private:
    std::filesystem::path destination_;
    std::filesystem::path path_;
    bool committed_ = false;
};

}  // namespace muamala::server
