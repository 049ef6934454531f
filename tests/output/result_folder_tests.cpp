// segc run --out DIR changes DIR as a whole (output/result_folder.h): the
// previous results stay until the new ones are complete, a second run cannot
// write into a folder being written, files follow the umask and are never
// writable by others, and what a killed run left behind is removed.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Signals.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "output/result_folder.h"
#include "output/staged_files.h"
#include "support/child_process.h"
#include "tests/runtime/columnar_test_support.h"

namespace fs = std::filesystem;
using segc::output::ResultFolder;
using segc::runtime::testing::read_bytes;
using segc::runtime::testing::ScratchFolder;
using segc::testing::status_of_child;

namespace {

std::set<std::string> names_in(const std::string& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

mode_t mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

// Writes `files` (name, contents) as one result into `folder`.
void write_result(const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files) {
  std::string error;
  auto result = ResultFolder::open(folder, error);
  REQUIRE(result);
  for (const auto& [name, contents] : files) REQUIRE(result->add(name, contents, error));
  REQUIRE(result->commit(error));
}


}  // namespace

TEST_CASE("a result folder is replaced as a whole", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  write_result(out, {{"a.keys", "1\n"}, {"b.keys", "2\n"}, {"manifest.json", "{\"run\": 1}\n"}});
  CHECK(names_in(out) == std::set<std::string>{"a.keys", "b.keys", "manifest.json"});
  // The second run computes only a: b.keys of the first must not survive
  // beside the new manifest.
  write_result(out, {{"a.keys", "3\n"}, {"manifest.json", "{\"run\": 2}\n"}});
  CHECK(names_in(out) == std::set<std::string>{"a.keys", "manifest.json"});
  CHECK(read_bytes(out + "/a.keys") == "3\n");
  // Nothing beside it but the folder itself.
  CHECK(names_in(fs::path(out).parent_path().string()) == std::set<std::string>{"out"});
}

TEST_CASE("a result folder is untouched until commit, and a failed run leaves it as it was", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  write_result(out, {{"a.keys", "1\n"}, {"manifest.json", "{}\n"}});
  {
    std::string error;
    auto result = ResultFolder::open(out, error);
    REQUIRE(result);
    REQUIRE(result->add("a.keys", "9\n", error));
    CHECK(read_bytes(out + "/a.keys") == "1\n");
    CHECK_FALSE(result->add("../escape.keys", "x", error));
  }  // never committed
  CHECK(read_bytes(out + "/a.keys") == "1\n");
  CHECK(names_in(scratch.file("")) == std::set<std::string>{"out"});
  // A folder the failed run created is not left behind empty.
  { std::string error; auto result = ResultFolder::open(scratch.file("fresh"), error); REQUIRE(result); }
  CHECK_FALSE(fs::exists(scratch.file("fresh")));
}

TEST_CASE("a second run into a folder being written is refused", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  std::string error;
  auto first = ResultFolder::open(out, error);
  REQUIRE(first);
  auto second = ResultFolder::open(out, error);
  CHECK_FALSE(second);
  CHECK(error.find("another segc run is writing its results there") != std::string::npos);
  REQUIRE(first->add("a.keys", "1\n", error));
  REQUIRE(first->add("manifest.json", "{}\n", error));
  REQUIRE(first->commit(error));
  first.reset();
  CHECK(ResultFolder::open(out, error));
}

TEST_CASE("a folder with files segc did not write is refused, and nothing in it is touched", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  fs::create_directories(out);
  std::ofstream(out + "/notes.txt") << "mine";
  std::string error;
  CHECK_FALSE(ResultFolder::open(out, error));
  CHECK(error.find("\"notes.txt\", which segc did not write") != std::string::npos);
  CHECK(read_bytes(out + "/notes.txt") == "mine");
  fs::remove(out + "/notes.txt");
  fs::create_directories(out + "/sub.keys");
  CHECK_FALSE(ResultFolder::open(out, error));
  CHECK(fs::exists(out + "/sub.keys"));
  // A name segc could have written is not enough: results have a manifest.
  fs::remove(out + "/sub.keys");
  std::ofstream(out + "/api.keys") << "secret";
  CHECK_FALSE(ResultFolder::open(out, error));
  CHECK(error.find("no manifest.json") != std::string::npos);
  CHECK(read_bytes(out + "/api.keys") == "secret");
}

TEST_CASE("result files follow the umask and are never writable by others", "[output]") {
  ScratchFolder scratch;
  const mode_t saved = ::umask(022);
  write_result(scratch.file("a"), {{"x.keys", "1\n"}, {"manifest.json", "{}\n"}});
  CHECK(mode_of(scratch.file("a/x.keys")) == 0644);
  CHECK(mode_of(scratch.file("a/manifest.json")) == 0644);
  ::umask(077);
  write_result(scratch.file("b"), {{"x.keys", "1\n"}, {"manifest.json", "{}\n"}});
  CHECK(mode_of(scratch.file("b/x.keys")) == 0600);
  CHECK(mode_of(scratch.file("b")) == 0700);
  ::umask(0);
  write_result(scratch.file("c"), {{"x.keys", "1\n"}, {"manifest.json", "{}\n"}});
  CHECK(mode_of(scratch.file("c/x.keys")) == 0664);
  CHECK((mode_of(scratch.file("c")) & S_IWOTH) == 0);
  // A file replacing one of the same name keeps its permissions.
  ::umask(022);
  REQUIRE(::chmod(scratch.file("a/x.keys").c_str(), 0640) == 0);
  write_result(scratch.file("a"), {{"x.keys", "2\n"}, {"y.keys", "3\n"}});
  CHECK(mode_of(scratch.file("a/x.keys")) == 0640);
  CHECK(mode_of(scratch.file("a/y.keys")) == 0644);
  ::umask(saved);
}

TEST_CASE("what a killed run left is removed by the next run", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  write_result(out, {{"a.keys", "1\n"}, {"manifest.json", "{}\n"}});
  fs::create_directories(scratch.file(".out.segc-Ab12Cd"));
  std::ofstream(scratch.file(".out.segc-Ab12Cd/a.keys")) << "half";
  std::ofstream(out + "/.a.keys.segc-x1y2z3") << "half";  // as runs before whole-folder results left them
  std::ofstream(scratch.file(".other.segc-Ab12Cd")) << "not ours";
  write_result(out, {{"a.keys", "2\n"}, {"manifest.json", "{}\n"}});
  CHECK(names_in(scratch.file("")) == std::set<std::string>{"out", ".other.segc-Ab12Cd"});
  CHECK(names_in(out) == std::set<std::string>{"a.keys", "manifest.json"});
}

TEST_CASE("an interrupt while results are written leaves the previous results and no staging folder",
          "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  write_result(out, {{"a.keys", "1\n"}, {"manifest.json", "{}\n"}});
  const std::string llvm_file = scratch.file("llvm-temporary");
  // LLVM installs its own handlers when the compile cache creates a file
  // (TempFile, RemoveFileOnSignal): before ours (a cold cache: compile, then
  // write) or after. Either way both clean up and the process dies of the signal.
  for (const bool llvm_first : {true, false}) {
    for (int signal : {SIGINT, SIGTERM}) {
      INFO("llvm first " << llvm_first << ", signal " << signal);
      std::ofstream(llvm_file) << "llvm";
      const int status = status_of_child([&] {
        // As in a fresh segc process: no handler yet, LLVM's not registered.
        // Catch2 restores its saved handlers after each test case, removing
        // LLVM's that an earlier test case (the compile cache's) registered,
        // while LLVM still counts them as registered and would not install
        // them again.
        llvm::sys::unregisterHandlers();
        for (int each : {SIGINT, SIGTERM}) ::signal(each, SIG_DFL);
        if (llvm_first) llvm::sys::RemoveFileOnSignal(llvm_file);
        std::string error;
        auto result = ResultFolder::open(out, error);
        if (!result) ::_exit(10);
        for (int i = 0; i < 5000; ++i) (void)result->add(fmt::format("s{}.keys", i), "9\n", error);
        if (!llvm_first) llvm::sys::RemoveFileOnSignal(llvm_file);
        ::raise(signal);
        ::_exit(11);
      });
      CHECK((WIFSIGNALED(status) && WTERMSIG(status) == signal));
      CHECK(names_in(scratch.file("")) == std::set<std::string>{"out"});
      CHECK(names_in(out) == std::set<std::string>{"a.keys", "manifest.json"});
      CHECK(read_bytes(out + "/a.keys") == "1\n");
    }
  }
}

TEST_CASE("an interrupted first run removes the results folder it created", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  for (int signal : {SIGINT, SIGTERM}) {
    INFO("signal " << signal);
    const int status = status_of_child([&] {
      std::string error;
      auto result = ResultFolder::open(out, error);
      if (!result) ::_exit(10);
      (void)result->add("a.keys", "1\n", error);
      ::raise(signal);
      ::_exit(11);
    });
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == signal));
    CHECK(names_in(scratch.file("")).empty());
  }
  // A folder that was there before stays, empty or not.
  fs::create_directories(out);
  const int status = status_of_child([&] {
    std::string error;
    auto result = ResultFolder::open(out, error);
    if (!result) ::_exit(10);
    ::raise(SIGINT);
  });
  CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGINT));
  CHECK(names_in(scratch.file("")) == std::set<std::string>{"out"});
}

