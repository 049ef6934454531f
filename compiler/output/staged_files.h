// Writing results so that readers never see half of them: every file is first
// written (and synced) under a temporary name in its target folder, and only
// when all of them are complete are they renamed into place. Temporary files
// of a failed or abandoned write are removed, also when the process is
// interrupted (runtime/interrupt_cleanup.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/interrupt_cleanup.h"

namespace segc::output {

class StagedFiles {
 public:
  StagedFiles() = default;
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;
  ~StagedFiles();

  // Writes `contents` to a temporary file beside `path`. A symbolic link at
  // `path` is followed. The file follows the umask, or keeps an existing
  // file's permissions, and is never writable by others
  // (runtime/output_file_mode.h). On failure returns false with a message
  // naming `path`.
  bool add(const std::string& path, std::string_view contents, std::string& error);

  // Renames every staged file into place.
  bool commit(std::string& error);

 private:
  struct Staged {
    std::string temporary;
    std::string target;
    std::string display;
    std::unique_ptr<runtime::RemoveOnInterrupt> remove_on_interrupt;
  };
  std::vector<Staged> staged_;
};

// One file, atomically.
bool write_file_atomically(const std::string& path, std::string_view contents, std::string& error);

}  // namespace segc::output
