#include "codegen/compile_cache.h"

#include <fmt/format.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "runtime/regular_file.h"

namespace segc::codegen {
namespace {

namespace fs = std::filesystem;

// Entry layout (host byte order; entries are not meant to move between
// machines, and the key already names the target):
//   magic[8] | key[32] | payload length (u64) | checksum (u64) | payload
// The checksum is XXH3-64 of the 48 bytes before it followed by the
// payload's XXH3-64, so it binds the payload to the key: an entry whose key
// was rewritten (moved to another rule set's name) does not check out.
// Version 1 checksummed the payload alone.
constexpr char kMagic[8] = {'S', 'E', 'G', 'C', 'O', 'B', 'J', '2'};
constexpr size_t kHeaderSize = sizeof kMagic + sizeof(CacheKey) + 2 * sizeof(uint64_t);
constexpr const char* kEntrySuffix = ".segcobj";
constexpr const char* kTemporaryPrefix = ".tmp-";
// A temporary file this old belongs to a run that died while writing it.
constexpr auto kAbandonedAfter = std::chrono::hours(1);
constexpr uint64_t kDefaultLimitMb = 512;

uint64_t read_u64(const char* at) {
  uint64_t value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

void append_u64(std::string& out, uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// `header` is the 48 bytes before the checksum.
uint64_t entry_checksum(llvm::StringRef header, llvm::StringRef payload) {
  std::string bound = header.str();
  append_u64(bound, llvm::xxh3_64bits(payload));
  return llvm::xxh3_64bits(bound);
}

// Whether a file or folder with this status could have been written by
// someone other than us: the cache holds machine code that runs, so only
// what its owner alone can write is trusted.
std::string untrusted_because(const struct stat& status) {
  if (status.st_uid != ::geteuid()) return "it is owned by another user";
  if (status.st_mode & S_IWOTH) return "it is writable by others";
  return {};
}

// Creates `directory` and its missing parents 0700 (whatever the umask: a
// folder others can write to would let them replace the code segc runs).
std::error_code create_private_directories(const fs::path& directory) {
  std::error_code error;
  if (fs::is_directory(directory, error)) return {};
  if (directory.has_parent_path() && directory.parent_path() != directory) {
    if (std::error_code parent = create_private_directories(directory.parent_path())) return parent;
  }
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) return {errno, std::generic_category()};
  if (!fs::is_directory(directory, error)) return error ? error : std::make_error_code(std::errc::not_a_directory);
  return {};
}

// The entry's bytes, or nothing when it is missing, unreadable, not a
// regular file, or not ours alone to write. Never blocks (a FIFO) and never
// follows a symbolic link (entries are our own files in our folder; a link
// may point anywhere).
llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> read_entry(const fs::path& path) {
  std::error_code error;
  const auto file = runtime::RegularFile::open(path, error);
  if (!file) return error;
  struct stat status {};
  if (::fstat(file->fd(), &status) != 0) return std::error_code(errno, std::generic_category());
  if (!untrusted_because(status).empty()) return std::make_error_code(std::errc::permission_denied);
  return llvm::MemoryBuffer::getOpenFile(file->fd(), path.string(), file->size(),
                                         /*RequiresNullTerminator=*/false);
}

}  // namespace

std::optional<fs::path> CompileCache::default_directory() {
  if (const char* explicit_dir = std::getenv("SEGC_CACHE_DIR"); explicit_dir && *explicit_dir) {
    return fs::path(explicit_dir);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "segc";
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".cache" / "segc";
  }
  return std::nullopt;
}

uint64_t CompileCache::default_size_limit(std::vector<std::string>& warnings) {
  const char* text = std::getenv("SEGC_CACHE_MAX_MB");
  if (text == nullptr || *text == 0) return kDefaultLimitMb << 20;
  const char* end = text + std::strlen(text);
  uint64_t megabytes = 0;
  auto [stop, error] = std::from_chars(text, end, megabytes);
  if (error != std::errc() || stop != end || megabytes > (uint64_t{1} << 40)) {
    warnings.push_back(fmt::format(
        "SEGC_CACHE_MAX_MB={} is not a whole number of megabytes; the compile cache keeps up "
        "to {} MB",
        text, kDefaultLimitMb));
    return kDefaultLimitMb << 20;
  }
  return megabytes << 20;
}

CompileCache::CompileCache(fs::path directory, uint64_t size_limit)
    : directory_(std::move(directory)), size_limit_(size_limit) {}

fs::path CompileCache::entry_path(const CacheKey& key) const {
  return directory_ / (to_hex(key) + kEntrySuffix);
}

void CompileCache::disable(const std::string& problem) {
  if (disabled_) return;
  disabled_ = true;
  warnings_.push_back(fmt::format("compile cache {} not used: {}", directory_.string(), problem));
}

std::vector<std::string> CompileCache::take_warnings() { return std::exchange(warnings_, {}); }

bool CompileCache::folder_trusted() {
  if (disabled_) return false;
  if (folder_checked_) return true;
  struct stat status {};
  if (::stat(directory_.c_str(), &status) != 0) {
    if (errno == ENOENT) return true;  // created on the first store
    disable(fmt::format("cannot read it: {}", std::strerror(errno)));
    return false;
  }
  if (std::string why = untrusted_because(status); !why.empty()) {
    disable(why + ", so its compiled code could have been replaced by someone else");
    return false;
  }
  folder_checked_ = true;
  return true;
}

std::unique_ptr<llvm::MemoryBuffer> CompileCache::load(
    const CacheKey& key, const std::function<bool(llvm::StringRef)>& usable) {
  if (!folder_trusted()) return nullptr;
  const fs::path path = entry_path(key);
  auto file = read_entry(path);
  auto valid = [&](const llvm::MemoryBuffer& buffer) {
    const char* data = buffer.getBufferStart();
    if (buffer.getBufferSize() < kHeaderSize) return false;
    if (std::memcmp(data, kMagic, sizeof kMagic) != 0) return false;
    if (std::memcmp(data + sizeof kMagic, key.data(), key.size()) != 0) return false;
    const uint64_t length = read_u64(data + sizeof kMagic + key.size());
    if (length != buffer.getBufferSize() - kHeaderSize) return false;
    const llvm::StringRef payload(data + kHeaderSize, length);
    const llvm::StringRef header(data, kHeaderSize - sizeof(uint64_t));
    return entry_checksum(header, payload) == read_u64(data + header.size()) &&
           (!usable || usable(payload));
  };
  if (!file || !valid(**file)) {
    ++counts_.misses;
    // Dropped, so that the store after compiling can take its place (a
    // rename does not replace a folder). Another run may have renamed a good
    // entry into place meanwhile: then it is compiled once more, no harm.
    if (file || file.getError() != std::errc::no_such_file_or_directory) {
      std::error_code ignored;
      fs::remove(path, ignored);
    }
    return nullptr;
  }
  ++counts_.hits;
  // Recently used: pruning deletes the entries untouched the longest.
  std::error_code ignored;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ignored);
  return llvm::MemoryBuffer::getMemBufferCopy((*file)->getBuffer().drop_front(kHeaderSize),
                                              path.filename().string());
}

void CompileCache::store(const CacheKey& key, llvm::StringRef object) {
  if (disabled_) return;
  if (std::error_code error = create_private_directories(directory_)) {
    return disable(fmt::format("cannot create it: {}", error.message()));
  }
  if (!folder_trusted()) return;
  std::string header(kMagic, sizeof kMagic);
  header.append(reinterpret_cast<const char*>(key.data()), key.size());
  append_u64(header, object.size());
  append_u64(header, entry_checksum(header, object));

  // Written under a unique temporary name and renamed: a concurrent reader
  // sees the old entry, no entry, or the whole new one.
  auto temporary = llvm::sys::fs::TempFile::create(
      (directory_ / (std::string(kTemporaryPrefix) + "%%%%%%%%%%%%%%%%")).string(),
      llvm::sys::fs::owner_read | llvm::sys::fs::owner_write);
  if (!temporary) {
    return disable(fmt::format("cannot write to it: {}", llvm::toString(temporary.takeError())));
  }
  llvm::raw_fd_ostream out(temporary->FD, /*shouldClose=*/false);
  out << header << object;
  out.flush();
  if (out.has_error()) {
    const std::string problem = out.error().message();
    out.clear_error();
    llvm::consumeError(temporary->discard());
    return disable(fmt::format("cannot write to it: {}", problem));
  }
  if (auto kept = temporary->keep(entry_path(key).string())) {
    return disable(fmt::format("cannot write to it: {}", llvm::toString(std::move(kept))));
  }
  ++counts_.stores;
}

void CompileCache::prune() {
  if (!folder_trusted()) return;
  struct Entry {
    fs::path path;
    fs::file_time_type used;
    uint64_t size;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  const auto now = fs::file_time_type::clock::now();
  std::error_code error;
  for (fs::directory_iterator it(directory_, error), end; !error && it != end;
       it.increment(error)) {
    // Entries may vanish at any time (another run pruning): skip what fails.
    std::error_code ignored;
    const std::string name = it->path().filename().string();
    const auto used = it->last_write_time(ignored);
    if (ignored) continue;
    if (name.rfind(kTemporaryPrefix, 0) == 0) {
      if (now - used > kAbandonedAfter) fs::remove(it->path(), ignored);
      continue;
    }
    if (name.size() <= std::strlen(kEntrySuffix) ||
        name.compare(name.size() - std::strlen(kEntrySuffix), std::string::npos, kEntrySuffix) !=
            0) {
      continue;  // not ours
    }
    const uint64_t size = it->file_size(ignored);
    if (ignored) continue;
    entries.push_back({it->path(), used, size});
    total += size;
  }
  if (total <= size_limit_) return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& entry : entries) {
    if (total <= size_limit_) break;
    std::error_code ignored;
    fs::remove(entry.path, ignored);
    total -= entry.size;
  }
}

}  // namespace segc::codegen
