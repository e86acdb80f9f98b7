import TandemAD

/// The spring energy on ``Recorded`` numbers, for reverse mode through a
/// simulation: the energy and its gradient with respect to the positions
/// computed on `Double` and recorded on the trajectory tape as one
/// ``RecordedOperation``, whose pull-back is written by hand, instead of the
/// two dozen scalar operations per spring that the generic node records for
/// its values and its partials (28,000 nodes a step on B1).
///
/// The tape node (``RecordedSpringGradientNode``) then adds the recorded
/// gradient into the positions' adjoints, one addition per coordinate.
extension Tape where T == Recorded {
  /// ``Tape/springEnergy(positions:dimension:first:second:stiffness:restLength:)``
  /// on the trajectory tape; the same values, the same guard (a spring of
  /// zero length has energy ½·k·L² and no force).
  @inlinable
  func recordedSpringEnergy(
    positions: TracedVector<Recorded>, dimension: Int, first: TapeIndices, second: TapeIndices,
    stiffness: [Recorded], restLength: [Recorded]
  ) -> Traced<Recorded> {
    let count = positions.count
    let springs = first.count
    var (x, xNodes) = ([Double](), [Int32]())
    var (ends, otherEnds) = ([Int32](), [Int32]())
    x.reserveCapacity(count)
    xNodes.reserveCapacity(count)
    ends.reserveCapacity(springs)
    otherEnds.reserveCapacity(springs)
    withRecordingBuffers { tape in
      for c in 0..<count {
        let value = tape.values[positions.start + c]
        x.append(value.value)
        xNodes.append(value.nodeIndex)
      }
      for s in 0..<springs {
        ends.append(Int32(tape.indices[first.start + s]))
        otherEnds.append(Int32(tape.indices[second.start + s]))
      }
    }
    let operation = SpringGradientOperation(
      dimension: dimension, stride: count / dimension, positions: x, positionNodes: xNodes,
      first: ends, second: otherEnds, stiffness: stiffness.map(\.value),
      stiffnessNodes: stiffness.map(\.nodeIndex), rest: restLength.map(\.value),
      restNodes: restLength.map(\.nodeIndex))
    let outputs = RecordedTape.record(operation, outputs: operation.gradientAndEnergy())
    let partials = reservePartials(count)
    withRecordingBuffers { tape in
      for c in 0..<count { tape.partials[partials + c] = outputs[c] }
    }
    let output = appendValue(outputs[count])
    let arguments = appendNodeArgument(positions.start)
    appendNodeArgument(count)
    appendNodeArgument(output)
    appendNodeArgument(partials)
    record(kind(of: RecordedSpringGradientNode.self), arguments: arguments)
    return Traced(tape: self, index: output)
  }
}

/// The tape node of the recorded spring energy: the energy's adjoint times
/// the recorded gradient, added to the positions' adjoints.
///
/// Arguments: positions, count, output, partials (the gradient, one per coordinate).
@usableFromInline
enum RecordedSpringGradientNode: BulkNode {
  @inlinable
  static func pullBack(arguments: Int, buffers: TapeBackwardBuffers<Recorded>) {
    let p = buffers.arguments.baseAddress! + arguments
    let (positions, count, output, partials) = (p[0], p[1], p[2], p[3])
    let seed = buffers.adjoints[output]
    let a = buffers.adjoints
    let g = buffers.partials
    if seed.isConstant && seed.value == 1 {
      for c in 0..<count { a[positions + c] += g[partials + c] }
    } else {
      for c in 0..<count { a[positions + c] += seed * g[partials + c] }
    }
  }
}

