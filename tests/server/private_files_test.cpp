// Files holding the deployment's secrets are their owner's alone, and are put in place whole.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "server/storage/database.h"
#include "server/storage/private_files.h"
#include "tests/server/test_support.h"

namespace muamala::server::testing {
namespace {

mode_t mode_of(const std::filesystem::path& file) {
    struct stat status {};
    EXPECT_EQ(::stat(file.c_str(), &status), 0) << file;
    return status.st_mode & 07777;
}

std::string text_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The usual umask, which would leave new files readable by everyone.
class UsualUmask {
public:
    UsualUmask() : saved_(::umask(022)) {}
    ~UsualUmask() { ::umask(saved_); }

private:
    mode_t saved_;
};

TEST(PrivateFiles, ADatabaseAndItsWalAndSharedMemoryAreCreated0600WhateverTheUmask) {
    const UsualUmask umask;
    TempDir dir;
    const std::filesystem::path file = dir.path() / "muamala.db";
    Database database(file);
    auto connection = database.connect();
    connection->execute("CREATE TABLE written (x INTEGER)");  // a write, so the WAL exists
    EXPECT_EQ(mode_of(file), 0600u);
    EXPECT_EQ(mode_of(wal_file_of(file)), 0600u);
    EXPECT_EQ(mode_of(shm_file_of(file)), 0600u);
    EXPECT_EQ(database_files_not_private(file), std::nullopt);
}

TEST(PrivateFiles, ADatabaseOthersCanReadIsNamedWithTheCommandThatFixesIt) {
    TempDir dir;
    const std::filesystem::path file = dir.path() / "muamala.db";
    { Database database(file); }
    ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
    const std::optional<std::string> problem = database_files_not_private(file);
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(problem->find("mode 0644"), std::string::npos) << *problem;
    EXPECT_NE(problem->find("chmod 600 " + file.string()), std::string::npos) << *problem;

    ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
    std::ofstream(wal_file_of(file)) << "";
    ASSERT_EQ(::chmod(wal_file_of(file).c_str(), 0640), 0);
    EXPECT_TRUE(database_files_not_private(file).has_value()) << "a readable WAL holds the same secrets";
}

TEST(PrivateFiles, AFileBesideAppearsUnderItsNameOnlyWhenCommittedAndPrivate) {
    const UsualUmask umask;
    TempDir dir;
    const std::filesystem::path destination = dir.path() / "export.jsonl";
    std::ofstream(destination) << "the old one\n";
    {
        FileBeside abandoned(destination);
        std::ofstream(abandoned.path()) << "half of it";
    }  // not committed: as if the process had failed half way
    EXPECT_EQ(text_of(destination), "the old one\n");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1) << "nothing left beside it";

    FileBeside written(destination);
    std::ofstream(written.path()) << "the new one\n";
    written.commit();
    EXPECT_EQ(text_of(destination), "the new one\n");
    EXPECT_EQ(mode_of(destination), 0600u);
}

}  // namespace
}  // namespace muamala::server::testing
