// Bytes as a columnar file (segc import's output, memory-mapped by segc run):
// opening and verifying must never crash, and on a file they accept the JIT
// must agree with the reference interpreter, and its keys must make
// unambiguous member lists (unique, one a line).
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <set>
#include <string>

#include "evaluate/table_schema.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_target.h"
#include "runtime/columnar_file.h"
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
  check_keys(file.table);
  fuzz::require_engines_agree(*checked->program, file.table, evaluate::EvaluationContext{20393}, 2,
                              "a columnar file");  // today 2025-11-01
  return 0;
}
