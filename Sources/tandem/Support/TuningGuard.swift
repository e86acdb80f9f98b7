import Dispatch
import Foundation
import Tandem

/// Keeps what a tuning has found so far, and writes it if the run is
/// interrupted (SIGINT, SIGTERM) or fails after some iterations ran, so that
/// `tandem tune` never loses a result.
final class TuningGuard: @unchecked Sendable {
  private let lock = NSLock()
  private var history: [TuningIteration] = []
  private var sources: [any DispatchSourceSignal] = []
  /// Set while the results are being written, so an interrupt then does not write twice.
  private var writing = false

  /// Records an iteration (the tuner's progress callback).
  func record(_ iteration: TuningIteration) {
    lock.withLock { history.append(iteration) }
  }

  /// Keeps a whole history (one start of several) in place of the one
  /// recorded, when its best loss is lower.
  func keepIfBetter(_ other: [TuningIteration]) {
    lock.withLock {
      let best = { (h: [TuningIteration]) in h.map(\.loss).min() ?? .infinity }
      if best(other) < best(history) { history = other }
    }
  }

  /// The iterations recorded so far.
  var snapshot: [TuningIteration] { lock.withLock { history } }

  /// Marks the normal write as started (from now on an interrupt is ignored);
  /// `false` when an interrupt's write already started.
  func beginWriting() -> Bool {
    lock.withLock {
      if writing { return false }
      writing = true
      return true
    }
  }

  /// On SIGINT or SIGTERM, calls `write` with the iterations so far and exits
  /// with 128 + the signal's number. Once the normal write has begun, the
  /// signal is ignored, so the files being written are finished, not cut short.
  func onInterrupt(_ write: @escaping @Sendable ([TuningIteration]) -> Void) {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [self] in
        if beginWriting() {
          let history = snapshot
          if !history.isEmpty { write(history) }
          exit(128 + number)
        }
      }
      source.resume()
      sources.append(source)
    }
  }
}
