// segc_time_command [--reps N] [--tsv OUT] [--label TEXT] -- COMMAND ARGS...: runs a command
// N times, its stdout thrown away, and prints the median wall time (fork to
// exit, as a user waiting for it sees it) and the median peak resident set
// size of the process (getrusage of the child, `ru_maxrss`). run.sh times
// `segc import` and `segc run` with it. A failed run of the command fails
// this with the command's exit code.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "timing.h"

namespace {

struct Run {
  double wall_ms = 0;
  long peak_rss_kb = 0;
};

// Runs `command` once and waits for it; exit code of the command or, when
// killed by a signal, 128 + the signal (as a shell reports it).
int run_once(const std::vector<std::string>& command, Run& run) {
  std::vector<char*> argv;
  for (const std::string& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) return 127;
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDOUT_FILENO);
    execvp(argv[0], argv.data());
    std::perror(argv[0]);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) < 0) return 127;
  run.wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  run.peak_rss_kb = usage.ru_maxrss;  // kilobytes on Linux
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Median wall time and peak RSS of a command", "segc_time_command"};
  unsigned reps = 3;
  std::string tsv, label;
  std::vector<std::string> command;
  app.add_option("--reps", reps, "runs")->capture_default_str();
  app.add_option("--tsv", tsv, "also write the medians here as TSV");
  app.add_option("--label", label, "what to call the command in the output (default: its program)");
  app.add_option("command", command, "the command, after --")->required();
  CLI11_PARSE(app, argc, argv);
  if (label.empty()) label = command[0];

  std::vector<double> walls, rss;
  for (unsigned i = 0; i < std::max(reps, 1u); ++i) {
    Run run;
    if (const int code = run_once(command, run); code != 0) {
      fmt::print(stderr, "segc_time_command: {} exited with {}\n", command[0], code);
      return code;
    }
    walls.push_back(run.wall_ms);
    rss.push_back(static_cast<double>(run.peak_rss_kb));
  }
  const double wall = segc::bench::median(walls), peak_kb = segc::bench::median(rss);
  const auto [fastest, slowest] = std::minmax_element(walls.begin(), walls.end());
  std::printf("%s\n", fmt::format("{}: wall {:.1f} ms (median of {}, {:.1f} to {:.1f}), peak RSS "
                                  "{:.1f} MB",
                                  label, wall, walls.size(), *fastest, *slowest, peak_kb * 1024 / 1e6)
                          .c_str());
  if (!tsv.empty()) {
    std::ofstream out(tsv);
    out << "wall_ms\tpeak_rss_bytes\treps\n"
        << fmt::format("{:.3f}\t{:.0f}\t{}\n", wall, peak_kb * 1024, walls.size());
    if (!out) {
      fmt::print(stderr, "segc_time_command: cannot write {}\n", tsv);
      return 2;
    }
  }
  return 0;
}
