import Dispatch
import Foundation
import TandemAD

/// Forward mode with more tuned parameters than one run's tangents: the
/// runs of ``TangentWidth/maximum`` directions each are independent, so
/// they go on every core at once.
///
/// Each chunk's run is exactly what it would be alone (its own seeds, its
/// own tapes), and the results are put back in the chunks' order, so the
/// numbers are the same bit for bit on any number of cores.
@usableFromInline
enum TangentChunks {
  /// The cores the chunks may use: all the machine has.
  @usableFromInline static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// `tuned` cut into chunks of at most ``TangentWidth/maximum``, in order
  /// (one empty chunk when nothing is tuned).
  @inlinable
  static func chunks(of tuned: [Int]) -> [ArraySlice<Int>] {
    let width = TangentWidth.maximum
    guard !tuned.isEmpty else { return [tuned[...]] }
    return stride(from: 0, to: tuned.count, by: width).map {
      tuned[$0..<min($0 + width, tuned.count)]
    }
  }

  /// `body` of every chunk of `tuned`, in the chunks' order, computed on up
  /// to ``cores`` threads; the first chunk's error (in order) is thrown.
  @inlinable
  static func map<Output>(_ tuned: [Int], _ body: (ArraySlice<Int>) throws -> Output) throws
    -> [Output]
  {
    let chunks = chunks(of: tuned)
    let workers = min(chunks.count, cores)
    guard workers > 1 else { return try chunks.map(body) }
    let results = ConcurrentResults<Output>(count: chunks.count)
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < chunks.count {
          results.set(index, Result { try body(chunks[index]) })
          index += workers
        }
      }
    }
    return try results.outputs()
  }
}

/// Results computed on several threads, each written once, into its own
/// slot, by the thread that computed it (tangent chunks, tuning starts,
/// sweep tasks).
public final class ConcurrentResults<Output>: @unchecked Sendable {
  let lock = NSLock()
  var results: [Result<Output, any Error>?]

  /// Room for `count` results, none yet.
  public init(count: Int) { results = Array(repeating: nil, count: count) }

  /// Keeps `result` in slot `index`, and tells `finished` under the same
  /// lock, so that a listener hears one result at a time.
  public func set(
    _ index: Int, _ result: Result<Output, any Error>, then finished: (Output) -> Void = { _ in }
  ) {
    lock.lock()
    defer { lock.unlock() }
    results[index] = result
    if case .success(let output) = result { finished(output) }
  }

  /// Every output in order, or the first error in order.
  public func outputs() throws -> [Output] {
    lock.lock()
    defer { lock.unlock() }
    return try results.map { try $0!.get() }
  }

  /// `body(0)`, …, `body(count − 1)` on up to `jobs` threads (worker w takes
  /// w, w + jobs, …), in order; `finished` hears each as it ends, one at a
  /// time. Each output depends only on its index, so the outputs are the
  /// same whatever `jobs` is.
  public static func computing(
    _ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Output,
    finished: @escaping @Sendable (Output) -> Void = { _ in }
  ) -> [Output] {
    let results = ConcurrentResults(count: count)
    let workers = Swift.max(1, Swift.min(jobs, count))
    let work: @Sendable (Int) -> Void = { worker in
      for index in stride(from: worker, to: count, by: workers) {
        results.set(index, .success(body(index)), then: finished)
      }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
    return (try? results.outputs()) ?? []  // every slot holds an output
  }
}
