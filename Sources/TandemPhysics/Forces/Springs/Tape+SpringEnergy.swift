import RealModule
import TandemAD

extension Tape {
  /// The elastic energy of a set of springs between points in 2-D or 3-D,
  /// recorded as one fused node:
  ///
  /// E = Σ_s ½·k_s·(ℓ_s − L_s)²,  ℓ_s = √(Σₐ (x_a[i_s] − x_a[j_s])²),
  ///
  /// with `positions` the points' coordinates, axis-major (every x, then
  /// every y, then every z: `dimension` blocks of equal length), i and j the
  /// spring ends (registered index lists of equal length), k the
  /// stiffnesses and L the rest lengths.
  ///
  /// One pass computes the energy and saves ∂E/∂x_a[i_s] = k_s·(ℓ_s − L_s)·d_a/ℓ_s
  /// for every axis a; the vector-Jacobian product scatters them onto both
  /// ends. A generic chain of nodes (gathers, differences, a hypot, a
  /// difference, a product, a sum) writes and reads a dozen tape vectors
  /// instead, and costs several times as much.
  ///
  /// - Stiffnesses and rest lengths are constants as far as the tape is
  ///   concerned: no adjoint flows back to them (forward-mode tangents that
  ///   they carry still flow through the value and the saved partials).
  /// - Guard: a spring of zero length (coincident ends) contributes ½·k·L²
  ///   with zero force, not NaN, as the square root's derivative at 0 is
  ///   taken as zero.
  /// - The length is √(dx² + dy² (+ dz²)) (the sum of squares, rounded once,
  ///   then one square root), as the specification's reference computes it.
  ///   The saved partials are k·(ℓ − L)·(1/ℓ)·d: one reciprocal per spring.
  @inlinable
  public func springEnergy(
    positions: TracedVector<T>, dimension: Int, first: TapeIndices, second: TapeIndices,
    stiffness: [T], restLength: [T]
  ) -> Traced<T> {
    let count = first.count
    precondition(
      second.count == count && stiffness.count == count && restLength.count == count,
      "spring energy: \(first.count) and \(second.count) ends, \(stiffness.count) stiffnesses, \(restLength.count) rest lengths"
    )
    precondition(
      (dimension == 2 || dimension == 3) && positions.count % dimension == 0,
      "spring energy: \(positions.count) coordinates in \(dimension)-D")
    let stride = positions.count / dimension
    precondition(
      first.bound <= stride && second.bound <= stride,
      "spring energy: an end is out of range of \(stride) points")
    if let tape = FastScalars.value(
      self, on: T.self, as: Tape<Recorded>.self, ifScalarIs: Recorded.self)
    {
      // Reverse mode through a simulation: one operation on the trajectory tape.
      func recorded<Value, Target>(_ value: Value, as target: Target.Type) -> Target {
        FastScalars.value(value, on: T.self, as: target, ifScalarIs: Recorded.self)!
      }
      let energy = tape.recordedSpringEnergy(
        positions: recorded(positions, as: TracedVector<Recorded>.self), dimension: dimension,
        first: first, second: second, stiffness: recorded(stiffness, as: [Recorded].self),
        restLength: recorded(restLength, as: [Recorded].self))
      return FastScalars.value(energy, on: Recorded.self, as: Traced<T>.self, ifScalarIs: T.self)!
    }
    let start = positions.start
    let kind = kind(of: SpringEnergyNode<T>.self)
    if SpringEnergyNode<T>.savesDoubles, let components = Self.realComponents {
      // Duals over Double, on their components (see springEnergyKernel): one
      // division per spring instead of two (the square root's derivative
      // 1/(2ℓ) gives 1/ℓ exactly, doubled), the same values as the generic
      // loop below, which Double keeps (it has no derivative division).
      var total = T.zero
      reserveRealScratch(2 * count)
      let saved = reserveSaved(dimension * count * components)
      withRecordingBuffers { tape in
        stiffness.withUnsafeBufferPointer { k in
          restLength.withUnsafeBufferPointer { rest in
            withUnsafeMutablePointer(to: &total) { total in
              func doubles(_ pointer: UnsafePointer<T>) -> UnsafePointer<Double> {
                UnsafeRawPointer(pointer).assumingMemoryBound(to: Double.self)
              }
              springEnergyKernel(
                components: components, dimension: dimension,
                values: doubles(tape.values.baseAddress!), positions: start, stride: stride,
                first: tape.indices.baseAddress! + first.start,
                second: tape.indices.baseAddress! + second.start,
                count: count, stiffness: doubles(k.baseAddress!),
                restLength: doubles(rest.baseAddress!),
                partials: tape.saved.baseAddress! + saved,
                total: UnsafeMutableRawPointer(total).assumingMemoryBound(to: Double.self),
                scratch: tape.scratch.baseAddress!)
            }
          }
        }
      }
      let output = appendValue(total)
      record(
        kind,
        arguments: SpringEnergyNode<T>.appendArguments(
          positions: start, stride: stride, dimension: dimension, first: first.start,
          second: second.start, count: count, output: output, partials: saved, to: self))
      return Traced(tape: self, index: output)
    }
    let partial = reservePartials(dimension * count)
    let total = withRecordingBuffers { tape in
      let (v, p, indices) = (tape.values, tape.partials, tape.indices)
      return stiffness.withUnsafeBufferPointer { k in
        restLength.withUnsafeBufferPointer { rest in
          var total = T.zero
          var difference = InlineArray<3, T>(repeating: .zero)
          for s in 0..<count {
            let i = indices[first.start + s]
            let j = indices[second.start + s]
            var squares = T.zero
            for a in 0..<dimension {
              let offset = start + a * stride
              difference[a] = v[offset + i] - v[offset + j]
              squares =
                a == 0 ? difference[a] * difference[a] : squares + difference[a] * difference[a]
            }
            let length = T.sqrt(squares)
            let stretch = length - rest[s]
            let tension = k[s] * stretch
            total += T(0.5) * tension * stretch
            if length == .zero { continue }  // partials stay zero
            // One reciprocal for the force: on a dual, tension/length
            // divides twice (the quotient and 1/length for the
            // tangents), 1/length once.
            let scale = tension * (1 / length)
            for a in 0..<dimension { p[partial + dimension * s + a] = scale * difference[a] }
          }
          return total
        }
      }
    }
    let output = appendValue(total)
    record(
      kind,
      arguments: SpringEnergyNode<T>.appendArguments(
        positions: start, stride: stride, dimension: dimension, first: first.start,
        second: second.start, count: count, output: output, partials: partial, to: self))
    return Traced(tape: self, index: output)
  }
}

