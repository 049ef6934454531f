#include "codegen/jit_engine.h"

#include <fmt/format.h>
#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <optional>
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
// set up their analyses) and per row loop (a vector body, an epilogue and a
// scalar remainder), so segments are fused in groups, one function and one
// loop per group (segment_function.h). On 200 generated segments
// (bench/many_segments.mjs) a whole `segc run` over the example data took
// 2.7 s of CPU with groups of 1, 0.85-1.2 s with 8, 0.6 s with 16 and
// 0.44-0.54 s with 64 (perf stat -e task-clock, machine under load).
// Word code (full words on 64 lanes at once) keeps every column vector and
// member word of a group in one basic block: past 16 segments it spills
// (on AVX2, 1575 instructions per word for 64 segments, 714 of them stack
// moves). The 200 segments over 2M rows, one thread (segc_bench
// --many-rules): 74 ms with groups of 64, 52 ms with 32, 40-42 ms with 16 or 8.
constexpr size_t kSegmentsPerGroup = 16;
// The exported entry; groups are "<entry>.group<G>".
constexpr const char* kEntryName = "segc_rules";

size_t part_count(size_t segments) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(segments / kSegmentsPerPart, 1, std::min(cores, kMaxParts));
}

// One module of a rule set, in its own context so that it can be optimised
// and compiled on its own thread.
struct ModulePart {
  std::unique_ptr<llvm::LLVMContext> context = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> module;
  std::optional<CacheKey> key;  // with a cache
  std::string ir;               // after optimisation, with IrText::Keep
  std::unique_ptr<llvm::MemoryBuffer> object;
  bool compiled = false;  // here, not loaded from the cache
  llvm::Error error = llvm::Error::success();
};

void optimise_and_compile(ModulePart& part, llvm::TargetMachine& target, IrText ir) {
  if (part.object) return;  // from the cache
  if (auto error = optimize_module(*part.module, target)) {
    part.error = std::move(error);
    return;
  }
  if (ir == IrText::Keep) llvm::raw_string_ostream(part.ir) << *part.module;
  llvm::orc::SimpleCompiler compiler(target);
  auto object = compiler(*part.module);
  if (!object) {
    part.error = object.takeError();
    return;
  }
  part.object = std::move(*object);
  part.compiled = true;
}

// Runs work(parts[i], i) for every part, each on its own thread (part 0 on
// the calling one).
template <class Work>
void on_threads(std::vector<ModulePart>& parts, const Work& work) {
  std::vector<std::thread> helpers;
  for (size_t index = 1; index < parts.size(); ++index) {
    helpers.emplace_back([&work, &parts, index] { work(parts[index], index); });
  }
  work(parts[0], 0);
  for (std::thread& helper : helpers) helper.join();
}

// The host data the code refers to by name (HostData::symbol_for), defined
// in the rule set's own JITDylib.
llvm::Error define_host_symbols(llvm::orc::LLJIT& jit, llvm::orc::JITDylib& library,
                                const HostData& host) {
  llvm::orc::SymbolMap symbols;
  for (const auto& [name, address] : host.symbols()) {
    symbols[jit.mangleAndIntern(name)] = llvm::orc::ExecutorSymbolDef(
        llvm::orc::ExecutorAddr::fromPtr(address), llvm::JITSymbolFlags::Exported);
  }
  if (symbols.empty()) return llvm::Error::success();
  return library.define(llvm::orc::absoluteSymbols(std::move(symbols)));
}

}  // namespace

JitEngine::JitEngine(std::unique_ptr<llvm::orc::LLJIT> jit,
                     llvm::orc::JITTargetMachineBuilder machine_builder,
                     std::unique_ptr<CompileCache> cache)
    : jit_(std::move(jit)),
      machine_builder_(std::move(machine_builder)),
      cache_(std::move(cache)) {}

JitEngine::~JitEngine() = default;

llvm::Expected<std::unique_ptr<JitEngine>> JitEngine::create(std::unique_ptr<CompileCache> cache) {
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
  return std::unique_ptr<JitEngine>(
      new JitEngine(std::move(*jit), std::move(configured), std::move(cache)));
}

