// Bytes as a columnar file (segc import's output, memory-mapped by segc run):
// opening and verifying must never crash, and on a file they accept the JIT
// must agree with the reference interpreter, and its keys must make
// unambiguous member lists (unique, one a line). Under libFuzzer, half of
// the mutated inputs get their checksums recomputed (reseal), as a forger
// would: otherwise nearly every mutation of a column fails its checksum and
// the content checks behind it are never reached.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

#include "evaluate/table_schema.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_target.h"
#include "runtime/columnar_file.h"
#include "runtime/columnar_format.h"
#include "runtime/key_text.h"

namespace {

using namespace segc;

// The schema the seeds were imported for (tests/fuzz/README.md).
const char* const kRules = R"(schema customer {
  key id: int
  name: string
  age: int
  spent: decimal(2)
  score: float
  vip: bool
  tier: enum("bronze", "silver", "gold")
  born: date
  labels: set<string>
}
segment adults_vip = age >= 30 and vip
segment named = name = "x" or tier >= "silver"
segment born_recently = born within last 30 days or born < 2000-01-01
segment labelled = labels contains any ["a", "b"] or size(labels) > 2
segment scored = score > 0.5 or spent between 1 and 100
segment half = not adults_vip and bucket(10, "f") < 5
segment moscow = lower(name) = "москва" or year_of(born) = 2024
segment unknowns = age is missing or score is missing or not (vip or not vip)
)";

// The file each input is written to, removed at exit.
struct ScratchFile {
  ScratchFile() {
    std::string model = "/tmp/segc-fuzz-columnar-XXXXXX";
    const int fd = ::mkstemp(model.data());
    if (fd < 0) fuzz::fuzz_failure("cannot create a scratch file");
    ::close(fd);
    path = model;
  }
  ~ScratchFile() { ::unlink(path.c_str()); }
  std::string path;
};

const std::string& scratch_path() {
  static const ScratchFile file;
  return file.path;
}

// Recomputes every column's checksum (of its sections, in directory order),
// the directory's and the header's, where the header and the directory
// decode and the sections lie inside the bytes; leaves the rest alone.
void reseal(uint8_t* data, size_t size) {
  namespace columnar = runtime::columnar;
  columnar::FileHeader header{};
  if (size < sizeof header) return;
  std::memcpy(&header, data, sizeof header);
  if (header.directory_offset > size || header.directory_size > size - header.directory_offset) return;
  const char* bytes = reinterpret_cast<const char*>(data);
  columnar::Directory directory;
  if (!columnar::decode_directory(bytes + header.directory_offset, header.directory_size, directory).empty()) return;
  for (columnar::ColumnEntry& column : directory.columns) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    bool inside = true;
    for (const columnar::SectionEntry& section : column.sections) {
      inside = inside && section.offset <= size && section.size <= size - section.offset;
      if (inside) XXH3_64bits_update(state, bytes + section.offset, section.size);
    }
    if (inside) column.checksum = XXH3_64bits_digest(state);
    XXH3_freeState(state);
  }
  const std::string encoded = columnar::encode_directory(directory);
  if (encoded.size() != header.directory_size) return;
  std::memcpy(data + header.directory_offset, encoded.data(), encoded.size());
  header.directory_checksum = XXH3_64bits(encoded.data(), encoded.size());
  header.header_checksum = XXH3_64bits(&header, offsetof(columnar::FileHeader, header_checksum));
  std::memcpy(data, &header, sizeof header);
}

void check_keys(const runtime::Table& table) {
  const runtime::Column& key = table.key();
  std::set<std::string> keys;
  for (size_t row = 0; row < table.row_count; ++row) {
    std::string text = key.spec.kind == runtime::ColumnKind::String
                           ? std::string(key.dictionary[key.code_at(row)])
                           : std::to_string(key.int_at(row));
    if (!key.present.test(row)) fuzz::fuzz_failure("an accepted file has a row without a key");
    if (runtime::find_forbidden_key_character(text) != std::string::npos) {
      fuzz::fuzz_failure("an accepted file has a key with a line break", text);
    }
    if (!keys.insert(text).second) fuzz::fuzz_failure("an accepted file has a key twice", text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1024 * 1024) return 0;
  static const auto checked = fuzz::check_rule_text(kRules, "columnar.seg");
  if (!checked->program || checked->diagnostics.has_errors()) fuzz::fuzz_failure("the fixed rules do not check");
  const std::string& path = scratch_path();
  {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0 || ::write(fd, data, size) != static_cast<ssize_t>(size)) fuzz::fuzz_failure("cannot write");
    ::close(fd);
  }
  runtime::ColumnarFile file;
  if (runtime::open_columnar_file(path, file)) return 0;
  const runtime::TableSchema schema = evaluate::table_schema_for(checked->program->schema);
  if (!runtime::schema_difference(file.table.schema, schema).empty()) return 0;
  if (runtime::verify_all_columns(file)) return 0;
  // An accepted file is sealed already: resealing it must change nothing
  // (else the mutator below would seal files differently from the writer).
  std::string copy(reinterpret_cast<const char*>(data), size);
  reseal(reinterpret_cast<uint8_t*>(copy.data()), copy.size());
  if (std::memcmp(copy.data(), data, size) != 0) fuzz::fuzz_failure("resealing an accepted file changed it");
  check_keys(file.table);
  fuzz::require_engines_agree(*checked->program, file.table, evaluate::EvaluationContext{20393}, 2,
                              "a columnar file");  // today 2025-11-01
  return 0;
}

#ifdef SEGC_LIBFUZZER
extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
  size = LLVMFuzzerMutate(data, size, max_size);
  if (seed % 2 == 0) reseal(data, size);
  return size;
}
#endif
