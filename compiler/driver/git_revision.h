// The rule files of a git revision, for `segc diff --base REV`: every *.seg
// blob of the revision's tree is copied into a private temporary folder under
// its path in the repository. Read with git's plumbing commands (rev-parse,
// ls-tree, cat-file); the work tree, the index and HEAD are never touched.
#pragma once

#include <llvm/Support/Error.h>

#include <filesystem>
#include <memory>
#include <string>

namespace segc {

class RevisionFiles {
 public:
  // The revision `revision` of the repository whose work tree holds
  // `inside`. Errors are messages for the user (no git, not a repository,
  // not a revision).
  static llvm::Expected<std::unique_ptr<RevisionFiles>> read(const std::filesystem::path& inside,
                                                             const std::string& revision);
  ~RevisionFiles();  // removes the folder
  RevisionFiles(const RevisionFiles&) = delete;
  RevisionFiles& operator=(const RevisionFiles&) = delete;

  const std::filesystem::path& repository() const { return repository_; }  // top of the work tree
  const std::string& commit() const { return commit_; }                    // the full hash
  const std::filesystem::path& folder() const { return folder_; }          // the copy's top
  size_t file_count() const { return files_; }

 private:
  RevisionFiles() = default;
  std::filesystem::path repository_;
  std::string commit_;
  std::filesystem::path folder_;
  size_t files_ = 0;
};

}  // namespace segc
