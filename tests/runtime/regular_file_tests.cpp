// RegularFile: rule files and compile-cache entries are opened without
// following a link put in their place or on their way, without blocking on
// a FIFO, and only as regular files (issue 16, the check-to-open race).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "runtime/regular_file.h"

namespace {

namespace fs = std::filesystem;
using segc::runtime::RegularFile;

struct Folder {
  fs::path path = fs::temp_directory_path() / ("segc-regular-file-test-" + std::to_string(getpid()));
  Folder() {
    fs::remove_all(path);
    fs::create_directories(path / "root" / "sub");
    fs::create_directories(path / "elsewhere");
    std::ofstream(path / "root" / "sub" / "a.seg") << "segment a = true\n";
    std::ofstream(path / "elsewhere" / "a.seg") << "secret\n";
    path = fs::canonical(path);
  }
  ~Folder() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("RegularFile::open_beneath opens a file below the root", "[regular_file]") {
  Folder folder;
  std::error_code error;
  const auto file = RegularFile::open_beneath(folder.path / "root", folder.path / "root" / "sub" / "a.seg", error);
  REQUIRE(file);
  CHECK(!error);
  CHECK(file->size() == 17);
}

TEST_CASE("RegularFile::open_beneath refuses a folder swapped for a link", "[regular_file]") {
  // The race of docs/imports.md: sub/ was checked, then replaced by a link
  // to a folder elsewhere holding a file of the same name.
  Folder folder;
  fs::rename(folder.path / "root" / "sub", folder.path / "old-sub");
  fs::create_directory_symlink(folder.path / "elsewhere", folder.path / "root" / "sub");
  std::error_code error;
  CHECK(!RegularFile::open_beneath(folder.path / "root", folder.path / "root" / "sub" / "a.seg", error));
  CHECK(error == std::errc::too_many_symbolic_link_levels);
  // A relative link inside the root is refused the same way: the path given
  // is meant to have no links at all.
  fs::remove(folder.path / "root" / "sub");
  fs::create_directory_symlink("../old-sub", folder.path / "root" / "sub");
  CHECK(!RegularFile::open_beneath(folder.path / "root", folder.path / "root" / "sub" / "a.seg", error));
}

TEST_CASE("RegularFile::open_beneath refuses paths outside the root, FIFOs and folders", "[regular_file]") {
  Folder folder;
  std::error_code error;
  CHECK(!RegularFile::open_beneath(folder.path / "root", folder.path / "elsewhere" / "a.seg", error));
  CHECK(error == std::errc::cross_device_link);
  REQUIRE(::mkfifo((folder.path / "root" / "pipe.seg").c_str(), 0600) == 0);
  CHECK(!RegularFile::open_beneath(folder.path / "root", folder.path / "root" / "pipe.seg", error));
  CHECK(error == std::errc::not_supported);
  CHECK(!RegularFile::open_beneath(folder.path / "root", folder.path / "root" / "sub", error));
  CHECK(error == std::errc::not_supported);
  fs::create_symlink(folder.path / "root" / "sub" / "a.seg", folder.path / "root" / "link.seg");
  CHECK(!RegularFile::open(folder.path / "root" / "link.seg", error));
  CHECK(error == std::errc::too_many_symbolic_link_levels);
}
