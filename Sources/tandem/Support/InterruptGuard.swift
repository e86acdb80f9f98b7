import Dispatch
import Foundation
import Tandem

/// Keeps what a command has found so far, and writes it if the command is
/// interrupted (SIGINT, SIGTERM), so that a result is never lost: a tuning's
/// iterations, a sweep shard's finished tasks.
final class InterruptGuard<State: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var state: State
  private var sources: [any DispatchSourceSignal] = []
  /// Set while the results are being written, so an interrupt then does not write twice.
  private var writing = false

  /// A guard holding `state` until something is found.
  init(_ state: State) { self.state = state }

  /// Changes what is kept, under the guard's lock.
  func update(_ body: (inout State) -> Void) { lock.withLock { body(&state) } }

  /// What is kept now.
  var snapshot: State { lock.withLock { state } }

  /// Marks the normal write as started (from now on an interrupt is ignored);
  /// `false` when an interrupt's write already started.
  func beginWriting() -> Bool {
    lock.withLock {
      if writing { return false }
      writing = true
      return true
    }
  }

  /// On SIGINT or SIGTERM, calls `write` with what is kept and exits with
  /// 128 + the signal's number. Once the normal write has begun, the signal
  /// is ignored, so the files being written are finished, not cut short.
  func onInterrupt(_ write: @escaping @Sendable (State) -> Void) {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [self] in
        if beginWriting() {
          write(snapshot)
          exit(128 + number)
        }
      }
      source.resume()
      sources.append(source)
    }
  }
}

/// `tandem tune`'s guard: the iterations of the run, or of the best start.
typealias TuningGuard = InterruptGuard<[TuningIteration]>

extension InterruptGuard where State == [TuningIteration] {
  /// An empty history.
  convenience init() { self.init([]) }

  /// Records an iteration (the tuner's progress callback).
  func record(_ iteration: TuningIteration) { update { $0.append(iteration) } }

  /// Keeps a whole history (one start of several) in place of the one
  /// recorded, when its best loss is lower.
  func keepIfBetter(_ other: [TuningIteration]) {
    update { history in
      let best = { (h: [TuningIteration]) in h.map(\.loss).min() ?? .infinity }
      if best(other) < best(history) { history = other }
    }
  }
}
