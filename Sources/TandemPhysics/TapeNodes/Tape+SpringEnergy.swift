import RealModule
import TandemAD

extension Tape {
  /// The elastic energy of a set of springs between points (xᵢ, yᵢ),
  /// recorded as one fused node:
  ///
  /// E = Σ_s ½·k_s·(ℓ_s − L_s)²,  ℓ_s = √((x[i_s] − x[j_s])² + (y[i_s] − y[j_s])²),
  ///
  /// with i and j the spring ends (registered index lists of equal length),
  /// k the stiffnesses and L the rest lengths.
  ///
  /// One pass computes the energy and saves ∂E/∂x[i_s] = k_s·(ℓ_s − L_s)·dx_s/ℓ_s
  /// (and the same for y); the vector-Jacobian product scatters them onto
  /// both ends. A generic chain of nodes (four gathers, two differences, a
  /// hypot, a difference, a product, a sum) writes and reads a dozen
  /// tape vectors instead, and costs several times as much.
  ///
  /// - Stiffnesses and rest lengths are constants as far as the tape is
  ///   concerned: no adjoint flows back to them (forward-mode tangents that
  ///   they carry still flow through the value and the saved partials).
  /// - Guard: a spring of zero length (coincident ends) contributes ½·k·L²
  ///   with zero force, not NaN, as `hypot`'s derivative at the origin is
  ///   taken as zero.
  /// - The length is √(dx² + dy²) (the sum of squares, rounded once, then
  ///   one square root), as the specification's reference computes it. The
  ///   saved partials are k·(ℓ − L)·(1/ℓ)·dx: one reciprocal per spring.
  @inlinable
  public func springEnergy(
    x: TracedVector<T>, y: TracedVector<T>, first: TapeIndices, second: TapeIndices,
    stiffness: [T], restLength: [T]
  ) -> Traced<T> {
    let count = first.count
    precondition(
      second.count == count && stiffness.count == count && restLength.count == count,
      "spring energy: \(first.count) and \(second.count) ends, \(stiffness.count) stiffnesses, \(restLength.count) rest lengths"
    )
    precondition(
      first.bound <= x.count && second.bound <= x.count && x.count == y.count,
      "spring energy: an end is out of range of \(x.count) points")
    let (xs, ys) = (x.start, y.start)
    let kind = kind(of: SpringEnergyNode<T>.self)
    if SpringEnergyNode<T>.savesDoubles, let components = Self.realComponents {
      // Duals over Double, on their components (see springEnergyKernel): one
      // division per spring instead of two (the square root's derivative
      // 1/(2ℓ) gives 1/ℓ exactly, doubled), the same values as the generic
      // loop below, which Double keeps (it has no derivative division).
      var total = T.zero
      reserveRealScratch(2 * count)
      let saved = reserveSaved(2 * count * components)
      withRecordingBuffers { tape in
        stiffness.withUnsafeBufferPointer { k in
          restLength.withUnsafeBufferPointer { rest in
            withUnsafeMutablePointer(to: &total) { total in
              func doubles(_ pointer: UnsafePointer<T>) -> UnsafePointer<Double> {
                UnsafeRawPointer(pointer).assumingMemoryBound(to: Double.self)
              }
              springEnergyKernel(
                components: components, values: doubles(tape.values.baseAddress!), x: xs, y: ys,
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
          x: xs, y: ys, first: first.start, second: second.start, count: count, output: output,
          partials: saved, to: self))
      return Traced(tape: self, index: output)
    }
    let partial = reservePartials(2 * count)
    let total = withRecordingBuffers { tape in
      let (v, p, indices) = (tape.values, tape.partials, tape.indices)
      return stiffness.withUnsafeBufferPointer { k in
        restLength.withUnsafeBufferPointer { rest in
          var total = T.zero
          for s in 0..<count {
            let i = indices[first.start + s]
            let j = indices[second.start + s]
            let dx = v[xs + i] - v[xs + j]
            let dy = v[ys + i] - v[ys + j]
            let length = T.sqrt(dx * dx + dy * dy)
            let stretch = length - rest[s]
            let tension = k[s] * stretch
            total += T(0.5) * tension * stretch
            if length == .zero { continue }  // partials stay zero
            // One reciprocal for the force: on a dual, tension/length
            // divides twice (the quotient and 1/length for the
            // tangents), 1/length once.
            let scale = tension * (1 / length)
            p[partial + 2 * s] = scale * dx
            p[partial + 2 * s + 1] = scale * dy
          }
          return total
        }
      }
    }
    let output = appendValue(total)
    record(
      kind,
      arguments: SpringEnergyNode<T>.appendArguments(
        x: xs, y: ys, first: first.start, second: second.start, count: count, output: output,
        partials: partial, to: self))
    return Traced(tape: self, index: output)
  }
}

/// The spring-energy node of ``TandemAD/Tape/springEnergy(x:y:first:second:stiffness:restLength:)``:
/// `output = Σ_s ½·k_s·(‖(x[i_s] − x[j_s], y[i_s] − y[j_s])‖ − L_s)²`, with i
/// and j the index lists at `first` and `second`; ∂output/∂(x[i_s]) and
/// ∂output/∂(y[i_s]) are saved at `2s` and `2s + 1` from `partials` (those of
/// x[j_s], y[j_s] are their negatives): in the tape's partials, or on duals
/// over `Double` (``savesDoubles``) as doubles in its saved buffer, written
/// whole by the real kernel, so nothing is zero-filled per step.
///
/// Arguments: x, y, first, second, count, output, partials.
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
    x: Int, y: Int, first: Int, second: Int, count: Int, output: Int, partials: Int,
    to tape: Tape<T>
  ) -> Int {
    let start = tape.appendNodeArgument(x)
    tape.appendNodeArgument(y)
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
    let (x, y, first, second, count, output) = (p[0], p[1], p[2], p[3], p[4], p[5])
    if savesDoubles {
      pullBack(
        x: x, y: y, first: first, second: second, count: count, output: output,
        partials: UnsafeRawPointer(buffers.saved.baseAddress! + p[6]).assumingMemoryBound(
          to: T.self),
        indices: buffers.indices, adjoints: buffers.adjoints,
        unitSeed: Tape<T>.isUnit(buffers.adjoints[output]))
    } else {
      pullBack(
        x: x, y: y, first: first, second: second, count: count, output: output,
        partials: buffers.partials.baseAddress! + p[6], indices: buffers.indices,
        adjoints: buffers.adjoints)
    }
  }

  /// Each spring's partials (∂E/∂x, ∂E/∂y at its first end, two per spring
  /// from `partials`) times the energy's adjoint, added at the first end and
  /// subtracted at the second.
  ///
  /// With `unitSeed` (the energy's adjoint is exactly 1 with zero tangents,
  /// as when the energy is summed into the differentiated output) the
  /// products are the partials themselves and are skipped.
  @inlinable
  static func pullBack(
    x: Int, y: Int, first: Int, second: Int, count: Int, output: Int,
    partials: UnsafePointer<T>, indices: UnsafeBufferPointer<Int>,
    adjoints a: UnsafeMutableBufferPointer<T>, unitSeed: Bool = false
  ) {
    if unitSeed {
      for s in 0..<count {
        let i = indices[first + s]
        let j = indices[second + s]
        let (gx, gy) = (partials[2 * s], partials[2 * s + 1])
        a[x + i] += gx
        a[x + j] -= gx
        a[y + i] += gy
        a[y + j] -= gy
      }
      return
    }
    let seed = a[output]
    for s in 0..<count {
      let i = indices[first + s]
      let j = indices[second + s]
      let gx = seed * partials[2 * s]
      let gy = seed * partials[2 * s + 1]
      a[x + i] += gx
      a[x + j] -= gx
      a[y + i] += gy
      a[y + j] -= gy
    }
  }
}
