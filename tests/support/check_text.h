// Runs the front end on rule text, as `segc check` would on a file: the text
// is written to a fresh temporary folder (removed again) so that imports,
// paths and diagnostics behave exactly as for a user's file.
#pragma once

#include <memory>
#include <string>

#include "driver/check_driver.h"

namespace segc::testing {

// The outcome of checking `text` as the file NAME in a temporary folder.
// Fails the current Catch2 test when run_check itself fails (a bug).
std::unique_ptr<CheckOutcome> check_text(const std::string& text,
                                         const std::string& name = "rules.seg");

// The diagnostics of `outcome` as text, for test failure messages.
std::string diagnostics_text(const CheckOutcome& outcome);

}  // namespace segc::testing