llvm::Error JitEngine::prepare_targets(size_t count) {
  while (targets_.size() < count) {
    auto target = machine_builder_.createTargetMachine();
    if (!target) return target.takeError();
    targets_.push_back(std::move(*target));
  }
  if (compiler_identity_.empty()) compiler_identity_ = compiler_identity(*targets_[0]);
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<CompiledRuleSet>> JitEngine::compile(
    const CheckedProgram& program, const runtime::Table& table, const std::vector<size_t>& wanted,
    const evaluate::EvaluationContext& context, IrText ir) {
  if (auto error = check_table(program, table)) return error;
  for (size_t segment : wanted) {
    if (segment >= program.segments.size()) {
      return llvm::createStringError(fmt::format("no segment number {}", segment));
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const std::vector<size_t> segments = evaluate::segments_to_evaluate(program, wanted);
  DependencyMap dependencies(program);
  // Groups no larger than a share of the parts, so that every part (and
  // compile thread) gets one, and no module is left empty.
  const size_t wanted_parts = part_count(segments.size());
  const std::vector<std::vector<size_t>> fused = fusion_groups(
      program, table, dependencies, segments,
      std::clamp<size_t>((segments.size() + wanted_parts - 1) / wanted_parts, 1,
                         kSegmentsPerGroup));
  std::vector<ModulePart> parts(std::clamp<size_t>(fused.size(), 1, wanted_parts));
  if (auto error = prepare_targets(parts.size())) return error;

  // Names are the same in every rule set (each gets its own JITDylib), so
  // the same rules give the same IR and object code in any process.
  auto host = std::make_unique<HostData>();
  for (size_t index = 0; index < parts.size(); ++index) {
    ModulePart& part = parts[index];
    part.module =
        std::make_unique<llvm::Module>(fmt::format("{}.{}", kEntryName, index), *part.context);
    part.module->setDataLayout(jit_->getDataLayout());
    part.module->setTargetTriple(jit_->getTargetTriple().str());
  }
  // Emission is sequential (it shares the host data and the bind-time
  // tables). Groups (fusion_groups) are dealt out round-robin so parts get
  // similar mixes.
  std::vector<std::string> groups;
  std::vector<GroupKind> kinds;
  for (const std::vector<size_t>& run : fused) {
    groups.push_back(fmt::format("{}.group{}", kEntryName, groups.size()));
    ModulePart& part = parts[(groups.size() - 1) % parts.size()];
    EmitEnvironment environment{program, table, context, dependencies, *host, *part.module, true};
    auto kind = emit_segment_group(environment, run, groups.back());
    if (!kind) return kind.takeError();
    kinds.push_back(*kind);
  }
  emit_entry(*parts[0].module, groups, kEntryName);

  CompileCache* cache = ir == IrText::Keep ? nullptr : cache_.get();
  if (cache != nullptr) {
    // Serialising a module to hash it is a good part of a cached compile.
    on_threads(parts, [&](ModulePart& part, size_t) {
      part.key = module_key(*part.module, compiler_identity_);
      mark_with_key(*part.module, *part.key);
    });
    for (ModulePart& part : parts) {
      const CacheKey& key = *part.key;
      part.object = cache->load(key, [&](llvm::StringRef object) { return object_is_marked_with(object, key); });
    }
  }
  on_threads(parts, [&](ModulePart& part, size_t index) {
    optimise_and_compile(part, *targets_[index], ir);
  });
  llvm::Error failed = llvm::Error::success();
  for (ModulePart& part : parts)
    failed = llvm::joinErrors(std::move(failed), std::move(part.error));
  if (failed) return failed;
  if (cache != nullptr) {
    bool stored = false;
    for (ModulePart& part : parts) {
      if (!part.compiled) continue;
      cache->store(*part.key, part.object->getBuffer());
      stored = true;
    }
    if (stored) cache->prune();
  }

  // The rule set's own JITDylib: its host symbols, then the runtime helpers
  // in the main one. Removing it (CompiledRuleSet) frees the code.
  auto library =
      jit_->getExecutionSession().createJITDylib(fmt::format("{}_{}", kEntryName, next_id_++));
  if (!library) return library.takeError();
  library->addToLinkOrder(jit_->getMainJITDylib());
  auto discard = [&](llvm::Error error) {
    llvm::consumeError(jit_->getExecutionSession().removeJITDylib(*library));
    return error;
  };
  if (auto error = define_host_symbols(*jit_, *library, *host)) return discard(std::move(error));
  std::string ir_text;
  for (ModulePart& part : parts) {
    ir_text += part.ir;
    if (auto error = jit_->addObjectFile(*library, std::move(part.object))) {
      return discard(std::move(error));
    }
  }
  auto entry = jit_->lookup(*library, kEntryName);
  if (!entry) return discard(entry.takeError());
  std::vector<GroupCode> group_code;
  for (size_t g = 0; g < groups.size(); ++g) {
    auto function = jit_->lookup(*library, groups[g]);
    if (!function) return discard(function.takeError());
    GroupCode& code = group_code.emplace_back();
    code.function = function->toPtr<RuleSetEntry>();
    code.kind = kinds[g];
    code.segments = fused[g];
    for (size_t segment : fused[g]) {
      code.segment_ranges.push_back(necessary_ranges(
          program, dependencies, *program.segments[segment].declaration->where, table, context));
    }
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
                                           std::move(host), &*library,
                                           entry->toPtr<RuleSetEntry>(), std::move(group_code),
                                           std::move(ir_text));
}

}  // namespace segc::codegen
