#include "codegen/jit_engine.h"

#include <fmt/format.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

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

}  // namespace

JitEngine::JitEngine(std::unique_ptr<llvm::orc::LLJIT> jit,
                     std::unique_ptr<llvm::TargetMachine> target)
    : jit_(std::move(jit)), target_(std::move(target)) {}

JitEngine::~JitEngine() = default;

llvm::Expected<std::unique_ptr<JitEngine>> JitEngine::create() {
  initialise_native_target();
  auto machine_builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machine_builder) return machine_builder.takeError();
  machine_builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto target = machine_builder->createTargetMachine();
  if (!target) return target.takeError();
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*machine_builder))
                 .setLinkProcessSymbolsByDefault(false)
                 .setPlatformSetUp(llvm::orc::setUpInactivePlatform)
                 .create();
  if (!jit) return jit.takeError();
  if (auto error = register_helpers(**jit)) return error;
  return std::unique_ptr<JitEngine>(new JitEngine(std::move(*jit), std::move(*target)));
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
  auto llvm_context = std::make_unique<llvm::LLVMContext>();
  auto module = std::make_unique<llvm::Module>("segc_rules", *llvm_context);
  module->setDataLayout(jit_->getDataLayout());
  module->setTargetTriple(jit_->getTargetTriple().str());

  auto host = std::make_unique<HostData>();
  DependencyMap dependencies(program);
  EmitEnvironment environment{program, table, context, dependencies, *host, *module, true};
  const std::string entry_name = fmt::format("segc_rules_{}", next_id_++);
  if (auto error = emit_rule_set(environment, segments, entry_name)) return error;
  if (auto error = optimize_module(*module, *target_)) return error;
  std::string ir;
  llvm::raw_string_ostream(ir) << *module;

  auto code = jit_->getMainJITDylib().createResourceTracker();
  llvm::orc::ThreadSafeModule compiled(std::move(module), std::move(llvm_context));
  if (auto error = jit_->addIRModule(code, std::move(compiled))) return error;
  auto entry = jit_->lookup(entry_name);
  if (!entry) {
    llvm::consumeError(code->remove());
    return entry.takeError();
  }
  return std::make_unique<CompiledRuleSet>(program, segments, context, shape_of(table),
                                           std::move(host), std::move(code),
                                           entry->toPtr<RuleSetEntry>(), std::move(ir));
}

}  // namespace segc::codegen
