#include "driver/check_driver.h"

#include <fmt/format.h>

#include <algorithm>

#include "diagnostics/codes.h"
#include "driver/input_expansion.h"
#include "driver/rules_root.h"
#include "driver/source_loader.h"
#include "semantic/lints.h"
#include "semantic/module_loader.h"
#include "semantic/type_checker.h"

namespace segc {

llvm::Expected<std::unique_ptr<CheckOutcome>> run_check(const std::vector<std::string>& inputs,
                                                        const CheckSettings& settings) {
  auto outcome = std::make_unique<CheckOutcome>();
  const auto root = find_rules_root(inputs, settings.rules_root, outcome->usage_error);
  if (!root) return outcome;
  std::vector<std::string> files;
  if (!expand_inputs(inputs, *root, files, outcome->sources, outcome->diagnostics,
                     outcome->usage_error)) {
    return outcome;
  }
  if (files.empty()) {
    // Entries that could not be used are reported; without any, there was
    // nothing to check at all.
    if (outcome->diagnostics.items().empty()) {
      outcome->usage_error = "no .seg files found in the given folders";
    }
    outcome->diagnostics.sort_and_deduplicate();
    return outcome;
  }
  std::vector<const SourceFile*> roots;
  for (const std::string& path : files) {
    LoadedSource loaded =
        path == "-" ? load_stdin(outcome->sources, settings.stdin_display_name,
                                 outcome->diagnostics)
                    : load_source(outcome->sources, path, path, *root, outcome->diagnostics);
    if (loaded.file == nullptr) {
      // A file named on the command line must be readable for the command
      // to run; one found in a folder is reported like the folder's other
      // entries that cannot be read (say, made unreadable since the walk).
      if (std::find(inputs.begin(), inputs.end(), path) != inputs.end()) {
        outcome->usage_error = describe_load_failure(path, loaded, *root);
        return outcome;
      }
      report_path_problem(outcome->sources, outcome->diagnostics, codes::kUnreadableFolderEntry,
                          path, fmt::format("cannot read this rule file: {}", loaded.reason),
                          "make it readable, or remove it");
      continue;
    }
    if (std::find(roots.begin(), roots.end(), loaded.file) == roots.end()) {
      roots.push_back(loaded.file);
      outcome->root_files.push_back(loaded.file->id());
    }
  }
  if (roots.empty()) {  // every file found was reported as unreadable
    outcome->diagnostics.sort_and_deduplicate();
    return outcome;
  }

  LoaderOptions loader_options{settings.stdlib_directory.empty() ? default_stdlib_directory()
                                                                 : settings.stdlib_directory,
                               *root, settings.error_limit};
  auto parsed = load_program(roots, outcome->sources, outcome->diagnostics, loader_options);
  if (!parsed) return parsed.takeError();
  outcome->program = check_program(std::move(*parsed), outcome->sources, outcome->diagnostics);
  run_lints(*outcome->program, outcome->sources, outcome->diagnostics);
  apply_allow_comments(*outcome->program, outcome->diagnostics);

  if (settings.warnings_as_errors) {
    for (auto& diagnostic : outcome->diagnostics.items()) diagnostic.severity = Severity::Error;
  }
  outcome->diagnostics.sort_and_deduplicate();
  outcome->diagnostics.apply_limit(settings.error_limit);
  return outcome;
}

}  // namespace segc
