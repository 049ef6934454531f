// Removes half-written temporary files when the process is interrupted.
//
// Results are written to a temporary file or folder beside the target and
// renamed over it when complete (runtime/columnar_writer.cpp,
// output/result_folder.h), so an interrupted run never leaves a partial
// result; but without this a Ctrl-C or a `kill` during the write would leave
// the temporary behind, a gigabyte for an imported table. While a
// RemoveOnInterrupt is alive, a SIGINT, SIGTERM, SIGHUP or SIGXFSZ first
// removes its file (or folder of files) and then ends the process as the
// signal would have (same exit status).
//
// Steps that must happen together or not at all (the swap of a results
// folder and the rename of a rejects file written elsewhere) run under a
// DeferInterrupts: a signal that arrives meanwhile is handled when it ends.
//
// A signal the process ignores (e.g. SIGHUP under nohup) stays ignored. A
// handler someone else installed first is chained: ours removes the files,
// then theirs runs. LLVM installs its own handlers when the JIT's compile
// cache creates a file (llvm::sys::fs::TempFile); they restore the handler
// they found and raise the signal again, so the order of installation does
// not matter.
#pragma once

#include <string>

namespace segc::runtime {

class RemoveOnInterrupt {
 public:
  enum class Kind {
    File,           // unlinked
    FolderOfFiles,  // its entries unlinked (one level: a staging folder), then the folder
    EmptyFolder,    // removed if it is empty: a folder created for results not yet there
  };
  // Registers `path`; any number may be registered at once.
  explicit RemoveOnInterrupt(const std::string& path, Kind kind = Kind::File);
  ~RemoveOnInterrupt();  // unregisters; the file itself is left as it is
  RemoveOnInterrupt(const RemoveOnInterrupt&) = delete;
  RemoveOnInterrupt& operator=(const RemoveOnInterrupt&) = delete;

 private:
  struct Slot* slot_ = nullptr;
};

// While one is alive, SIGINT, SIGTERM, SIGHUP and SIGXFSZ wait: a signal that
// arrives (on any thread) is noted, and when the DeferInterrupts goes away the
// registered files are removed and the process ends as the signal would have.
// For a few renames, not for long work: the user's Ctrl-C waits for it. One
// at a time per process (a second waits for the first to end); never from a
// signal handler.
class DeferInterrupts {
 public:
  DeferInterrupts();
  ~DeferInterrupts();  // handles a signal that arrived meanwhile: does not return then
  DeferInterrupts(const DeferInterrupts&) = delete;
  DeferInterrupts& operator=(const DeferInterrupts&) = delete;
};

}  // namespace segc::runtime
