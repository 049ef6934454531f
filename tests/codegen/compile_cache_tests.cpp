// The compile cache's files: what is stored is loaded back byte for byte,
// an entry that does not check out is a miss (never loaded), an unusable
// folder turns the cache off with one warning, and pruning keeps the most
// recently used entries under the size limit.
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "codegen/compile_cache.h"

namespace {

namespace fs = std::filesystem;
using segc::codegen::CacheKey;
using segc::codegen::CompileCache;

// A fresh folder per test, removed afterwards.
struct TempFolder {
  fs::path path;
  TempFolder() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("segc-cache-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

CacheKey key_of(uint8_t seed) {
  CacheKey key{};
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(seed * 31 + i);
  return key;
}

fs::path only_entry(const fs::path& folder) {
  fs::path found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    REQUIRE(found.empty());
    found = entry.path();
  }
  REQUIRE(!found.empty());
  return found;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// cache.load(key) on another thread: whether it came back within seconds
// (a load that blocks, say opening a FIFO, would hang every run), and
// whether it found an entry.
struct TimedLoad {
  bool returned = false;
  bool found = false;
};
TimedLoad load_within_seconds(CompileCache& cache, const CacheKey& key) {
  auto done = std::make_shared<std::promise<bool>>();
  std::future<bool> result = done->get_future();
  // Detached: if it blocks, the test fails rather than waits for it.
  std::thread([&cache, key, done] { done->set_value(cache.load(key) != nullptr); }).detach();
  if (result.wait_for(std::chrono::seconds(5)) != std::future_status::ready) return {};
  return {true, result.get()};
}

fs::path entry_path(const fs::path& folder, const CacheKey& key) {
  return folder / (segc::codegen::to_hex(key) + ".segcobj");
}

}  // namespace

TEST_CASE("Compile cache: stored objects load back, other keys miss", "[compile_cache]") {
  TempFolder folder;
  CompileCache cache(folder.path / "nested" / "segc", 1 << 20);
  CHECK(cache.load(key_of(1)) == nullptr);  // the folder does not exist yet
  const std::string object = std::string(
      "\x7f"
      "ELF object code\0with zeros",
      26);
  cache.store(key_of(1), object);
  auto loaded = cache.load(key_of(1));
  REQUIRE(loaded != nullptr);
  CHECK(loaded->getBuffer().str() == object);
  CHECK(cache.load(key_of(2)) == nullptr);
  CHECK(cache.counts().hits == 1);
  CHECK(cache.counts().misses == 2);
  CHECK(cache.counts().stores == 1);
  CHECK(cache.take_warnings().empty());
  // Nothing but the entry: the temporary file was renamed into place.
  CHECK(only_entry(folder.path / "nested" / "segc").extension() == ".segcobj");
}

TEST_CASE("Compile cache: a corrupted, truncated or misnamed entry is a miss", "[compile_cache]") {
  TempFolder folder;
  CompileCache cache(folder.path, 1 << 20);
  const std::string object(1000, 'x');
  cache.store(key_of(1), object);
  const fs::path path = only_entry(folder.path);
  const std::string good = read_file(path);

  SECTION("a flipped payload byte") {
    std::string bad = good;
    bad[bad.size() - 10] ^= 1;
    write_file(path, bad);
  }
  SECTION("truncated") { write_file(path, good.substr(0, good.size() - 1)); }
  SECTION("only part of the header") { write_file(path, good.substr(0, 20)); }
  SECTION("empty") { write_file(path, ""); }
  SECTION("longer than its header says") { write_file(path, good + "x"); }
  SECTION("another key's entry under this name") {
    cache.store(key_of(2), object);
    fs::path other = folder.path / fs::path(path).filename();
    for (const auto& entry : fs::directory_iterator(folder.path)) {
      if (entry.path() != path) other = entry.path();
    }
    fs::rename(other, path);
  }
  CHECK(cache.load(key_of(1)) == nullptr);
  // The next store overwrites the bad entry.
  cache.store(key_of(1), object);
  auto loaded = cache.load(key_of(1));
  REQUIRE(loaded != nullptr);
  CHECK(loaded->getBuffer().str() == object);
}

TEST_CASE("Compile cache: an entry rewritten for another key is a miss", "[compile_cache]") {
  // The payload and its length are untouched, only the key in the header and
  // the file name are another's: the checksum must cover the key too.
  TempFolder folder;
  CompileCache cache(folder.path, 1 << 20);
  cache.store(key_of(1), std::string(1000, 'x'));
  std::string bytes = read_file(entry_path(folder.path, key_of(1)));
  const CacheKey other = key_of(2);
  REQUIRE(bytes.size() > 8 + other.size());
  REQUIRE(bytes.compare(8, other.size(), reinterpret_cast<const char*>(key_of(1).data()), other.size()) == 0);
  bytes.replace(8, other.size(), reinterpret_cast<const char*>(other.data()), other.size());
  write_file(entry_path(folder.path, other), bytes);
  CHECK(cache.load(other) == nullptr);
  CHECK(cache.load(key_of(1)) != nullptr);
}

TEST_CASE("Compile cache: an entry the caller finds unusable is dropped", "[compile_cache]") {
  TempFolder folder;
  CompileCache cache(folder.path, 1 << 20);
  cache.store(key_of(1), "junk, not an object");
  auto never = [](llvm::StringRef) { return false; };
  CHECK(cache.load(key_of(1), never) == nullptr);
  CHECK(cache.counts().hits == 0);
  CHECK(cache.counts().misses == 1);
  CHECK(!fs::exists(entry_path(folder.path, key_of(1))));
  cache.store(key_of(1), "an object");
  auto loaded = cache.load(key_of(1), [](llvm::StringRef object) { return object == "an object"; });
  REQUIRE(loaded != nullptr);
  CHECK(loaded->getBuffer() == "an object");
}

TEST_CASE("Compile cache: a FIFO, folder or symlink entry is a miss, never waited on or followed",
          "[compile_cache]") {
  TempFolder folder;
  CompileCache cache(folder.path, 1 << 20);
  cache.store(key_of(9), "the object of key 9");  // creates the folder
  const fs::path path = entry_path(folder.path, key_of(1));
  SECTION("a FIFO") { REQUIRE(::mkfifo(path.c_str(), 0600) == 0); }
  SECTION("a symlink to a FIFO") {
    REQUIRE(::mkfifo((folder.path / "fifo").c_str(), 0600) == 0);
    fs::create_symlink(folder.path / "fifo", path);
  }
  SECTION("a symlink to a valid entry") {
    // Entries are our own files in our folder; a link may point anywhere.
    CompileCache elsewhere(folder.path / "elsewhere", 1 << 20);
    elsewhere.store(key_of(1), "linked object");
    fs::create_symlink(entry_path(folder.path / "elsewhere", key_of(1)), path);
  }
  SECTION("an empty folder") { fs::create_directory(path); }
  const TimedLoad loaded = load_within_seconds(cache, key_of(1));
  REQUIRE(loaded.returned);
  CHECK_FALSE(loaded.found);
  CHECK(cache.load(key_of(9)) != nullptr);
  // The next store replaces it with a regular file, and nothing it pointed to.
  cache.store(key_of(1), "object");
  CHECK(fs::is_regular_file(fs::symlink_status(path)));
  auto again = cache.load(key_of(1));
  REQUIRE(again != nullptr);
  CHECK(again->getBuffer() == "object");
  if (fs::exists(folder.path / "elsewhere")) {
    CHECK(CompileCache(folder.path / "elsewhere", 1 << 20).load(key_of(1))->getBuffer() == "linked object");
  }
  CHECK(cache.take_warnings().empty());
}

TEST_CASE("Compile cache: an unusable folder turns the cache off with one warning",
          "[compile_cache]") {
  TempFolder folder;
  fs::create_directories(folder.path);
  write_file(folder.path / "file", "not a folder");
  CompileCache cache(folder.path / "file" / "segc", 1 << 20);
  cache.store(key_of(1), "object");
  cache.store(key_of(2), "object");
  CHECK(cache.load(key_of(1)) == nullptr);
  const auto warnings = cache.take_warnings();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find((folder.path / "file" / "segc").string()) != std::string::npos);
  CHECK(cache.counts().stores == 0);
}

// The cache holds machine code that runs: nobody but its owner may be able
// to put an entry there, whatever the umask.
TEST_CASE("Compile cache: folders are created 0700 and entries 0600, even under umask 000",
          "[compile_cache]") {
  TempFolder folder;
  const mode_t saved = ::umask(0);
  CompileCache cache(folder.path / "nested" / "segc", 1 << 20);
  cache.store(key_of(1), "object");
  ::umask(saved);
  CHECK(cache.take_warnings().empty());
  auto mode_of = [](const fs::path& path) {
    struct stat status {};
    REQUIRE(::lstat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
  };
  CHECK(mode_of(folder.path) == 0700);
  CHECK(mode_of(folder.path / "nested") == 0700);
  CHECK(mode_of(folder.path / "nested" / "segc") == 0700);
  CHECK(mode_of(entry_path(folder.path / "nested" / "segc", key_of(1))) == 0600);
}

TEST_CASE("Compile cache: a folder others can write to or another user owns is not used",
          "[compile_cache]") {
  TempFolder folder;
  CompileCache(folder.path, 1 << 20).store(key_of(1), "object");
  REQUIRE(CompileCache(folder.path, 1 << 20).load(key_of(1)) != nullptr);
  std::string expected;
  SECTION("writable by others") {
    fs::permissions(folder.path, fs::perms::others_write, fs::perm_options::add);
    expected = "writable by others";
  }
  if (::geteuid() == 0) {
    SECTION("owned by another user") {
      REQUIRE(::chown(folder.path.c_str(), 65534, 65534) == 0);
      expected = "owned by another user";
    }
  }
  if (expected.empty()) return;
  CompileCache cache(folder.path, 1 << 20);
  CHECK(cache.load(key_of(1)) == nullptr);
  cache.store(key_of(2), "object");
  CHECK_FALSE(fs::exists(entry_path(folder.path, key_of(2))));
  const auto warnings = cache.take_warnings();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find(expected) != std::string::npos);
  // The entry others could have planted is left alone, not loaded.
  CHECK(fs::exists(entry_path(folder.path, key_of(1))));
}

TEST_CASE("Compile cache: an entry others can write to or another user owns is a miss",
          "[compile_cache]") {
  TempFolder folder;
  CompileCache cache(folder.path, 1 << 20);
  cache.store(key_of(1), "object");
  const fs::path path = entry_path(folder.path, key_of(1));
  SECTION("writable by others") { fs::permissions(path, fs::perms::others_write, fs::perm_options::add); }
  if (::geteuid() == 0) {
    SECTION("owned by another user") { REQUIRE(::chown(path.c_str(), 65534, 65534) == 0); }
  }
  CHECK(cache.load(key_of(1)) == nullptr);
  // A store puts a trusted entry in its place.
  cache.store(key_of(1), "object");
  CHECK(cache.load(key_of(1)) != nullptr);
}

TEST_CASE("Compile cache: pruning deletes the least recently used entries past the limit",
          "[compile_cache]") {
  TempFolder folder;
  const std::string object(1000, 'o');
  CompileCache cache(folder.path, 3500);  // room for three entries with headers
  const auto now = fs::file_time_type::clock::now();
  for (uint8_t i = 0; i < 5; ++i) {
    cache.store(key_of(i), object);
  }
  // Entry i was last used i minutes ago... except that entry 4 is loaded now.
  for (uint8_t i = 0; i < 5; ++i) {
    for (const auto& entry : fs::directory_iterator(folder.path)) {
      if (entry.path().filename().string().rfind(segc::codegen::to_hex(key_of(i)), 0) == 0) {
        fs::last_write_time(entry.path(), now - std::chrono::minutes(i + 1));
      }
    }
  }
  REQUIRE(cache.load(key_of(4)) != nullptr);
  // A temporary file of a run that died long ago, and one being written now.
  write_file(folder.path / ".tmp-abandoned", "partial");
  fs::last_write_time(folder.path / ".tmp-abandoned", now - std::chrono::hours(2));
  write_file(folder.path / ".tmp-in-progress", "partial");
  cache.prune();
  CHECK(cache.load(key_of(0)) != nullptr);
  CHECK(cache.load(key_of(1)) != nullptr);
  CHECK(cache.load(key_of(4)) != nullptr);
  CHECK(cache.load(key_of(2)) == nullptr);
  CHECK(cache.load(key_of(3)) == nullptr);
  CHECK(!fs::exists(folder.path / ".tmp-abandoned"));
  CHECK(fs::exists(folder.path / ".tmp-in-progress"));
}

TEST_CASE("Compile cache: the folder and size limit come from the environment", "[compile_cache]") {
  struct SavedVariable {
    std::string name;
    std::optional<std::string> value;
    explicit SavedVariable(std::string variable) : name(std::move(variable)) {
      if (const char* text = std::getenv(name.c_str())) value = text;
    }
    ~SavedVariable() {
      if (value) {
        setenv(name.c_str(), value->c_str(), 1);
      } else {
        unsetenv(name.c_str());
      }
    }
  };
  SavedVariable explicit_dir("SEGC_CACHE_DIR"), xdg("XDG_CACHE_HOME"), home("HOME"),
      limit("SEGC_CACHE_MAX_MB");
  setenv("SEGC_CACHE_DIR", "/somewhere/cache", 1);
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  setenv("HOME", "/home/user", 1);
  CHECK(CompileCache::default_directory() == fs::path("/somewhere/cache"));
  unsetenv("SEGC_CACHE_DIR");
  CHECK(CompileCache::default_directory() == fs::path("/xdg/segc"));
  setenv("XDG_CACHE_HOME", "", 1);
  CHECK(CompileCache::default_directory() == fs::path("/home/user/.cache/segc"));
  unsetenv("HOME");
  CHECK(!CompileCache::default_directory().has_value());

  std::vector<std::string> warnings;
  unsetenv("SEGC_CACHE_MAX_MB");
  CHECK(CompileCache::default_size_limit(warnings) == (uint64_t{512} << 20));
  setenv("SEGC_CACHE_MAX_MB", "3", 1);
  CHECK(CompileCache::default_size_limit(warnings) == (uint64_t{3} << 20));
  CHECK(warnings.empty());
  setenv("SEGC_CACHE_MAX_MB", "3x", 1);  // not a number: the default, and a warning
  CHECK(CompileCache::default_size_limit(warnings) == (uint64_t{512} << 20));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("SEGC_CACHE_MAX_MB=3x") != std::string::npos);
}
