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

  /// The iterations recorded so far.
  var snapshot: [TuningIteration] { lock.withLock { history } }

  /// Marks the normal write as started: from now on an interrupt just waits for it.
  func beginWriting() -> Bool {
    lock.withLock {
      if writing { return false }
      writing = true
      return true
    }
  }

  /// On SIGINT or SIGTERM, calls `write` with the iterations so far (unless
  /// the normal write has begun) and exits with 128 + the signal's number.
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
        // The normal write is under way: let it finish, then stop.
        lock.withLock {}
      }
      source.resume()
      sources.append(source)
    }
  }
}
