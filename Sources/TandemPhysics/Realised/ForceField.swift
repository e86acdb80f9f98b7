import RealModule
import TandemAD

/// Computes the accelerations of a ``ParticleSystem``: conservative forces as
/// F = −∇U by reverse mode on a tape, plus drag, dashpots and ground damping
/// applied directly.
///
/// The potential energy is
/// U(x) = −Σ mᵢ·(g·xᵢ) + Σ_springs ½·k·(‖xᵢ − xⱼ‖ − L)² + Σ_pairs s/‖xᵢ − xⱼ‖
///        + Σ_{yᵢ < h} ½·k_g·(h − yᵢ)²,
/// recorded as a handful of bulk nodes whatever the number of springs: on
/// `Double` and duals over it, gravity and the springs of ``SpringFamilies``
/// as one node each that saves its whole gradient; the other springs as one
/// fused edge-loop node; the pairs as gathers, an elementwise `hypot` and a
/// weighted sum.
///
/// Guards: a zero-length spring or two coincident particles give a zero
/// direction (see `hypot`), not NaN; the ground term is one-sided, switched on
/// by the primal y < h, so its derivative at exactly y = h is the free side's.
/// The tape is reset at every evaluation and keeps its storage, so evaluating
/// allocates nothing after the first call.
public final class ForceField<T: Scalar> {
  /// The tape the potential energy is recorded on.
  public let tape = Tape<T>()
  @usableFromInline let springFirst: TapeIndices
  @usableFromInline let springSecond: TapeIndices
  @usableFromInline let pairFirst: TapeIndices
  @usableFromInline let pairSecond: TapeIndices

  /// Prepares a force field for `system`'s springs and pairs.
  public init(for system: ParticleSystem<T>) {
    springFirst = tape.register(indices: system.springLayout.otherEnds.first)
    springSecond = tape.register(indices: system.springLayout.otherEnds.second)
    pairFirst = tape.register(indices: system.pairEnds.first)
    pairSecond = tape.register(indices: system.pairEnds.second)
  }

  /// Records U at `positions` (axis-major, see ``ParticleState``) on the
  /// tape and returns it with the handle of the recorded positions.
  @inlinable
  public func recordPotential(
    of system: ParticleSystem<T>, positions: [T]
  ) -> (energy: Traced<T>, positions: TracedVector<T>) {
    tape.reset()
    let n = system.count
    let x = tape.variables(positions)
    func axis(_ a: Int) -> TracedVector<T> { x[(a * n)..<((a + 1) * n)] }
    var energy: Traced<T>
    if Tape<T>.realComponents != nil {
      // One node with its gradient saved whole (on duals over Double).
      energy = tape.gravityEnergy(positions: x, gradient: system.gravityGradient)
    } else {
      let masses = tape.variables(system.masses)
      var weight = masses.dot(axis(0)) * system.gravity[0]
      for a in 1..<system.dimension { weight = weight + masses.dot(axis(a)) * system.gravity[a] }
      energy = -weight
    }
    let springs = system.springLayout
    if !springs.families.families.isEmpty {
      // Eight springs at a time on contiguous coordinates (see
      // SpringFamilies), the gradient saved whole.
      energy += tape.springFamilyEnergy(positions: x, dimension: system.dimension, layout: springs)
    }
    if springFirst.count > 0 {
      // The springs of no family: one fused node with its own
      // vector-Jacobian product (see Tape.springEnergy); a chain of
      // gathers, hypot and products cost several times as much.
      energy += tape.springEnergy(
        positions: x, dimension: system.dimension, first: springFirst, second: springSecond,
        stiffness: springs.otherStiffness, restLength: springs.otherRestLength)
    }
    if pairFirst.count > 0 {
      func difference(_ a: Int) -> TracedVector<T> {
        axis(a).gathering(pairFirst) - axis(a).gathering(pairSecond)
      }
      var distance = TracedVector.hypot(difference(0), difference(1))
      for a in 2..<max(system.dimension, 2) {
        distance = TracedVector.hypot(distance, difference(a))
      }
      energy += (tape.variables(system.pairStrength) / distance).sum()
    }
    if let ground = system.ground {
      energy += axis(Axis.y.index).map { y in
        guard y < ground.height else { return (.zero, .zero) }
        let depth = ground.height - y
        return (T(0.5) * ground.stiffness * depth * depth, -ground.stiffness * depth)
      }.sum()
    }
    return (energy, x)
  }

