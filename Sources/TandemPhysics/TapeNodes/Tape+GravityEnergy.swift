import TandemAD

extension Tape {
  /// The potential energy of uniform gravity, U = −Σᵢ mᵢ·(g·xᵢ), of points
  /// with coordinates `positions` (axis-major, `dimension` blocks) and
  /// `masses`, recorded as one node that saves its gradient
  /// ∂U/∂x_{a,i} = −mᵢ·g_a whole (its vector-Jacobian product is one
  /// contiguous pass, see ``SavedGradientNode``).
  ///
  /// Masses and gravity are constants to the tape; their tangents flow
  /// through the value and the saved gradient. The sum runs in four
  /// interleaved partial sums (then added in order), so it does not wait on
  /// one long chain of additions.
  ///
  /// - Precondition: `T` has ``Tape/realComponents``.
  @inlinable
  public func gravityEnergy(positions: TracedVector<T>, masses: [T], gravity: [T]) -> Traced<T> {
    guard let components = Self.realComponents else {
      preconditionFailure("a saved gradient on \(T.self), which has no Double components")
    }
    let (count, dimension) = (masses.count, gravity.count)
    precondition(
      positions.count == dimension * count,
      "gravity: \(positions.count) coordinates for \(count) masses in \(dimension)-D")
    let saved = reserveSaved(positions.count * components)
    let start = positions.start
    let total = withRecordingBuffers { tape in
      masses.withUnsafeBufferPointer { m in
        let x = tape.values.baseAddress! + start
        let weights = UnsafeMutableRawPointer(tape.saved.baseAddress! + saved)
        var sums = InlineArray<4, T>(repeating: .zero)
        for a in 0..<dimension {
          let g = gravity[a]
          for i in 0..<count {
            let k = a * count + i
            let weight = -(m[i] * g)
            weights.storeBytes(of: weight, toByteOffset: k * MemoryLayout<T>.stride, as: T.self)
            sums[k & 3] += weight * x[k]
          }
        }
        return sums[0] + sums[1] + (sums[2] + sums[3])
      }
    }
    let output = appendValue(total)
    let arguments = appendNodeArgument(start)
    appendNodeArgument(positions.count)
    appendNodeArgument(output)
    appendNodeArgument(saved)
    record(kind(of: SavedGradientNode<T>.self), arguments: arguments)
    return Traced(tape: self, index: output)
  }
}
