#include "runtime/interrupt_cleanup.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace segc::runtime {

// The signal handler may only use async-signal-safe calls and cannot take
// locks, so the registry is a list of fixed blocks of slots, each slot an
// atomic state and a path buffer: a slot is claimed, filled, then armed, and
// the handler reads only armed slots. Blocks are appended (never removed)
// when every slot is taken, and buffers are allocated when their slot is
// first used and kept for reuse, never freed, so the handler (on whichever
// thread the signal lands) never reads freed memory.
enum SlotState : int { kFree = 0, kFilling = 1, kArmed = 2 };
struct Slot {
  std::atomic<int> state{kFree};
  RemoveOnInterrupt::Kind kind = RemoveOnInterrupt::Kind::File;
  char* path = nullptr;  // PATH_MAX bytes
};

namespace {

constexpr int kSlotsPerBlock = 256;
struct Block {
  Slot slots[kSlotsPerBlock];
  std::atomic<Block*> next{nullptr};
};
Block first_block;

// SIGXFSZ: a write past the file size limit (ulimit -f) kills the process
// just as surely.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
constexpr int kSignalCount = sizeof kSignals / sizeof kSignals[0];
// The action each signal had before ours, restored before the signal is
// raised again. Written only while installing, under install_lock.
struct sigaction previous_actions[kSignalCount];
std::atomic<bool> install_lock{false};

// DeferInterrupts: while a section is open the handler only notes the signal
// (in deferred_signal, before it looks at the state, so that a section closing
// at that moment still sees it); while a handler is removing files no section
// opens (the process is about to end).
enum DeferState : int { kIdle = 0, kDeferring = 1, kHandling = 2 };
std::atomic<int> defer_state{kIdle};
std::atomic<int> deferred_signal{0};

// Unlinks the entries of a staging folder, then the folder. getdents64 is a
// plain system call (opendir/readdir allocate, which a handler must not).
void remove_folder_of_files(const char* path) {
  const int folder = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (folder >= 0) {
    // On the stack: a signal may land on two threads at once.
    alignas(8) char buffer[4096];
    for (;;) {
      const long bytes = ::syscall(SYS_getdents64, folder, buffer, sizeof buffer);
      if (bytes <= 0) break;
      for (long at = 0; at < bytes;) {
        struct Entry {
          uint64_t inode;
          int64_t offset;
          unsigned short length;
          unsigned char type;
          char name[1];
        };
        const auto* entry = reinterpret_cast<const Entry*>(buffer + at);
        const char* name = entry->name;
        const bool dot = name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
        if (!dot) ::unlinkat(folder, name, 0);
        at += entry->length;
      }
    }
    ::close(folder);
  }
  ::rmdir(path);
}

void remove_and_reraise(int signal) {
  deferred_signal.store(signal);
  int state = kIdle;
  const bool first = defer_state.compare_exchange_strong(state, kHandling);
  if (!first && state == kDeferring) return;  // ~DeferInterrupts takes it up
  int noted = signal;
  deferred_signal.compare_exchange_strong(noted, 0);  // handled here
  for (Block* block = &first_block; block != nullptr; block = block->next.load(std::memory_order_acquire)) {
    for (Slot& slot : block->slots) {
      if (slot.state.load(std::memory_order_acquire) != kArmed) continue;
      switch (slot.kind) {
        case RemoveOnInterrupt::Kind::File: ::unlink(slot.path); break;
        case RemoveOnInterrupt::Kind::FolderOfFiles: remove_folder_of_files(slot.path); break;
        case RemoveOnInterrupt::Kind::EmptyFolder: ::rmdir(slot.path); break;  // fails unless empty
      }
    }
  }
  // Hand the signal to whoever had it before: the default action ends the
  // process with the usual status; another handler (LLVM's) runs when this
  // one returns, the signal being blocked until then. Handlers that chain to
  // each other (ours installed over LLVM's, LLVM's over an earlier ours) would
  // hand it back and forth forever: the second time here, end the process.
  static volatile sig_atomic_t handled = 0;
  for (int i = 0; i < kSignalCount; ++i) {
    if (kSignals[i] != signal) continue;
    if (handled) {
      struct sigaction fallback {};
      fallback.sa_handler = SIG_DFL;
      sigemptyset(&fallback.sa_mask);
      ::sigaction(signal, &fallback, nullptr);
    } else {
      ::sigaction(signal, &previous_actions[i], nullptr);
    }
  }
  handled = 1;
  ::raise(signal);
  // Still here: the signal is blocked until this handler returns, or a
  // handler that does not end the process had it.
  if (first) defer_state.store(kIdle);
}

// On every registration, not once: a handler may have been installed over
// ours, or ours reset, since an earlier registration.
void install_handlers() {
  // Not interrupted by our own handler halfway through previous_actions.
  sigset_t blocked, saved;
  sigemptyset(&blocked);
  for (int signal : kSignals) sigaddset(&blocked, signal);
  ::pthread_sigmask(SIG_BLOCK, &blocked, &saved);
  bool expected = false;
  while (!install_lock.compare_exchange_weak(expected, true, std::memory_order_acquire)) expected = false;
  for (int i = 0; i < kSignalCount; ++i) {
    struct sigaction current {};
    if (::sigaction(kSignals[i], nullptr, &current) != 0) continue;
    const bool siginfo = (current.sa_flags & SA_SIGINFO) != 0;
    if (!siginfo && (current.sa_handler == SIG_IGN || current.sa_handler == remove_and_reraise)) continue;
    struct sigaction action {};
    action.sa_handler = remove_and_reraise;
    sigemptyset(&action.sa_mask);
    for (int other : kSignals) sigaddset(&action.sa_mask, other);  // one cleanup at a time
    previous_actions[i] = current;
    ::sigaction(kSignals[i], &action, nullptr);
  }
  install_lock.store(false, std::memory_order_release);
  ::pthread_sigmask(SIG_SETMASK, &saved, nullptr);
}

Slot* claim_slot() {
  for (Block* block = &first_block;;) {
    for (Slot& slot : block->slots) {
      int expected = kFree;
      if (slot.state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) return &slot;
    }
    Block* next = block->next.load(std::memory_order_acquire);
    if (next == nullptr) {
      auto* fresh = new Block;  // never freed: the handler may be walking the list
      if (block->next.compare_exchange_strong(next, fresh, std::memory_order_acq_rel)) {
        next = fresh;
      } else {
        delete fresh;  // another thread appended one first; `next` is it
      }
    }
    block = next;
  }
}

}  // namespace

RemoveOnInterrupt::RemoveOnInterrupt(const std::string& path, Kind kind) {
  install_handlers();
  if (path.size() >= PATH_MAX) return;
  Slot* slot = claim_slot();
  if (slot->path == nullptr) slot->path = new char[PATH_MAX];
  std::memcpy(slot->path, path.c_str(), path.size() + 1);
  slot->kind = kind;
  slot->state.store(kArmed, std::memory_order_release);
  slot_ = slot;
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  if (slot_ != nullptr) slot_->state.store(kFree, std::memory_order_release);
}

DeferInterrupts::DeferInterrupts() {
  install_handlers();
  for (;;) {
    int state = kIdle;
    if (defer_state.compare_exchange_weak(state, kDeferring)) return;
    ::sched_yield();  // a handler at work (it ends the process), or another section
  }
}

DeferInterrupts::~DeferInterrupts() {
  defer_state.store(kIdle);
  if (const int signal = deferred_signal.exchange(0); signal != 0) remove_and_reraise(signal);
}

}  // namespace segc::runtime
