#include "command_support.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
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

CLI::Validator not_empty(const std::string& what) {
  return CLI::Validator(
      [what](const std::string& value) {
        return value.empty() ? "the value is empty; give " + what : std::string();
      },
      "");
}

bool stderr_wants_colour() { return ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr; }

void add_rule_files_option(CLI::App& command, std::vector<std::string>& inputs) {
  command.add_option("files", inputs, "Rule files, or folders meaning every *.seg below them")
      ->required()
      ->check(not_empty("a rule file or folder"));
}

CLI::Option* add_choice_option(CLI::App& command, const std::string& name, std::string& value,
                               const std::vector<std::string>& choices, const std::string& help) {
  std::string listed;
  for (size_t i = 0; i < choices.size(); ++i) {
    listed += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  }
  return command.add_option(name, value, help)
      ->check(not_empty(listed))
      ->check(CLI::IsMember(choices))
      ->capture_default_str();
}

CLI::Validator whole_number(uint64_t max, const std::string& zero_means) {
  const bool unbounded = max == std::numeric_limits<uint64_t>::max();
  const std::string expected = unbounded ? "a whole number 0 or more"
                                         : fmt::format("a whole number from 0 to {}", max);
  return CLI::Validator(
      [=](std::string& value) {
        const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        const bool digits_only = !value.empty() && std::all_of(value.begin(), value.end(), is_digit);
        uint64_t number = 0;
        const std::errc error = std::from_chars(value.data(), value.data() + value.size(), number).ec;
        if (error == std::errc::result_out_of_range && unbounded) number = max;
        if (!digits_only || (error != std::errc() && !unbounded) || number > max) {
          return fmt::format("expected {} ({}), got \"{}\"", expected, zero_means, value);
        }
        value = std::to_string(number);  // what CLI11 converts: no leading 0 to read as octal
        return std::string();
      },
      unbounded ? "" : fmt::format("in [0 - {}]", max));
}

CLI::Validator thread_count() { return whole_number(kMaxThreads, "0 uses all cores"); }

void add_root_option(CLI::App& command, std::string& root) {
  command
      .add_option("--root", root,
                  fmt::format("The folder rule files and their imports must lie in (default: {})",
                              kDefaultRootText))
      ->check(not_empty("a folder"));
}

void add_error_limit_flag(CLI::App& command, size_t& error_limit) {
  command
      .add_option("--error-limit", error_limit,
                  "Print at most this many errors (and warnings) per file, then count the "
                  "rest; 0 prints all")
      ->transform(whole_number(std::numeric_limits<size_t>::max(), "0 prints all"))
      ->capture_default_str();
}

void add_date_flags(CLI::App& command, std::string& as_of, std::string& timezone, const std::string& as_of_help) {
  command.add_option("--as-of", as_of, as_of_help)
      ->check(not_empty("a date as YYYY-MM-DD, or leave out --as-of for the current date"));
  command.add_option("--timezone", timezone, "IANA time zone of the current date when --as-of is not given")
      ->check(not_empty("an IANA time zone such as Europe/Moscow, or leave out --timezone for UTC"))
      ->capture_default_str();
}

CompiledRules compile_rules(const std::vector<std::string>& inputs, bool werror,
                            const std::string& root, size_t error_limit,
                            std::string_view nothing_done, bool print_warnings) {
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
  render.color = stderr_wants_colour();
  const std::string text =
      render_diagnostics(DiagnosticFormat::Text, result.diagnostics, result.sources, render);
  if (print_warnings || result.diagnostics.has_errors()) std::fwrite(text.data(), 1, text.size(), stderr);
  if (result.diagnostics.has_errors() || !result.program) {
    const size_t errors = result.diagnostics.error_count();
    std::fprintf(stderr, "%s\n",
                 fmt::format("{} error{}: {}", errors, errors == 1 ? "" : "s", nothing_done)
                     .c_str());
    rules.exit_code = kExitProblems;
  }
  return rules;
}

bool report_data_warnings(DiagnosticList warnings, const SourceManager& sources, bool werror,
                          std::string_view nothing_done) {
  if (warnings.items().empty()) return false;
  if (werror) {
    for (Diagnostic& diagnostic : warnings.items()) diagnostic.severity = Severity::Error;
  }
  RenderOptions render;
  render.color = stderr_wants_colour();
  const std::string text = render_diagnostics(DiagnosticFormat::Text, warnings, sources, render);
  std::fwrite(text.data(), 1, text.size(), stderr);
  if (!werror) return false;
  const size_t errors = warnings.items().size();
  std::fprintf(stderr, "%s\n", fmt::format("{} error{}: {}", errors, errors == 1 ? "" : "s", nothing_done).c_str());
  return true;
}

std::optional<int32_t> evaluation_date(const std::string& as_of, const std::string& time_zone) {
  std::string error;
  auto today = today_in_time_zone(time_zone, error);
  if (!today) {
    print_error(error);
    return std::nullopt;
  }
  if (as_of.empty()) return today;
  if (auto date = calendar::parse_iso_date(as_of)) return date;
  print_error(fmt::format("--as-of: '{}' is not a date from 0001-01-01 to 9999-12-31; write it "
                          "as YYYY-MM-DD, e.g. 2026-11-01",
                          as_of));
  return std::nullopt;
}

std::string unreadable_input(const std::string& path) {
  struct stat info {};
  int error = 0;
  if (::stat(path.c_str(), &info) != 0) {
    error = errno;
  } else if (S_ISDIR(info.st_mode)) {
    error = EISDIR;
  } else if (::access(path.c_str(), R_OK) != 0) {
    error = errno;
  }
  return error == 0 ? "" : fmt::format("cannot read {}: {}", path, std::strerror(error));
}

}  // namespace segc::cli