/// The spring-energy node of
/// ``TandemAD/Tape/springEnergy(positions:dimension:first:second:stiffness:restLength:)``:
/// `output = Σ_s ½·k_s·(ℓ_s − L_s)²`, with the ends of spring s at the index
/// lists `first` and `second` and coordinate a of point i at
/// `positions + a·stride + i`. The D = `dimension` partials ∂output/∂x_a[i_s]
/// are saved at `D·s + a` from `partials` (those of the second end are their
/// negatives): in the tape's partials, or on duals over `Double`
/// (``savesDoubles``) as doubles in its saved buffer, written whole by the
/// real kernel, so nothing is zero-filled per step.
///
/// Arguments: positions, stride, dimension, first, second, count, output, partials.
@usableFromInline
enum SpringEnergyNode<T: Scalar>: BulkNode {
  /// Whether the partials are doubles in the saved buffer (duals over
  /// `Double`) rather than scalars in the tape's partials (`Double` itself,
  /// whose generic loop has no derivative division to save, and other
  /// scalars). A constant once specialised.
  @inlinable
  static var savesDoubles: Bool { (Tape<T>.realComponents ?? 0) > 1 }

  /// Appends a node's arguments to `tape` and returns the offset of the first.
  @inlinable
  static func appendArguments(
    positions: Int, stride: Int, dimension: Int, first: Int, second: Int, count: Int, output: Int,
    partials: Int, to tape: Tape<T>
  ) -> Int {
    let start = tape.appendNodeArgument(positions)
    tape.appendNodeArgument(stride)
    tape.appendNodeArgument(dimension)
    tape.appendNodeArgument(first)
    tape.appendNodeArgument(second)
    tape.appendNodeArgument(count)
    tape.appendNodeArgument(output)
    tape.appendNodeArgument(partials)
    return start
  }

