// Steps shared by the commands that compile rules before doing something
// with them (run, test): check, print diagnostics, pick the evaluation date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/check_driver.h"

namespace segc::cli {

struct CompiledRules {
  std::unique_ptr<CheckOutcome> outcome;  // holds the program when exit_code is unset
  std::optional<int> exit_code;           // set when the command must stop
};

// Checks the rule files and prints diagnostics (text, stderr), at most
// `error_limit` errors per file (0: all). Stops with 1 on errors in the rules
// ("N errors: " + `nothing_done`) and 2 when an input cannot be read. `root`
// is --root.
CompiledRules compile_rules(const std::vector<std::string>& inputs, bool werror,
                            const std::string& root, size_t error_limit,
                            std::string_view nothing_done = "nothing was evaluated");

// --as-of DATE, else today in --timezone; nullopt after printing a usage error.
std::optional<int32_t> evaluation_date(const std::string& as_of, const std::string& time_zone);

// Prints "segc: MESSAGE" to stderr, control characters escaped (terminal_safe).
void print_error(const std::string& message);
// Prints "segc: warning: MESSAGE" to stderr.
void print_warning(const std::string& message);

}  // namespace segc::cli
