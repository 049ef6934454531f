// Checks a rule file for the bench, printing its diagnostics; throws when it
// has errors.
#pragma once

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "diagnostics/render.h"
#include "driver/check_driver.h"

namespace segc::bench {

inline std::unique_ptr<CheckOutcome> check_rules(const std::string& path) {
  auto outcome = run_check({path}, CheckSettings{});
  if (!outcome) throw std::runtime_error(llvm::toString(outcome.takeError()));
  if (!(*outcome)->usage_error.empty()) throw std::runtime_error((*outcome)->usage_error);
  if ((*outcome)->diagnostics.has_errors() || !(*outcome)->program) {
    std::fputs(render_diagnostics(DiagnosticFormat::Text, (*outcome)->diagnostics.items(),
                                  (*outcome)->sources, RenderOptions{})
                   .c_str(),
               stderr);
    throw std::runtime_error(path + ": the rules have errors");
  }
  return std::move(*outcome);
}

}  // namespace segc::bench
