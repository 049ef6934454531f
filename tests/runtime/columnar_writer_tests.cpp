// The column-at-a-time writer: columns added in any order, from any thread,
// make the same file as a whole table written at once; a writer that is not
// committed, or that hits a write error, leaves the target as it was and no
// temporary file.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "tests/runtime/columnar_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

size_t files_in(const ScratchFolder& folder) {
  const std::filesystem::path path = std::filesystem::path(folder.file("x")).parent_path();
  return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(path), {}));
}

}  // namespace

TEST_CASE("columns added out of order from two threads make the same file", "[columnar]") {
  ScratchFolder folder;
  const Table table = every_kind_table();
  REQUIRE(write_columnar_file(folder.file("whole.segcol"), table, "test") == "");

  ColumnarFileWriter writer(folder.file("parts.segcol"), table.schema, "test");
  REQUIRE(writer.open() == "");
  const size_t columns = table.columns.size();
  std::thread backwards([&] {
    for (size_t i = columns; i-- > columns / 2;) writer.add(i, Column(table.columns[i]));
  });
  for (size_t i = 0; i < columns / 2; ++i) writer.add(i, Column(table.columns[i]));
  backwards.join();
  REQUIRE(writer.commit(table.row_count) == "");
  CHECK(read_bytes(folder.file("parts.segcol")) == read_bytes(folder.file("whole.segcol")));
  CHECK(files_in(folder) == 2);
}

TEST_CASE("a columnar writer that is not committed leaves the target as it was", "[columnar]") {
  ScratchFolder folder;
  const Table table = every_kind_table();
  const std::string target = folder.file("t.segcol");
  { std::ofstream(target) << "old"; }
  {
    ColumnarFileWriter writer(target, table.schema, "test");
    REQUIRE(writer.open() == "");
    writer.add(0, table.columns[0]);
    CHECK(files_in(folder) == 2);  // the target and the temporary file
  }
  CHECK(read_bytes(target) == "old");
  CHECK(files_in(folder) == 1);

  ColumnarFileWriter early(target, table.schema, "test");
  REQUIRE(early.open() == "");
  early.add(1, table.columns[1]);  // column 0 never comes
  CHECK(early.commit(table.row_count) == "internal error: a column was never written");
  CHECK(read_bytes(target) == "old");
}

TEST_CASE("a write error is kept for commit and nothing is written", "[columnar]") {
  ScratchFolder folder;
  const std::string target = folder.file("big.segcol");
  // In a child: a file size limit (with SIGXFSZ ignored, so that writes fail
  // with EFBIG instead of killing it) far below the table's size.
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    std::string text = "id,name\n";
    for (int row = 0; row < 20000; ++row) text += std::to_string(row) + ",name" + std::to_string(row) + "\n";
    CsvLoadResult loaded = load(text);
    const rlimit limit{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    int code = 3;
    {
      ColumnarFileWriter writer(target, loaded.table.schema, "test");
      if (writer.open() == "") {
        for (size_t i = 0; i < loaded.table.columns.size(); ++i) writer.add(i, std::move(loaded.table.columns[i]));
        const std::string problem = writer.commit(loaded.table.row_count);
        code = problem.find("cannot write " + target + ": File too large") == 0 ? 0 : 4;
      }
    }  // the writer removes its temporary file
    ::_exit(code);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(files_in(folder) == 0);
}

// Imported tables are campaign data: the file follows the umask but is never
// writable by others; one that replaces a file keeps that file's permissions
// (less others' write), as every file segc writes (runtime/output_file_mode.h).
TEST_CASE("a columnar file follows the umask and is never writable by others", "[columnar]") {
  ScratchFolder folder;
  const Table table = every_kind_table();
  auto mode_of = [](const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
  };
  const mode_t saved = ::umask(0);
  REQUIRE(write_columnar_file(folder.file("open.segcol"), table, "test") == "");
  CHECK(mode_of(folder.file("open.segcol")) == 0664);
  ::umask(077);
  REQUIRE(write_columnar_file(folder.file("private.segcol"), table, "test") == "");
  CHECK(mode_of(folder.file("private.segcol")) == 0600);
  ::umask(022);
  REQUIRE(::chmod(folder.file("open.segcol").c_str(), 0666) == 0);
  REQUIRE(write_columnar_file(folder.file("open.segcol"), table, "test") == "");
  CHECK(mode_of(folder.file("open.segcol")) == 0664);
  REQUIRE(::chmod(folder.file("private.segcol").c_str(), 0640) == 0);
  REQUIRE(write_columnar_file(folder.file("private.segcol"), table, "test") == "");
  CHECK(mode_of(folder.file("private.segcol")) == 0640);
  ::umask(saved);
}
