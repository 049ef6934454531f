#include "codegen/jit_engine.h"

#include <fmt/format.h>
#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <thread>

#include "codegen/ir_optimizer.h"
#include "codegen/runtime_helpers.h"
#include "codegen/segment_function.h"
#include "codegen/table_check.h"

namespace segc::codegen {
namespace {

void initialise_native_target() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

// Every symbol generated code may refer to, by address: the process's own
// symbol table is not searched (setLinkProcessSymbolsByDefault(false)).
llvm::Error register_helpers(llvm::orc::LLJIT& jit) {
  llvm::orc::SymbolMap symbols;
  for (const RuntimeHelper& helper : runtime_helpers()) {
    symbols[jit.mangleAndIntern(helper.name)] = llvm::orc::ExecutorSymbolDef(
        llvm::orc::ExecutorAddr::fromPtr(helper.address),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable);
  }
  return jit.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols)));
}

// Instruction selection dominates compile time and is per function, so a
// rule set of many segments is split into modules compiled side by side;
// a small one is not worth a thread.
constexpr size_t kSegmentsPerPart = 16;
constexpr size_t kMaxParts = 8;
// The code generator pays a fixed cost per function (its ~100 passes each
// set up their analyses), so segments are compiled in groups, one function
// per group; 8 measured best on 200 segments, larger groups cost more in
// register allocation.
constexpr size_t kSegmentsPerGroup = 8;

size_t part_count(size_t segments) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(segments / kSegmentsPerPart, 1, std::min(cores, kMaxParts));
}

// One module of a rule set, in its own context so that it can be optimised
// and compiled on its own thread.
struct ModulePart {
  std::unique_ptr<llvm::LLVMContext> context = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> module;
  std::string ir;  // after optimisation
  std::unique_ptr<llvm::MemoryBuffer> object;
  llvm::Error error = llvm::Error::success();
};

void optimise_and_compile(ModulePart& part, llvm::TargetMachine& target) {
  if (auto error = optimize_module(*part.module, target)) {
    part.error = std::move(error);
    return;
  }
  llvm::raw_string_ostream(part.ir) << *part.module;
  llvm::orc::SimpleCompiler compiler(target);
  auto object = compiler(*part.module);
  if (!object) {
    part.error = object.takeError();
    return;
  }
  part.object = std::move(*object);
}

}  // namespace

JitEngine::JitEngine(std::unique_ptr<llvm::orc::LLJIT> jit,
                     llvm::orc::JITTargetMachineBuilder machine_builder)
    : jit_(std::move(jit)), machine_builder_(std::move(machine_builder)) {}

JitEngine::~JitEngine() = default;

llvm::Expected<std::unique_ptr<JitEngine>> JitEngine::create() {
  initialise_native_target();
  auto machine_builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machine_builder) return machine_builder.takeError();
  machine_builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  llvm::orc::LLJITBuilder builder;
  builder.setJITTargetMachineBuilder(std::move(*machine_builder))
      .setLinkProcessSymbolsByDefault(false)
      .setPlatformSetUp(llvm::orc::setUpInactivePlatform);
  // Settles the code model and relocation model the JIT's linker expects;
  // create() does it again, which changes nothing.
  if (auto error = builder.prepareForConstruction()) return error;
  llvm::orc::JITTargetMachineBuilder configured = *builder.getJITTargetMachineBuilder();
  auto jit = builder.create();
  if (!jit) return jit.takeError();
  if (auto error = register_helpers(**jit)) return error;
  return std::unique_ptr<JitEngine>(new JitEngine(std::move(*jit), std::move(configured)));
}

llvm::Error JitEngine::prepare_targets(size_t count) {
  while (targets_.size() < count) {
    auto target = machine_builder_.createTargetMachine();
    if (!target) return target.takeError();
    targets_.push_back(std::move(*target));
  }
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<CompiledRuleSet>> JitEngine::compile(
    const CheckedProgram& program, const runtime::Table& table, const std::vector<size_t>& wanted,
    const evaluate::EvaluationContext& context) {
  if (auto error = check_table(program, table)) return error;
  for (size_t segment : wanted) {
    if (segment >= program.segments.size()) {
      return llvm::createStringError(fmt::format("no segment number {}", segment));
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const std::vector<size_t> segments = evaluate::segments_to_evaluate(program, wanted);
  std::vector<ModulePart> parts(part_count(segments.size()));
  if (auto error = prepare_targets(parts.size())) return error;

  // Emission is sequential (it shares the host data and the bind-time
  // tables); segments are dealt out round-robin so parts get similar mixes.
  auto host = std::make_unique<HostData>();
  DependencyMap dependencies(program);
  const std::string entry_name = fmt::format("segc_rules_{}", next_id_++);
  // Groups are runs of the evaluation order (a group computes its segments
  // one after the other), dealt out round-robin so parts get similar mixes.
  std::vector<std::string> groups;
  for (size_t index = 0; index < parts.size(); ++index) {
    ModulePart& part = parts[index];
    part.module =
        std::make_unique<llvm::Module>(fmt::format("{}.{}", entry_name, index), *part.context);
    part.module->setDataLayout(jit_->getDataLayout());
    part.module->setTargetTriple(jit_->getTargetTriple().str());
  }
  for (const std::vector<size_t>& run : fusion_groups(program, dependencies, segments, kSegmentsPerGroup)) {
    groups.push_back(fmt::format("{}.group{}", entry_name, groups.size()));
    ModulePart& part = parts[(groups.size() - 1) % parts.size()];
    EmitEnvironment environment{program, table, context, dependencies, *host, *part.module, true};
    if (auto error = emit_segment_group(environment, run, groups.back())) return error;
  }
  emit_entry(*parts[0].module, groups, entry_name);
  std::vector<std::thread> helpers;
  for (size_t index = 1; index < parts.size(); ++index) {
    helpers.emplace_back(optimise_and_compile, std::ref(parts[index]), std::ref(*targets_[index]));
  }
  optimise_and_compile(parts[0], *targets_[0]);
  for (std::thread& helper : helpers) helper.join();
  llvm::Error failed = llvm::Error::success();
  for (ModulePart& part : parts)
    failed = llvm::joinErrors(std::move(failed), std::move(part.error));
  if (failed) return failed;

  auto code = jit_->getMainJITDylib().createResourceTracker();
  std::string ir;
  for (ModulePart& part : parts) {
    ir += part.ir;
    if (auto error = jit_->addObjectFile(code, std::move(part.object))) {
      llvm::consumeError(code->remove());
      return error;
    }
  }
  auto entry = jit_->lookup(entry_name);
  if (!entry) {
    llvm::consumeError(code->remove());
    return entry.takeError();
  }
  // The columns the code reads: evaluate() re-checks only their shape.
  std::vector<size_t> fields;
  for (size_t segment : segments) {
    const Dependencies& reads = dependencies.of(*program.segments[segment].declaration->where);
    fields.insert(fields.end(), reads.fields.begin(), reads.fields.end());
  }
  std::sort(fields.begin(), fields.end());
  fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
  return std::make_unique<CompiledRuleSet>(program, segments, context, shape_of(table, fields),
                                           std::move(host), std::move(code),
                                           entry->toPtr<RuleSetEntry>(), std::move(ir));
}

}  // namespace segc::codegen
