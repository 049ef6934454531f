// Steps shared by the commands that compile rules before doing something
// with them (run, test): check, print diagnostics, pick the evaluation date;
// and the checks of flag values every command uses.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/check_driver.h"

namespace segc::cli {

// Flag value checks, run by CLI11 while parsing: a bad value stops the
// command (exit 2) before anything is read, with "segc: FLAG: MESSAGE".

// Refuses an empty value: "the value is empty; give WHAT". An unset variable
// in a script (--out "$OUT") must not pass for a flag left out.
CLI::Validator not_empty(const std::string& what);

// Takes a whole number from 0 to `max`, written in decimal digits only
// (CLI11 alone reads 010 as octal 8, 0x10 as 16, and -1 as 2^64-1 for a
// size_t); else "expected a whole number from 0 to MAX (ZERO_MEANS), got
// "VALUE"". With `max` the largest uint64_t the bound is not mentioned, and a
// larger number is taken as that largest one. It rewrites the value to plain
// decimal, so give it with Option::transform (Option::check discards changes).
CLI::Validator whole_number(uint64_t max, const std::string& zero_means);

// --threads N of run and import: loading and evaluation threads, 0 for all cores.
inline constexpr unsigned kMaxThreads = 1024;
CLI::Validator thread_count();

struct CompiledRules {
  std::unique_ptr<CheckOutcome> outcome;  // holds the program when exit_code is unset
  std::optional<int> exit_code;           // set when the command must stop
};

// Checks the rule files and prints diagnostics (text, stderr), at most
// `error_limit` errors per file (0: all). Stops with 1 on errors in the rules
// ("N errors: " + `nothing_done`) and 2 when an input cannot be read. `root`
// is --root. Without `print_warnings` the diagnostics are printed only when
// there are errors.
CompiledRules compile_rules(const std::vector<std::string>& inputs, bool werror,
                            const std::string& root, size_t error_limit,
                            std::string_view nothing_done = "nothing was evaluated", bool print_warnings = true);

// Prints the warnings about the rules on the data (evaluate/data_lints.h) as
// text on stderr, as errors under --werror; true when the command must stop
// (--werror and at least one), after "N errors: `nothing_done`".
bool report_data_warnings(DiagnosticList warnings, const SourceManager& sources, bool werror,
                          std::string_view nothing_done);

// The rule files and folders every command but check and fmt takes (those
// also read stdin), required.
void add_rule_files_option(CLI::App& command, std::vector<std::string>& inputs);

// An option whose value is one of `choices`, the default shown in --help;
// an empty or other value is refused naming them ("a, b or c").
CLI::Option* add_choice_option(CLI::App& command, const std::string& name, std::string& value,
                               const std::vector<std::string>& choices, const std::string& help);

// --as-of DATE and --timezone TZ; `as_of_help` says what the date is for.
void add_date_flags(CLI::App& command, std::string& as_of, std::string& timezone, const std::string& as_of_help);

// --as-of DATE, else today in --timezone; nullopt after printing a usage error.
// An unknown --timezone is an error also when --as-of leaves it unused.
std::optional<int32_t> evaluation_date(const std::string& as_of, const std::string& time_zone);

// "cannot read PATH: REASON" when the input file `path` does not exist, is a
// folder or may not be read, else "". Only looks: a FIFO is not opened, so a
// program writing into it is not cut off before the data is read.
std::string unreadable_input(const std::string& path);

// Whether diagnostics on stderr are coloured (CLI.md): only when stderr is a
// terminal and NO_COLOR is unset.
bool stderr_wants_colour();

// Prints "segc: MESSAGE" to stderr, control characters escaped (terminal_safe).
void print_error(const std::string& message);
// Prints "segc: warning: MESSAGE" to stderr.
void print_warning(const std::string& message);

}  // namespace segc::cli
