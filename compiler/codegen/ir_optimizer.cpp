#include "codegen/ir_optimizer.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/IPO/AlwaysInliner.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/IndVarSimplify.h>
#include <llvm/Transforms/Scalar/LICM.h>
#include <llvm/Transforms/Scalar/LoopPassManager.h>
#include <llvm/Transforms/Scalar/LoopRotation.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Vectorize/LoopVectorize.h>

namespace segc::codegen {
namespace {

// What the row code needs: scalars out of the helpers' out-parameter
// alloca, loads of the same column or bitmap word merged, the Kleene
// selects folded, the loop-invariant loads hoisted, the row loop rotated
// with a canonical induction variable, then vectorised, and the vector
// body's stores forwarded to its loads. Interleaving,
// unrolling and SLP are left out: they multiply code size (and instruction
// selection time) for little gain on loops of at most 64 rows.
llvm::FunctionPassManager row_loop_pipeline() {
  llvm::FunctionPassManager pipeline;
  pipeline.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
  pipeline.addPass(llvm::EarlyCSEPass(/*UseMemorySSA=*/true));
  pipeline.addPass(llvm::InstCombinePass());
  pipeline.addPass(llvm::SimplifyCFGPass());
  llvm::LoopPassManager hoist;
  hoist.addPass(llvm::LoopRotatePass());
  hoist.addPass(llvm::LICMPass(llvm::LICMOptions()));
  pipeline.addPass(llvm::createFunctionToLoopPassAdaptor(std::move(hoist), /*UseMemorySSA=*/true));
  pipeline.addPass(llvm::createFunctionToLoopPassAdaptor(llvm::IndVarSimplifyPass()));
  pipeline.addPass(llvm::LoopVectorizePass(
      llvm::LoopVectorizeOptions().setInterleaveOnlyWhenForced(true).setVectorizeOnlyWhenForced(
          false)));
  pipeline.addPass(llvm::InstCombinePass());
  pipeline.addPass(llvm::SimplifyCFGPass());
  // A full word's vector body (one block once the one-iteration loop is
  // folded) stores the spread presence bytes and each segment's result bytes
  // and loads them straight back: forward the stored vectors, so the pack is
  // a compare of the result itself.
  pipeline.addPass(llvm::EarlyCSEPass(/*UseMemorySSA=*/true));
  pipeline.addPass(llvm::InstCombinePass());
  return pipeline;
}

// LLVM 19's X86 DAG combiner loops forever, growing its worklist without
// bound, on some word code for AVX-512BW, where a <64 x i1> is a mask
// register: one select under mask m1, a second under (m1 | m2) or
// (m1 ^ m2) over the first, and a third under m2, compared. Rules as
// plain as `coalesce(coalesce(f, n), 1.5) <= max(n, 4)` produce it
// (tests/golden/eval/numeric_functions.seg). A freeze between each word
// and its use as a mask hides how the masks relate from the combiner, which
// then has nothing to rewrite back and forth; a freeze of a word that is
// never poison (ours are loads and bit operations) is the word itself, and
// costs nothing in the generated code. It is added after the IR passes,
// which would fold it away.
void fence_lane_masks(llvm::Module& module) {
  for (llvm::Function& function : module) {
    std::vector<llvm::BitCastInst*> masks;
    for (llvm::Instruction& instruction : llvm::instructions(function)) {
      auto* cast = llvm::dyn_cast<llvm::BitCastInst>(&instruction);
      if (cast == nullptr || !cast->getSrcTy()->isIntegerTy() || !cast->getDestTy()->isVectorTy() ||
          !cast->getDestTy()->getScalarType()->isIntegerTy(1) ||
          llvm::isa<llvm::Constant>(cast->getOperand(0))) {
        continue;
      }
      masks.push_back(cast);
    }
    for (llvm::BitCastInst* mask : masks) {
      llvm::IRBuilder<> builder(mask);
      mask->setOperand(0, builder.CreateFreeze(mask->getOperand(0)));
    }
  }
}

}  // namespace

llvm::Error optimize_module(llvm::Module& module, llvm::TargetMachine& target) {
  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(module, &stream)) {
    return llvm::createStringError("internal error: generated IR is invalid: " + problems);
  }
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager call_graph;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(&target);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(call_graph);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, call_graph, modules);
  llvm::ModulePassManager pipeline;
  pipeline.addPass(llvm::AlwaysInlinerPass(/*InsertLifetimeIntrinsics=*/false));
  pipeline.addPass(llvm::createModuleToFunctionPassAdaptor(row_loop_pipeline()));
  pipeline.run(module, modules);
  fence_lane_masks(module);
  return llvm::Error::success();
}

}  // namespace segc::codegen
