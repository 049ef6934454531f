#include "driver/check_driver.h"

#include "driver/source_loader.h"
#include "semantic/lints.h"
#include "semantic/module_loader.h"
#include "semantic/type_checker.h"

namespace segc {

llvm::Expected<std::unique_ptr<CheckOutcome>> run_check(const std::vector<std::string>& inputs,
                                                        const CheckSettings& settings) {
  auto outcome = std::make_unique<CheckOutcome>();
  std::vector<std::string> files;
  if (!expand_inputs(inputs, files, outcome->usage_error)) return outcome;
  if (files.empty()) {
    outcome->usage_error = "no .seg files found in the given folders";
    return outcome;
  }
  std::vector<const SourceFile*> roots;
  for (const std::string& path : files) {
    LoadedSource loaded =
        path == "-" ? load_stdin(outcome->sources, settings.stdin_display_name,
                                 outcome->diagnostics)
                    : load_source(outcome->sources, path, path, outcome->diagnostics);
    if (loaded.file == nullptr) {
      outcome->usage_error = loaded.error;
      return outcome;
    }
    if (std::find(roots.begin(), roots.end(), loaded.file) == roots.end()) {
      roots.push_back(loaded.file);
      outcome->root_files.push_back(loaded.file->id());
    }
  }

  LoaderOptions loader_options{settings.stdlib_directory.empty() ? default_stdlib_directory()
                                                                 : settings.stdlib_directory,
                               settings.error_limit};
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