  /// The potential energy U at `positions` (axis-major), without its gradient.
  @inlinable
  public func potentialEnergy(of system: ParticleSystem<T>, positions: [T]) -> T {
    recordPotential(of: system, positions: positions).energy.value
  }

  /// Writes the acceleration of every particle in `state` into
  /// `acceleration` (axis-major, as the state's arrays), and returns the
  /// potential energy. Pinned particles get zero acceleration.
  @inlinable
  public func accelerations(
    of system: ParticleSystem<T>, at state: ParticleState<T>, into acceleration: inout [T]
  ) -> T {
    let (positions, velocities) = (state.positions, state.velocities)
    let (energy, x) = recordPotential(of: system, positions: positions)
    tape.backward(from: energy)
    let (n, dimension) = (system.count, system.dimension)
    let drag = system.drag
    let gradient = tape.adjoints(of: x)
    // On buffers: one bounds and uniqueness check per array, not per element.
    gradient.withUnsafeBufferPointer { g in
      system.inverseMasses.withUnsafeBufferPointer { inverseMass in
        velocities.withUnsafeBufferPointer { v in
          acceleration.withUnsafeMutableBufferPointer { acceleration in
            precondition(
              g.count >= dimension * n && inverseMass.count >= n && v.count >= dimension * n
                && acceleration.count >= dimension * n)
            for a in 0..<dimension {
              let offset = a * n
              for i in 0..<n {
                // F = −∇U; a = F/m − c·v.
                acceleration[offset + i] = -g[offset + i] * inverseMass[i] - drag * v[offset + i]
              }
            }
          }
        }
      }
    }
    if system.hasDashpots {
      addDashpots(of: system, at: state, into: &acceleration)
    }
    if system.hasGroundDamping, let ground = system.ground {
      let y = Axis.y.index * n
      for i in 0..<n where positions[y + i] < ground.height {
        acceleration[y + i] -= ground.damping * velocities[y + i]
      }
    }
    for i in 0..<n where system.isPinned[i] {
      for a in 0..<dimension { acceleration[a * n + i] = .zero }
    }
    return energy.value
  }

  /// Adds each spring's dashpot force, −d·((vᵢ − vⱼ)·n̂)·n̂ on i and the
  /// opposite on j, divided by the masses, for the springs in
  /// ``ParticleSystem/dashpots``.
  @inlinable
  func addDashpots(
    of system: ParticleSystem<T>, at state: ParticleState<T>, into acceleration: inout [T]
  ) {
    let (x, v) = (state.positions, state.velocities)
    let (n, dimension) = (system.count, system.dimension)
    var normal = InlineArray<3, T>(repeating: .zero)
    // Only the springs the description gives a dashpot: a damping that is a
    // parameter is applied even at value 0, so its derivative is kept.
    for s in system.dashpots {
      let i = system.springEnds.first[s]
      let j = system.springEnds.second[s]
      let length = state.distance(between: i, and: j)
      guard length != .zero else { continue }
      var closing = T.zero
      for a in 0..<dimension {
        normal[a] = (x[a * n + i] - x[a * n + j]) / length
        closing += (v[a * n + i] - v[a * n + j]) * normal[a]
      }
      let force = system.springDamping[s] * closing
      for a in 0..<dimension {
        acceleration[a * n + i] -= force * normal[a] * system.inverseMasses[i]
        acceleration[a * n + j] += force * normal[a] * system.inverseMasses[j]
      }
    }
  }
}
