#include "support/check_text.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "diagnostics/render.h"

namespace segc::testing {

std::unique_ptr<CheckOutcome> check_text(const std::string& text, const std::string& name) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path folder = fs::temp_directory_path() /
                          ("segc-check-text-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++));
  fs::create_directories(folder);
  {
    std::ofstream file(folder / name, std::ios::binary);
    file << text;
  }
  auto outcome = run_check({(folder / name).string()}, CheckSettings{});
  std::error_code ignored;
  fs::remove_all(folder, ignored);
  if (!outcome) FAIL("run_check failed: " << llvm::toString(outcome.takeError()));
  return std::move(*outcome);
}

std::string diagnostics_text(const CheckOutcome& outcome) {
  return render_diagnostics(DiagnosticFormat::Text, outcome.diagnostics.items(), outcome.sources,
                            RenderOptions{});
}

}  // namespace segc::testing