/// The energy E = Σ_s ½·k_s·(ℓ_s − L_s)² of springs and its gradient g with
/// respect to the positions (axis-major, as on the tape), with the
/// vector-Jacobian product of both with respect to the positions, the
/// stiffnesses and the rest lengths.
///
/// For spring s from i to j, with d = x_i − x_j, ℓ = |d|, e = ℓ − L and
/// u = d/ℓ, the force term p = k·e·u is added to g at i and subtracted at j.
/// Given the adjoints ḡ and Ē, with w = ḡ_i − ḡ_j and q = u·w:
///
/// - d̄ = k·[(1 − L/ℓ)·w + (L/ℓ)·q·u] + Ē·k·e·u, added at i and subtracted at j;
/// - k̄ = e·q + Ē·e²/2;  L̄ = −k·q − Ē·k·e.
///
/// At ℓ = 0 the force is zero (the guard of the tape's node) and only the
/// energy ½·k·L² has derivatives.
@usableFromInline
final class SpringGradientOperation: RecordedOperation {
  @usableFromInline let dimension: Int
  @usableFromInline let stride: Int
  @usableFromInline let positions: [Double]
  @usableFromInline let positionNodes: [Int32]
  @usableFromInline let first: [Int32]
  @usableFromInline let second: [Int32]
  @usableFromInline let stiffness: [Double]
  @usableFromInline let stiffnessNodes: [Int32]
  @usableFromInline let rest: [Double]
  @usableFromInline let restNodes: [Int32]

  /// An operation on the springs `first[s]`–`second[s]` between the points
  /// of `positions` (axis-major, `stride` points), with their nodes (−1 for
  /// a constant).
  @inlinable
  init(
    dimension: Int, stride: Int, positions: [Double], positionNodes: [Int32], first: [Int32],
    second: [Int32], stiffness: [Double], stiffnessNodes: [Int32], rest: [Double],
    restNodes: [Int32]
  ) {
    (self.dimension, self.stride, self.positions, self.positionNodes) = (
      dimension, stride, positions, positionNodes
    )
    (self.first, self.second) = (first, second)
    (self.stiffness, self.stiffnessNodes, self.rest, self.restNodes) = (
      stiffness, stiffnessNodes, rest, restNodes
    )
  }

  /// The gradient (one entry per coordinate), then the energy: computed
  /// as the tape's generic node computes them, operation for operation.
  @inlinable
  func gradientAndEnergy() -> [Double] {
    var result = [Double](repeating: 0, count: positions.count + 1)
    var total = 0.0
    for s in first.indices {
      let (i, j) = (Int(first[s]), Int(second[s]))
      var difference = InlineArray<3, Double>(repeating: 0)
      var squares = 0.0
      for a in 0..<dimension {
        difference[a] = positions[a * stride + i] - positions[a * stride + j]
        squares = a == 0 ? difference[a] * difference[a] : squares + difference[a] * difference[a]
      }
      let length = squares.squareRoot()
      let stretch = length - rest[s]
      let tension = stiffness[s] * stretch
      total += 0.5 * tension * stretch
      if length == 0 { continue }
      let scale = tension * (1 / length)
      for a in 0..<dimension {
        let p = scale * difference[a]
        result[a * stride + i] += p
        result[a * stride + j] -= p
      }
    }
    result[positions.count] = total
    return result
  }

  @usableFromInline
  func pullBack(outputAdjoints: UnsafePointer<Double>, adjoints: UnsafeMutablePointer<Double>) {
    let energyAdjoint = outputAdjoints[positions.count]
    for s in first.indices {
      let (i, j) = (Int(first[s]), Int(second[s]))
      var d = InlineArray<3, Double>(repeating: 0)
      var w = InlineArray<3, Double>(repeating: 0)
      for a in 0..<dimension {
        d[a] = positions[a * stride + i] - positions[a * stride + j]
        w[a] = outputAdjoints[a * stride + i] - outputAdjoints[a * stride + j]
      }
      let (dBar, kBar, restBar) = springPullBack(
        dimension: dimension, difference: d, gradientAdjoint: w, stiffness: stiffness[s],
        rest: rest[s], energyAdjoint: energyAdjoint)
      for a in 0..<dimension {
        let (ni, nj) = (positionNodes[a * stride + i], positionNodes[a * stride + j])
        if ni >= 0 { adjoints[Int(ni)] += dBar[a] }
        if nj >= 0 { adjoints[Int(nj)] -= dBar[a] }
      }
      if stiffnessNodes[s] >= 0 { adjoints[Int(stiffnessNodes[s])] += kBar }
      if restNodes[s] >= 0 { adjoints[Int(restNodes[s])] += restBar }
    }
  }
}
