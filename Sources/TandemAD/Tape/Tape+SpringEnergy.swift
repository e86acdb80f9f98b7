import RealModule

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
  ///   one square root), as the specification's reference computes it.
  @inlinable
  public func springEnergy(
    x: TracedVector<T>, y: TracedVector<T>, first: TapeIndices, second: TapeIndices,
    stiffness: [T], restLength: [T]
  ) -> Traced<T> {
    let count = first.count
    precondition(second.count == count && stiffness.count == count && restLength.count == count,
      "spring energy: \(first.count) and \(second.count) ends, \(stiffness.count) stiffnesses, \(restLength.count) rest lengths")
    precondition(first.bound <= x.count && second.bound <= x.count && x.count == y.count,
      "spring energy: an end is out of range of \(x.count) points")
    let partial = partials.count
    partials.append(contentsOf: repeatElement(T.zero, count: 2 * count))
    let (xs, ys) = (x.start, y.start)
    let total = values.withUnsafeBufferPointer { v in
      partials.withUnsafeMutableBufferPointer { p in
        indexStore.withUnsafeBufferPointer { indices in
          stiffness.withUnsafeBufferPointer { k in
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
                let scale = tension / length
                p[partial + 2 * s] = scale * dx
                p[partial + 2 * s + 1] = scale * dy
              }
              return total
            }
          }
        }
      }
    }
    let output = append(total)
    operations.append(
      .springEnergy(
        x: xs, y: ys, first: first.start, second: second.start, count: count, output: output, partial: partial))
    return Traced(tape: self, index: output)
  }
}