TEST_CASE("files that go with the results are put in place after the swap", "[output]") {
  ScratchFolder scratch;
  const std::string out = scratch.file("out");
  const std::string rejects = scratch.file("rejects.csv");
  std::string error;
  {
    auto result = ResultFolder::open(out, error);
    REQUIRE(result);
    segc::output::StagedFiles with_results;
    REQUIRE(with_results.add(rejects, "line\n", error));
    REQUIRE(result->add("manifest.json", "{}\n", error));
    CHECK_FALSE(fs::exists(rejects));
    REQUIRE(result->commit(error, &with_results));
  }
  CHECK(read_bytes(rejects) == "line\n");
  CHECK(read_bytes(out + "/manifest.json") == "{}\n");
  CHECK(names_in(scratch.file("")) == std::set<std::string>{"out", "rejects.csv"});

  // One that cannot be put in place: the results are written, and the error says so.
  auto result = ResultFolder::open(out, error);
  REQUIRE(result);
  segc::output::StagedFiles with_results;
  REQUIRE(with_results.add(scratch.file("taken"), "line\n", error));
  fs::create_directories(scratch.file("taken/sub"));  // a folder in its place meanwhile
  REQUIRE(result->add("manifest.json", "{\"run\": 2}\n", error));
  CHECK_FALSE(result->commit(error, &with_results));
  CHECK(result->committed());
  CHECK(error.find("(the results in " + out + " were written)") != std::string::npos);
  CHECK(read_bytes(out + "/manifest.json") == "{\"run\": 2}\n");
}
