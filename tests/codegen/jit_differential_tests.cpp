// The JIT against the reference interpreter, bit for bit: the retail example
// rules over a hand-made CSV table full of edge cases and over the bundled
// 20,000-customer file; thread counts; row counts that are not multiples of
// 64, several blocks, and no rows at all.
#include <catch2/catch.hpp>

#include "codegen/jit_test_support.h"
#include "evaluate/reference_interpreter.h"
#include "evaluate/table_schema.h"
#include "runtime/calendar.h"
#include "runtime/csv_loader.h"

namespace {

using segc::CheckedProgram;
using segc::evaluate::EvaluationContext;
using segc::evaluate::SegmentMembership;

const std::string kRetail = std::string(SEGC_SOURCE_DIR) + "/examples/retail/";

// Rows chosen to hit the rules' edges: missing values everywhere, 29
// February, today, the largest numbers, mixed-case cities, empty sets.
constexpr const char* kEdgeCases =
    "customer_id,age,gender,birth_date,city,country_code,email,phone,opted_in,email_opt_in,"
    "sms_opt_in,channel,registered_via,app_installed,last_app_open,signup_date,last_purchase,"
    "orders_count,total_spent,clv_trend,tier,points_balance,points_spent_30d,points_expiry,"
    "referrals,interests,pet_types\n"
    "1,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
    "2,25,F,2000-02-29,Москва,ru,a@b.ru,+79001234567,true,true,true,email,app,true,2026-10-30,"
    "2025-11-05,2026-10-31,10,100000.00,0.10,gold,5000,0,2026-11-20,5,cats|gardening,cat|dog\n"
    "3,17,M,2009-11-01,КАЗАНЬ,RU,QA+1@lapki-dom.ru,+7900,false,false,true,sms,web,false,,"
    "2023-11-01,2026-05-01,1,9999.99,-0.10,silver,0,501,,0,,\n"
    "4,60,F,1966-11-08,нижний новгород,RU,x@lapki-dom.ru,+79991112233,true,false,false,push,app,"
    "true,2026-08-01,2026-01-01,2026-11-01,4,50000.00,0.019,platinum,100,,2026-12-01,12,"
    "aquaristics,fish|rabbit|hamster\n"
    "5,45,M,1981-11-01,Санкт-Петербург,,broken-email,+79000000000,true,true,false,none,web,,"
    "2026-11-01,2025-01-01,2025-04-30,9223372036854775807,-92233720368547758.08,-0.02,bronze,"
    "-5,,2026-11-02,,cats|dogs|birds|fish,\n";

std::unique_ptr<segc::CheckOutcome> retail_rules() {
  return segc::jit_test::check_files({kRetail + "campaign_november.seg"});
}

segc::runtime::Table load(const CheckedProgram& program, const std::string& text, bool is_path) {
  const auto schema = segc::evaluate::table_schema_for(program.schema);
  auto loaded = is_path ? segc::runtime::load_csv_file(text, schema, {})
                        : segc::runtime::load_csv_text(text, schema, {});
  INFO(loaded.fatal);
  INFO((loaded.errors.empty() ? std::string() : loaded.errors.front().message));
  REQUIRE(loaded.ok());
  return std::move(loaded.table);
}

// Every segment of the program, JIT (with `threads`) against the interpreter.
void require_same_as_interpreter(const CheckedProgram& program, const segc::runtime::Table& table,
                                 int32_t today, unsigned threads) {
  const auto wanted = segc::jit_test::all_segments(program);
  const EvaluationContext context{today};
  const SegmentMembership expected =
      segc::evaluate::interpret_segments(program, table, wanted, context);
  auto compiled = segc::jit_test::engine().compile(program, table, wanted, context);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  const SegmentMembership actual = (*compiled)->evaluate(table, threads);
  REQUIRE(actual.computed == expected.computed);
  for (size_t segment = 0; segment < wanted.size(); ++segment) {
    INFO("segment " << program.segments[segment].name << ", today "
                    << segc::calendar::format_iso_date(today) << ", " << threads << " threads");
    CHECK(segc::jit_test::rows_of(actual.members[segment]) ==
          segc::jit_test::rows_of(expected.members[segment]));
  }
}

int32_t day(int year, unsigned month, unsigned day_of_month) {
  return segc::calendar::days_from_civil({year, month, day_of_month});
}

}  // namespace

TEST_CASE("JIT agrees with the interpreter on the retail rules over edge cases", "[jit]") {
  auto outcome = retail_rules();
  const CheckedProgram& program = *outcome->program;
  const auto table = load(program, kEdgeCases, false);
  for (int32_t today : {day(2026, 11, 1), day(2024, 2, 29)}) {
    require_same_as_interpreter(program, table, today, 1);
  }
}

TEST_CASE("JIT agrees with the interpreter on the bundled retail customers", "[jit]") {
  auto outcome = retail_rules();
  const CheckedProgram& program = *outcome->program;
  const auto table = load(program, kRetail + "customers.csv", true);
  REQUIRE(table.row_count == 20000);
  require_same_as_interpreter(program, table, day(2026, 11, 1), 2);
}

TEST_CASE("JIT lowers every retail rule without the interpreter fallback", "[jit]") {
  auto outcome = retail_rules();
  const CheckedProgram& program = *outcome->program;
  const auto table = load(program, kEdgeCases, false);
  auto compiled = segc::jit_test::engine().compile(
      program, table, segc::jit_test::all_segments(program), EvaluationContext{day(2026, 11, 1)},
      segc::codegen::IrText::Keep);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  const std::string& ir = (*compiled)->llvm_ir();
  CHECK(ir.find("define void @segc_rules(") != std::string::npos);
  CHECK(ir.find("segc_interpret_row") == std::string::npos);
  // Host data by name, never by this process's addresses (the compile cache
  // reuses the code in other processes).
  CHECK(ir.find("@segc_host_0 = external global") != std::string::npos);
  CHECK(ir.find("inttoptr") == std::string::npos);
}

TEST_CASE("JIT results do not depend on threads or on the row count", "[jit]") {
  auto outcome = segc::jit_test::check_source(R"(
schema customer {
  key id: int
  score: int
}
segment odd = score > 0 and (score - score / 2 * 2) is present and score != 7
segment big = score >= 500 or odd
)");
  const CheckedProgram& program = *outcome->program;
  for (size_t rows : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, size_t{200},
                      size_t{64 * 64 * 3 + 17}}) {
    std::vector<std::optional<int64_t>> scores;
    uint64_t state = 12345;
    for (size_t row = 0; row < rows; ++row) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const int64_t value = static_cast<int64_t>(state >> 54);  // 0..1023
      scores.push_back(value % 5 == 0 ? std::nullopt : std::optional<int64_t>(value));
    }
    const auto table = segc::jit_test::TableBuilder(program, rows).ints("score", scores).build();
    INFO(rows << " rows");
    for (unsigned threads : {1u, 2u, 3u}) require_same_as_interpreter(program, table, 0, threads);
    const auto one = segc::jit_test::jit_rows(program, table, "big", 0, 1);
    CHECK(one == segc::jit_test::jit_rows(program, table, "big", 0, 2));
    CHECK(segc::jit_test::jit_rows(program, table, "big", 0, 2).size() <= rows);
  }
}
