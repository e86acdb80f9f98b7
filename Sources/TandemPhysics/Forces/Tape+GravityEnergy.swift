import RealModule
import TandemAD

extension Tape {
  /// The potential energy of uniform gravity, U = −Σᵢ mᵢ·(g·xᵢ) = Σ_k w_k·x_k
  /// with `gradient` w (``ParticleSystem/gravityGradient``, axis-major like
  /// `positions`), recorded as one node that saves w whole (its
  /// vector-Jacobian product is one contiguous pass, see
  /// ``SavedGradientNode``).
  ///
  /// Masses and gravity are constants to the tape; their tangents flow
  /// through the value and the saved gradient. The sum runs in four
  /// interleaved partial sums, added in order at the end, so that it does
  /// not wait on one long chain of additions.
  ///
  /// - Precondition: `T` has ``Tape/realComponents``.
  @inlinable
  public func gravityEnergy(positions: TracedVector<T>, gradient: [T]) -> Traced<T> {
    guard let components = Self.realComponents else {
      preconditionFailure("a saved gradient on \(T.self), which has no Double components")
    }
    let count = positions.count
    precondition(
      gradient.count == count,
      "gravity: \(count) coordinates and a gradient of \(gradient.count)")
    let saved = reserveSaved(count * components)
    let start = positions.start
    let total = withRecordingBuffers { tape in
      gradient.withUnsafeBufferPointer { w in
        UnsafeMutableRawPointer(tape.saved.baseAddress! + saved).copyMemory(
          from: w.baseAddress!, byteCount: count * MemoryLayout<T>.stride)
        let x = tape.values.baseAddress! + start
        var (s0, s1, s2, s3) = (T.zero, T.zero, T.zero, T.zero)
        var k = 0
        while k + 4 <= count {
          s0 += w[k] * x[k]
          s1 += w[k + 1] * x[k + 1]
          s2 += w[k + 2] * x[k + 2]
          s3 += w[k + 3] * x[k + 3]
          k += 4
        }
        while k < count {
          s0 += w[k] * x[k]
          k += 1
        }
        return (s0 + s1) + (s2 + s3)
      }
    }
    let output = appendValue(total)
    let arguments = appendNodeArgument(start)
    appendNodeArgument(count)
    appendNodeArgument(output)
    appendNodeArgument(saved)
    record(kind(of: SavedGradientNode<T>.self), arguments: arguments)
    return Traced(tape: self, index: output)
  }
}