  /// The vector-Jacobian product: each spring's saved partials times the
  /// energy's adjoint, added at the first end and subtracted at the second.
  @inlinable
  static func pullBack(arguments: Int, buffers: TapeBackwardBuffers<T>) {
    let p = buffers.arguments.baseAddress! + arguments
    let ends = Ends(
      positions: p[0], stride: p[1], first: p[3], second: p[4], count: p[5],
      indices: buffers.indices)
    let (dimension, output) = (p[2], p[6])
    let partials =
      savesDoubles
      ? UnsafeRawPointer(buffers.saved.baseAddress! + p[7]).assumingMemoryBound(to: T.self)
      : UnsafePointer(buffers.partials.baseAddress! + p[7])
    let unitSeed = savesDoubles && Tape<T>.isUnit(buffers.adjoints[output])
    if dimension == 2 {
      pullBack(
        Plane.self, ends, output: output, partials: partials, adjoints: buffers.adjoints,
        unitSeed: unitSeed)
    } else {
      pullBack(
        Space.self, ends, output: output, partials: partials, adjoints: buffers.adjoints,
        unitSeed: unitSeed)
    }
  }

  /// Where a node's springs' ends are: the coordinates' offset and stride,
  /// and the two index lists.
  @usableFromInline
  struct Ends {
    @usableFromInline let positions, stride, first, second, count: Int
    @usableFromInline let indices: UnsafeBufferPointer<Int>

    @inlinable
    init(
      positions: Int, stride: Int, first: Int, second: Int, count: Int,
      indices: UnsafeBufferPointer<Int>
    ) {
      (self.positions, self.stride, self.first, self.second, self.count) = (
        positions, stride, first, second, count
      )
      self.indices = indices
    }
  }

  /// Each spring's D partials (∂E/∂x_a at its first end, from `partials`)
  /// times the energy's adjoint, added at the first end and subtracted at
  /// the second.
  ///
  /// With `unitSeed` (the energy's adjoint is exactly 1 with zero tangents,
  /// as when the energy is summed into the differentiated output) the
  /// products are the partials themselves and are skipped.
  @inlinable
  static func pullBack<D: DimensionCount>(
    _: D.Type, _ ends: Ends, output: Int, partials: UnsafePointer<T>,
    adjoints a: UnsafeMutableBufferPointer<T>, unitSeed: Bool
  ) {
    let (dimension, indices) = (D.count, ends.indices)
    if unitSeed {
      for s in 0..<ends.count {
        let i = indices[ends.first + s]
        let j = indices[ends.second + s]
        for axis in 0..<dimension {
          let offset = ends.positions + axis * ends.stride
          let g = partials[dimension * s + axis]
          a[offset + i] += g
          a[offset + j] -= g
        }
      }
      return
    }
    let seed = a[output]
    for s in 0..<ends.count {
      let i = indices[ends.first + s]
      let j = indices[ends.second + s]
      for axis in 0..<dimension {
        let offset = ends.positions + axis * ends.stride
        let g = seed * partials[dimension * s + axis]
        a[offset + i] += g
        a[offset + j] -= g
      }
    }
  }
}
