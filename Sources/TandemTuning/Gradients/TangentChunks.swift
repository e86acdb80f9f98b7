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
    let results = ChunkOutputs<Output>(count: chunks.count)
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

/// The chunks' outputs, each written once by the thread that ran it.
@usableFromInline
final class ChunkOutputs<Output>: @unchecked Sendable {
  let lock = NSLock()
  var results: [Result<Output, any Error>?]

  @usableFromInline
  init(count: Int) { results = Array(repeating: nil, count: count) }

  @usableFromInline
  func set(_ index: Int, _ result: Result<Output, any Error>) {
    lock.lock()
    defer { lock.unlock() }
    results[index] = result
  }

  /// Every output in order, or the first error in order.
  @usableFromInline
  func outputs() throws -> [Output] {
    lock.lock()
    defer { lock.unlock() }
    return try results.map { try $0!.get() }
  }
}
