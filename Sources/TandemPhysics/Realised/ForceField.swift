import RealModule
import TandemAD

/// Computes the accelerations of a ``ParticleSystem``: conservative forces as
/// F = −∇U by reverse mode on a tape, plus drag, dashpots and ground damping
/// applied directly.
///
/// The potential energy is
/// U(x) = −Σ mᵢ·(g·xᵢ) + Σ_springs ½·k·(‖xᵢ − xⱼ‖ − L)² + Σ_pairs s/‖xᵢ − xⱼ‖
///        + Σ_{yᵢ < h} ½·k_g·(h − yᵢ)²,
/// recorded as a handful of bulk nodes whatever the number of springs: the
/// springs as one fused spring-energy node, the pairs as gathers, an
/// elementwise `hypot` and a weighted sum.
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
    springFirst = tape.register(indices: system.springEnds.first)
    springSecond = tape.register(indices: system.springEnds.second)
    pairFirst = tape.register(indices: system.pairEnds.first)
    pairSecond = tape.register(indices: system.pairEnds.second)
  }

  /// Records U at positions (`xs`, `ys`) on the tape and returns it with the
  /// handles of the position vectors.
  @inlinable
  public func recordPotential(
    of system: ParticleSystem<T>, xs: [T], ys: [T]
  ) -> (energy: Traced<T>, x: TracedVector<T>, y: TracedVector<T>) {
    tape.reset()
    let x = tape.variables(xs)
    let y = tape.variables(ys)
    let masses = tape.variables(system.masses)
    var energy = -(masses.dot(x) * system.gravity.x + masses.dot(y) * system.gravity.y)
    if springFirst.count > 0 {
      // One fused node with its own vector-Jacobian product (see
      // Tape.springEnergy): a chain of gathers, hypot and products cost
      // several times as much.
      energy += tape.springEnergy(
        x: x, y: y, first: springFirst, second: springSecond, stiffness: system.springStiffness,
        restLength: system.springRestLength)
    }
    if pairFirst.count > 0 {
      let dx = x.gathering(pairFirst) - x.gathering(pairSecond)
      let dy = y.gathering(pairFirst) - y.gathering(pairSecond)
      energy += (tape.variables(system.pairStrength) / TracedVector.hypot(dx, dy)).sum()
    }
    if let ground = system.ground {
      energy += y.map { y in
        guard y < ground.height else { return (.zero, .zero) }
        let depth = ground.height - y
        return (T(0.5) * ground.stiffness * depth * depth, -ground.stiffness * depth)
      }.sum()
    }
    return (energy, x, y)
  }

  /// The potential energy U at positions (`xs`, `ys`), without its gradient.
  @inlinable
  public func potentialEnergy(of system: ParticleSystem<T>, xs: [T], ys: [T]) -> T {
    recordPotential(of: system, xs: xs, ys: ys).energy.value
  }

  /// Writes the acceleration of every particle at the given positions and
  /// velocities into (`ax`, `ay`), which must have one entry per particle, and
  /// returns the potential energy. Pinned particles get zero acceleration.
  @inlinable
  public func accelerations(
    of system: ParticleSystem<T>, xs: [T], ys: [T], vxs: [T], vys: [T],
    into ax: inout [T], _ ay: inout [T]
  ) -> T {
    let (energy, x, y) = recordPotential(of: system, xs: xs, ys: ys)
    tape.backward(from: energy)
    let n = system.count
    let drag = system.drag
    let (gradientX, gradientY) = (tape.adjoints(of: x), tape.adjoints(of: y))
    // On buffers: one bounds and uniqueness check per array, not per element.
    gradientX.withUnsafeBufferPointer { gx in
      gradientY.withUnsafeBufferPointer { gy in
        system.inverseMasses.withUnsafeBufferPointer { inverseMass in
          vxs.withUnsafeBufferPointer { vx in
            vys.withUnsafeBufferPointer { vy in
              ax.withUnsafeMutableBufferPointer { ax in
                ay.withUnsafeMutableBufferPointer { ay in
                  precondition(
                    gx.count >= n && gy.count >= n && inverseMass.count >= n && vx.count >= n
                      && vy.count >= n && ax.count >= n && ay.count >= n)
                  for i in 0..<n {
                    // F = −∇U; a = F/m − c·v.
                    ax[i] = -gx[i] * inverseMass[i] - drag * vx[i]
                    ay[i] = -gy[i] * inverseMass[i] - drag * vy[i]
                  }
                }
              }
            }
          }
        }
      }
    }
    if system.hasDashpots {
      addDashpots(of: system, xs: xs, ys: ys, vxs: vxs, vys: vys, into: &ax, &ay)
    }
    if system.hasGroundDamping, let ground = system.ground {
      for i in 0..<system.count where ys[i] < ground.height {
        ay[i] -= ground.damping * vys[i]
      }
    }
    for i in 0..<system.count where system.isPinned[i] {
      ax[i] = .zero
      ay[i] = .zero
    }
    return energy.value
  }

  /// Adds each spring's dashpot force, −d·((vᵢ − vⱼ)·n̂)·n̂ on i and the
  /// opposite on j, divided by the masses, for the springs in
  /// ``ParticleSystem/dashpots``.
  @inlinable
  func addDashpots(
    of system: ParticleSystem<T>, xs: [T], ys: [T], vxs: [T], vys: [T],
    into ax: inout [T], _ ay: inout [T]
  ) {
    // Only the springs the description gives a dashpot: a damping that is a
    // parameter is applied even at value 0, so its derivative is kept.
    for s in system.dashpots {
      let i = system.springEnds.first[s]
      let j = system.springEnds.second[s]
      let dx = xs[i] - xs[j]
      let dy = ys[i] - ys[j]
      let length = T.hypot(dx, dy)
      guard length != .zero else { continue }
      let nx = dx / length
      let ny = dy / length
      let closing = (vxs[i] - vxs[j]) * nx + (vys[i] - vys[j]) * ny
      let force = system.springDamping[s] * closing
      ax[i] -= force * nx * system.inverseMasses[i]
      ay[i] -= force * ny * system.inverseMasses[i]
      ax[j] += force * nx * system.inverseMasses[j]
      ay[j] += force * ny * system.inverseMasses[j]
    }
  }
}
