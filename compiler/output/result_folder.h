// The folder of a run's results (`segc run --out DIR`) changes as a whole:
// readers see the previous results or the new ones, never a mix, and two
// runs into one folder never mix their files.
//
//   open()   creates DIR if needed and locks it (flock on the folder itself:
//            a second run gets a clear error instead of waiting or mixing);
//            refuses a DIR holding files segc did not write (the whole folder
//            is replaced); removes staging folders that a killed run left;
//            creates an empty staging folder .DIR.segc-XXXXXX beside DIR.
//   add()    writes one file into the staging folder (synced).
//   commit() swaps the staging folder and DIR in one renameat2
//            (RENAME_EXCHANGE), then puts in place the files that belong
//            with the results but lie elsewhere (a --rejects file), then
//            removes the old results.
//
// Until commit, DIR is untouched; the staging folder is removed when the
// ResultFolder goes away uncommitted, or by a signal (interrupt_cleanup.h),
// and so is DIR if open() created it (while it is still empty). The swap and
// the renames of the files elsewhere happen together or not at all as far as
// signals go: a signal that arrives meanwhile is handled once they are done
// (runtime::DeferInterrupts).
// Files are created with the umask applied, and never writable by others:
// member lists are campaign audiences. A file that replaces one of the same
// name keeps that file's permissions (minus others' write); see
// runtime/output_file_mode.h.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "runtime/interrupt_cleanup.h"

namespace segc::output {

class StagedFiles;

class ResultFolder {
 public:
  // nullptr with `error` set when DIR cannot be used.
  static std::unique_ptr<ResultFolder> open(const std::string& directory, std::string& error);
  ~ResultFolder();
  ResultFolder(const ResultFolder&) = delete;
  ResultFolder& operator=(const ResultFolder&) = delete;

  // `name` is a plain file name (no '/').
  bool add(const std::string& name, std::string_view contents, std::string& error);
  // `with_results` (may be null) are put in place after the swap; when one
  // cannot be, commit returns false although committed() is true.
  bool commit(std::string& error, StagedFiles* with_results = nullptr);
  bool committed() const { return committed_; }

  const std::string& directory() const { return display_; }

 private:
  ResultFolder() = default;
  bool swap(std::string& error);  // the staging folder and DIR

  std::string display_;  // as given, for messages
  std::string target_;   // DIR, symbolic links resolved
  std::string staging_;  // .DIR.segc-XXXXXX beside it
  int lock_fd_ = -1;     // DIR, flock'ed
  int staging_fd_ = -1;
  std::map<std::string, mode_t> kept_modes_;  // the previous results' files
  std::unique_ptr<runtime::RemoveOnInterrupt> remove_on_interrupt_;          // the staging folder
  std::unique_ptr<runtime::RemoveOnInterrupt> remove_created_on_interrupt_;  // DIR, if created
  bool created_ = false;    // DIR did not exist: removed again when nothing is committed
  bool committed_ = false;
};

}  // namespace segc::output
