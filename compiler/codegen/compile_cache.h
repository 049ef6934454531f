// The persistent compile cache: object code of JIT-compiled modules, kept
// in files so that a later run of the same rules on data of the same shape
// skips optimisation and code generation (docs/run.md, "Compile cache").
//
// One file per entry, `<key>.segcobj`, written under a temporary name in
// the same folder and renamed into place, so concurrent runs never see a
// partial entry; each carries a header (magic, key, length, a checksum of
// key and payload together) and an entry that does not check out
// (truncated, corrupted, another format, rejected by the caller, not a
// regular file) is removed, and written anew by the next store. Entries are
// opened with O_NOFOLLOW | O_NONBLOCK: a symbolic link or a FIFO in the
// folder is never followed or waited on. Past a size limit the least
// recently used entries are deleted. When the folder cannot be created or
// written the cache turns itself off with one warning: it never fails a run.
// The entries are machine code that runs, so only what the user alone can
// write is used: folders are created 0700 and entries 0600 whatever the
// umask; a folder another user owns or others can write to turns the cache
// off with a warning, and such an entry is a miss.
// Not thread-safe: the engine uses it under its compile lock.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codegen/compile_cache_key.h"

namespace segc::codegen {

class CompileCache {
 public:
  // $SEGC_CACHE_DIR, else $XDG_CACHE_HOME/segc, else $HOME/.cache/segc;
  // nothing when none of them is set.
  static std::optional<std::filesystem::path> default_directory();
  // $SEGC_CACHE_MAX_MB megabytes when set, else 512 MB. A value that is
  // not a whole number adds a warning and gives the default.
  static uint64_t default_size_limit(std::vector<std::string>& warnings);

  // The folder is created on the first store.
  CompileCache(std::filesystem::path directory, uint64_t size_limit);

  // The object stored under `key`, or null when there is no valid entry.
  // `usable`, when given, has the last word on the payload (the engine
  // checks that it is an object file compiled for this key). An entry that
  // is not valid is removed; a hit marks the entry as recently used.
  std::unique_ptr<llvm::MemoryBuffer> load(
      const CacheKey& key, const std::function<bool(llvm::StringRef)>& usable = nullptr);
  // Stores `object` under `key` (replacing whatever is there).
  void store(const CacheKey& key, llvm::StringRef object);
  // Deletes the least recently used entries while the entries together
  // exceed the size limit, and temporary files that crashed runs left.
  void prune();

  // Problems that turned the cache off (at most one), for the user.
  std::vector<std::string> take_warnings();
  const std::filesystem::path& directory() const { return directory_; }

  struct Counts {
    uint64_t hits = 0, misses = 0, stores = 0;
  };
  Counts counts() const { return counts_; }

 private:
  std::filesystem::path entry_path(const CacheKey& key) const;
  void disable(const std::string& problem);
  // False (and the cache off, with a warning) when the folder exists but
  // another user owns it or others can write to it.
  bool folder_trusted();

  const std::filesystem::path directory_;
  const uint64_t size_limit_;
  bool disabled_ = false;
  bool folder_checked_ = false;
  std::vector<std::string> warnings_;
  Counts counts_;
};

}  // namespace segc::codegen
