// Files written whole through output::StagedFiles (rules rewritten by fmt
// --write, rejects files): they follow the umask and are never writable by
// others; a file that replaces another keeps that file's permissions, less
// others' write.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "output/staged_files.h"
#include "tests/runtime/columnar_test_support.h"

using segc::output::write_file_atomically;
using segc::runtime::testing::read_bytes;
using segc::runtime::testing::ScratchFolder;

namespace {

mode_t mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

}  // namespace

TEST_CASE("staged files follow the umask and are never writable by others", "[output]") {
  ScratchFolder scratch;
  std::string error;
  const mode_t saved = ::umask(0);
  REQUIRE(write_file_atomically(scratch.file("open.csv"), "a\n", error));
  CHECK(mode_of(scratch.file("open.csv")) == 0664);
  ::umask(022);
  REQUIRE(write_file_atomically(scratch.file("usual.csv"), "a\n", error));
  CHECK(mode_of(scratch.file("usual.csv")) == 0644);
  ::umask(077);
  REQUIRE(write_file_atomically(scratch.file("private.csv"), "a\n", error));
  CHECK(mode_of(scratch.file("private.csv")) == 0600);

  // Replacing: the file's own permissions, whatever the umask, less others' write.
  REQUIRE(::chmod(scratch.file("open.csv").c_str(), 0666) == 0);
  REQUIRE(write_file_atomically(scratch.file("open.csv"), "b\n", error));
  CHECK(mode_of(scratch.file("open.csv")) == 0664);
  REQUIRE(::chmod(scratch.file("usual.csv").c_str(), 0640) == 0);
  REQUIRE(write_file_atomically(scratch.file("usual.csv"), "b\n", error));
  CHECK(mode_of(scratch.file("usual.csv")) == 0640);
  CHECK(read_bytes(scratch.file("usual.csv")) == "b\n");
  ::umask(saved);
}

// Found when the file is staged, not when it is put in place: by then a run's
// results are already swapped in.
TEST_CASE("a file cannot be staged over a folder", "[output]") {
  ScratchFolder scratch;
  std::filesystem::create_directories(scratch.file("rejects.csv"));
  segc::output::StagedFiles files;
  std::string error;
  CHECK_FALSE(files.add(scratch.file("rejects.csv"), "a\n", error));
  CHECK(error == "cannot write " + scratch.file("rejects.csv") + ": it is a folder");
  CHECK(std::distance(std::filesystem::directory_iterator(scratch.file("")), {}) == 1);
}
