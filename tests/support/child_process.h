// Runs code in a child process, for tests of what happens when a process is
// interrupted or killed (the parent checks how the child ended and what it
// left on disk).
#pragma once

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace segc::testing {

// Runs `body` in a child process (which exits 0 if body returns) and returns
// its wait status. The child first drops the test framework's own handlers,
// so that its signals are handled as in segc.
inline int status_of_child(const std::function<void()>& body) {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) ::signal(signal, SIG_DFL);
    body();
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  return status;
}

}  // namespace segc::testing
