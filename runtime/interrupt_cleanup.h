// Removes half-written temporary files when the process is interrupted.
//
// Results are written to a temporary file beside the target and renamed
// over it when complete (runtime/columnar_writer.cpp, output/staged_files.h),
// so an interrupted run never leaves a partial result; but without this a
// Ctrl-C or a `kill` during the write would leave the temporary file behind,
// a gigabyte for an imported table. While a RemoveOnInterrupt is alive, a
// SIGINT, SIGTERM, SIGHUP or SIGXFSZ first removes its file and then ends the process
// as the signal would have (same exit status). A signal the process ignores
// (e.g. SIGHUP under nohup) stays ignored, and a handler someone else
// installed is left alone.
#pragma once

#include <string>

namespace segc::runtime {

class RemoveOnInterrupt {
 public:
  // Registers `path`; at most kMaxFiles at once in a process (later ones are
  // not registered, which only means they are not removed on interrupt).
  explicit RemoveOnInterrupt(const std::string& path);
  ~RemoveOnInterrupt();  // unregisters; the file itself is left as it is
  RemoveOnInterrupt(const RemoveOnInterrupt&) = delete;
  RemoveOnInterrupt& operator=(const RemoveOnInterrupt&) = delete;

  static constexpr int kMaxFiles = 4096;

 private:
  int slot_ = -1;
};

}  // namespace segc::runtime
