// A process interrupted while it writes a result leaves no temporary file:
// each case runs in a child process that gets the signal, and the parent
// checks how the child ended and which files are left.
#include <catch2/catch.hpp>

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include "output/staged_files.h"
#include "runtime/columnar_file.h"
#include "runtime/interrupt_cleanup.h"
#include "support/child_process.h"
#include "tests/runtime/columnar_test_support.h"

namespace fs = std::filesystem;
using segc::runtime::RemoveOnInterrupt;
using segc::runtime::testing::ScratchFolder;
using segc::testing::status_of_child;

namespace {


bool died_of(int status, int signal) { return WIFSIGNALED(status) && WTERMSIG(status) == signal; }

void touch(const std::string& path) { std::ofstream(path) << "partial"; }

size_t files_in(const ScratchFolder& folder) {
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(folder.file("x")).parent_path())) {
    (void)entry;
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("an interrupt removes the registered temporary files and still ends the process", "[runtime]") {
  ScratchFolder folder;
  const std::string kept = folder.file("unregistered");
  const std::string gone = folder.file(".result.segc-abc123");
  const std::string released = folder.file(".released.segc-def456");
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    INFO("signal " << signal);
    touch(kept);
    touch(gone);
    touch(released);
    const int status = status_of_child([&] {
      { const RemoveOnInterrupt done(released); }
      const RemoveOnInterrupt guard(gone);
      ::raise(signal);
    });
    CHECK(died_of(status, signal));
    CHECK(fs::exists(kept));
    CHECK(fs::exists(released));  // its guard was gone before the signal
    CHECK_FALSE(fs::exists(gone));
  }
}

TEST_CASE("an ignored signal stays ignored while temporary files are registered", "[runtime]") {
  ScratchFolder folder;
  const std::string path = folder.file(".result.segc-abc123");
  touch(path);
  const int status = status_of_child([&] {
    ::signal(SIGHUP, SIG_IGN);  // as under nohup
    const RemoveOnInterrupt guard(path);
    ::raise(SIGHUP);
  });
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(fs::exists(path));
}

// A file size limit (ulimit -f) stops both writers halfway through their
// temporary file: the process dies of SIGXFSZ and the folder is left empty.
TEST_CASE("a writer killed halfway leaves neither its result nor its temporary file", "[runtime]") {
  const auto limited = [](const std::function<void()>& write) {
    return [write] {
      const rlimit limit{64 * 1024, 64 * 1024};
      ::setrlimit(RLIMIT_FSIZE, &limit);
      write();
    };
  };
  SECTION("a columnar file") {
    ScratchFolder folder;
    std::string text = "id,name,age,spent,score,vip,tier,born,tags\n";
    for (int row = 0; row < 20000; ++row) text += fmt::format("{},name-{},{},1.00,0.5,true,gold,2024-01-01,a\n", row, row, row % 90);
    const segc::runtime::Table table = [&] {
      auto loaded = segc::runtime::testing::load(text);
      REQUIRE(loaded.ok());
      return std::move(loaded.table);
    }();
    const std::string target = folder.file("customers.segcol");
    const int status = status_of_child(limited([&] {
      (void)segc::runtime::write_columnar_file(target, table, "test");
    }));
    CHECK(died_of(status, SIGXFSZ));
    CHECK(files_in(folder) == 0);
  }
  SECTION("staged output files") {
    ScratchFolder folder;
    const std::string big(256 * 1024, 'k');
    const int status = status_of_child(limited([&] {
      segc::output::StagedFiles files;
      std::string error;
      (void)files.add(folder.file("small.keys"), "1\n2\n", error);
      (void)files.add(folder.file("big.keys"), big, error);
    }));
    CHECK(died_of(status, SIGXFSZ));
    CHECK(files_in(folder) == 0);
  }
}

TEST_CASE("an interrupt removes every registered file, however many", "[runtime]") {
  // Registration once stopped at 4,096 files; later ones were left behind.
  ScratchFolder folder;
  constexpr int kFiles = 5000;
  for (int i = 0; i < kFiles; ++i) touch(folder.file(fmt::format(".f{}.segc-x", i)));
  const int status = status_of_child([&] {
    std::vector<std::unique_ptr<RemoveOnInterrupt>> guards;
    for (int i = 0; i < kFiles; ++i) {
      guards.push_back(std::make_unique<RemoveOnInterrupt>(folder.file(fmt::format(".f{}.segc-x", i))));
    }
    ::raise(SIGTERM);
  });
  CHECK(died_of(status, SIGTERM));
  CHECK(files_in(folder) == 0);
}

TEST_CASE("an interrupt removes a registered empty folder but not one that holds files", "[runtime]") {
  ScratchFolder folder;
  const std::string empty = folder.file("empty");
  const std::string full = folder.file("full");
  fs::create_directories(empty);
  fs::create_directories(full);
  touch(full + "/result.keys");
  const int status = status_of_child([&] {
    const RemoveOnInterrupt first(empty, RemoveOnInterrupt::Kind::EmptyFolder);
    const RemoveOnInterrupt second(full, RemoveOnInterrupt::Kind::EmptyFolder);
    ::raise(SIGINT);
  });
  CHECK(died_of(status, SIGINT));
  CHECK_FALSE(fs::exists(empty));
  CHECK(fs::exists(full + "/result.keys"));
}

// Steps under a DeferInterrupts all happen; the signal is handled after them.
TEST_CASE("a signal that arrives while interrupts are deferred is handled when they no longer are", "[runtime]") {
  ScratchFolder folder;
  const std::string temporary = folder.file(".result.segc-abc123");
  const std::string finished = folder.file("finished");
  for (const bool other_thread : {false, true}) {
    INFO("signal on another thread " << other_thread);
    touch(temporary);
    fs::remove(finished);
    const int status = status_of_child([&] {
      const RemoveOnInterrupt guard(temporary);
      {
        const segc::runtime::DeferInterrupts deferred;
        if (other_thread) {
          std::thread([] { ::pthread_kill(::pthread_self(), SIGTERM); }).join();
        } else {
          ::raise(SIGTERM);
        }
        touch(finished);  // still running
      }
      ::_exit(11);  // not reached
    });
    CHECK(died_of(status, SIGTERM));
    CHECK(fs::exists(finished));
    CHECK_FALSE(fs::exists(temporary));
  }
}

TEST_CASE("without a signal, deferring interrupts changes nothing", "[runtime]") {
  ScratchFolder folder;
  const std::string temporary = folder.file(".result.segc-abc123");
  touch(temporary);
  const int status = status_of_child([&] {
    const RemoveOnInterrupt guard(temporary);
    { const segc::runtime::DeferInterrupts deferred; }
    { const segc::runtime::DeferInterrupts again; }
    ::_exit(12);
  });
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 12);
  CHECK(fs::exists(temporary));
}
