#include "server/storage/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "server/security/crypto.h"

namespace muamala::server {
namespace {

[[noreturn]] void fail(const std::string& doing, const std::filesystem::path& file) {
    throw std::system_error(errno, std::generic_category(), doing + " " + file.string());
}

// Owns a file descriptor; closes it at the end of the scope.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

std::string octal_mode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

}  // namespace

std::filesystem::path wal_file_of(const std::filesystem::path& database) { return database.string() + "-wal"; }

std::filesystem::path shm_file_of(const std::filesystem::path& database) { return database.string() + "-shm"; }

std::optional<std::string> database_files_not_private(const std::filesystem::path& database) {
    for (const std::filesystem::path& file : {database, wal_file_of(database), shm_file_of(database)}) {
        struct stat status {};
        if (::stat(file.c_str(), &status) != 0) continue;  // absent: SQLite will create it like the database
        if ((status.st_mode & 077) == 0) continue;
        return file.string() + " can be read or written by other users (mode " + octal_mode(status.st_mode) +
               "), and it holds personal data, the receipt signing key and every second-factor secret. "
               "Make it private with: chmod 600 " + database.string() + "*";
    }
    return std::nullopt;
}

void create_private_file_if_missing(const std::filesystem::path& file) {
    const Descriptor created{::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    if (created.fd < 0 && errno != EEXIST) fail("cannot create", file);
    // The umask may only have taken bits away from 0600; fchmod makes sure none was added.
    if (created.fd >= 0 && ::fchmod(created.fd, 0600) != 0) fail("cannot make private", file);
}

void sync_to_disk(const std::filesystem::path& file_or_folder) {
    const Descriptor opened{::open(file_or_folder.c_str(), O_RDONLY | O_CLOEXEC)};
    if (opened.fd < 0) fail("cannot open", file_or_folder);
    if (::fsync(opened.fd) != 0) fail("cannot flush to disk", file_or_folder);
}

FileBeside::FileBeside(std::filesystem::path destination) : destination_(std::move(destination)) {
    // A random name, so two runs never write into each other's file; hidden, so a listing of
    // backups never shows a half-written one as if it were whole.
    const std::filesystem::path folder = destination_.has_parent_path() ? destination_.parent_path() : ".";
    std::string name(1, '.');  // appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + string
    name += destination_.filename().string();
    name += ".partial-";
    name += to_hex(random_bytes(6));
    path_ = folder / name;
    const Descriptor created{::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    if (created.fd < 0) fail("cannot create", path_);
    if (::fchmod(created.fd, 0600) != 0) fail("cannot make private", path_);
}

FileBeside::~FileBeside() {
    if (committed_) return;
    std::error_code ignored;  // nothing useful to do if it is already gone
    std::filesystem::remove(path_, ignored);
}

void FileBeside::commit() {
    sync_to_disk(path_);
    if (::rename(path_.c_str(), destination_.c_str()) != 0) fail("cannot rename into place", destination_);
    committed_ = true;
    sync_to_disk(destination_.has_parent_path() ? destination_.parent_path() : ".");
}

}  // namespace muamala::server
