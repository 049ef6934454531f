// Golden diagnostics: every tests/golden/check/**/NAME.seg that has a NAME.err
// beside it is checked as `segc check NAME.seg` would, and the text output must
// equal NAME.err. NAME.json, NAME.sarif and NAME.github, where present, hold the
// same diagnostics in those formats. Other .seg files there are imported by
// the cases. SEGC_UPDATE_GOLDEN=1 rewrites the expected files from the output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "diagnostics/render.h"
#include "driver/check_driver.h"
#include "support/golden_files.h"

namespace {

namespace fs = std::filesystem;

struct Variant {
  const char* extension;
  segc::DiagnosticFormat format;
};

constexpr Variant kVariants[] = {
    {".err", segc::DiagnosticFormat::Text},
    {".json", segc::DiagnosticFormat::Json},
    {".sarif", segc::DiagnosticFormat::Sarif},
    {".github", segc::DiagnosticFormat::Github},
};

}  // namespace

TEST_CASE("golden diagnostics", "[check][golden]") {
  const fs::path root = fs::path(SEGC_SOURCE_DIR);
  const auto cases = segc::testing::golden_cases(root / "tests/golden/check", ".err");
  REQUIRE(!cases.empty());
  for (const fs::path& seg : cases) {
    // Paths relative to the repository root, as a user in CI would type them.
    const std::string relative = fs::relative(seg, root).string();
    DYNAMIC_SECTION(relative) {
      segc::testing::CurrentDirectory in_root(root);
      segc::CheckSettings settings;
      settings.stdlib_directory = (root / "stdlib").string();
      settings.rules_root = root.string();  // also without a .git entry (a source tarball)
      auto outcome = segc::run_check({relative}, settings);
      REQUIRE(static_cast<bool>(outcome));  // Expected's operator bool is not const
      REQUIRE((*outcome)->usage_error.empty());
      for (const Variant& variant : kVariants) {
        fs::path expected = seg;
        expected.replace_extension(variant.extension);
        if (!fs::exists(expected)) continue;
        segc::RenderOptions options;
        options.checked_files = (*outcome)->root_files;
        options.base_directory = root.string();
        std::string actual = segc::render_diagnostics(
            variant.format, (*outcome)->diagnostics.items(), (*outcome)->sources, options);
        if (variant.format == segc::DiagnosticFormat::Sarif) {
          // SARIF names the checkout's absolute location (originalUriBaseIds);
          // the expectation must not depend on where the repository is.
          static const std::regex absolute_uri(R"("uri": "file://[^"]*")");
          actual = std::regex_replace(actual, absolute_uri, R"("uri": "file:///REPOSITORY_ROOT/")");
        }
        segc::testing::check_golden(expected, actual);
      }
    }
  }
}
