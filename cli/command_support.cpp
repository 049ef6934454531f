#include "command_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "commands.h"
#include "diagnostics/render.h"
#include "diagnostics/terminal_text.h"
#include "driver/rules_root.h"
#include "driver/today.h"
#include "runtime/calendar.h"

namespace segc::cli {

void print_error(const std::string& message) {
  std::fflush(stdout);
  // Messages quote paths, CSV headers and values: nothing of them raw.
  std::fprintf(stderr, "segc: %s\n", terminal_safe(message).c_str());
}

void print_warning(const std::string& message) { print_error("warning: " + message); }

void add_root_option(CLI::App& command, std::string& root) {
  command.add_option("--root", root,
                     fmt::format("The folder rule files and their imports must lie in (default: {})",
                                 kDefaultRootText));
}

void add_error_limit_flag(CLI::App& command, size_t& error_limit) {
  command
      .add_option("--error-limit", error_limit,
                  "Print at most this many errors (and warnings) per file, then count the "
                  "rest; 0 prints all")
      ->check(CLI::NonNegativeNumber)  // a size_t would take -1 as 2^64-1
      ->capture_default_str();
}

CompiledRules compile_rules(const std::vector<std::string>& inputs, bool werror,
                            const std::string& root, size_t error_limit,
                            std::string_view nothing_done) {
  CheckSettings settings;
  settings.warnings_as_errors = werror;
  settings.rules_root = root;
  settings.error_limit = error_limit;
  auto outcome = run_check(inputs, settings);
  if (!outcome) throw std::runtime_error(llvm::toString(outcome.takeError()));
  CompiledRules rules{std::move(*outcome), std::nullopt};
  const CheckOutcome& result = *rules.outcome;
  if (!result.usage_error.empty()) {
    print_error(result.usage_error);
    rules.exit_code = kExitUsage;
    return rules;
  }
  RenderOptions render;
  render.checked_files = result.root_files;
  render.color = ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  const std::string text =
      render_diagnostics(DiagnosticFormat::Text, result.diagnostics, result.sources, render);
  std::fwrite(text.data(), 1, text.size(), stderr);
  if (result.diagnostics.has_errors() || !result.program) {
    const size_t errors = result.diagnostics.error_count();
    std::fprintf(stderr, "%s\n",
                 fmt::format("{} error{}: {}", errors, errors == 1 ? "" : "s", nothing_done)
                     .c_str());
    rules.exit_code = kExitProblems;
  }
  return rules;
}

std::optional<int32_t> evaluation_date(const std::string& as_of, const std::string& time_zone) {
  if (!as_of.empty()) {
    if (auto date = calendar::parse_iso_date(as_of)) return date;
    print_error(fmt::format("--as-of: '{}' is not a date from 0001-01-01 to 9999-12-31; write it "
                            "as YYYY-MM-DD, e.g. 2026-11-01",
                            as_of));
    return std::nullopt;
  }
  std::string error;
  auto today = today_in_time_zone(time_zone, error);
  if (!today) print_error(error);
  return today;
}

}  // namespace segc::cli
