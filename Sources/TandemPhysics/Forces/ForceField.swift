import RealModule
import TandemAD

/// The forces of a ``ParticleSystem`` realised on `T`, and the accelerations
/// they give: conservative forces as F = −∇U by reverse mode over the
/// energies they record on one tape, plus the velocity-dependent
/// accelerations they add directly.
///
/// Each force records its energy as a few bulk nodes whatever its size (see
/// the forces in `Forces/`). The tape is reset at every evaluation and keeps
/// its storage, so evaluating allocates nothing after the first call.
public final class ForceField<T: Scalar> {
  /// The tape the potential energy is recorded on.
  public let tape: Tape<T>
  /// The realised forces, in the system's order.
  public let forces: [RealisedForce<T>]
  /// Whether the accelerations depend on the velocities: velocity Verlet
  /// may reuse the previous step's acceleration only when they do not.
  public let dependsOnVelocity: Bool
  /// Every force's hand reversal, when every force has one (on `Double`,
  /// forces that are ``HandReversibleForce``); nil otherwise.
  public let handReversals: [HandReversal]?
  @usableFromInline let energyTerms: [(TracedVector<T>, inout Traced<T>?) -> Void]
  @usableFromInline let accelerationTerms: [(ParticleState<T>, inout [T]) -> Void]

  /// Realises `forces` with `context` (whose tape becomes the field's).
  @inlinable
  public init(_ forces: [any Force], context: ForceContext<T>) {
    tape = context.tape
    let realised = forces.map { $0.realised(in: context) }
    self.forces = realised
    energyTerms = realised.compactMap(\.addEnergy)
    accelerationTerms = realised.compactMap(\.addAcceleration)
    dependsOnVelocity = !accelerationTerms.isEmpty
    let reversals = realised.compactMap(\.handReversal)
    handReversals = reversals.count == realised.count ? reversals : nil
  }

  /// The forces' quantities, force after force (see
  /// ``RealisedForce/quantities``).
  @inlinable
  public var quantities: [T] { forces.flatMap(\.quantities) }

  /// Records U at `positions` (axis-major, see ``ParticleState``) on the
  /// tape and returns it with the handle of the recorded positions.
  @inlinable
  public func recordPotential(positions: [T]) -> (energy: Traced<T>, positions: TracedVector<T>) {
    tape.reset()
    let x = tape.variables(positions)
    var energy: Traced<T>? = nil
    for term in energyTerms { term(x, &energy) }
    return (energy ?? tape.variable(.zero), x)
  }

  /// The potential energy U at `positions` (axis-major), without its gradient.
  @inlinable
  public func potentialEnergy(positions: [T]) -> T {
    recordPotential(positions: positions).energy.value
  }

  /// Writes the acceleration of every particle in `state` into
  /// `acceleration` (axis-major, as the state's arrays), and returns the
  /// potential energy. Pinned particles get zero acceleration.
  @inlinable
  public func accelerations(
    of system: ParticleSystem<T>, at state: ParticleState<T>, into acceleration: inout [T]
  ) -> T {
    let (energy, x) = recordPotential(positions: state.positions)
    tape.backward(from: energy)
    let (n, dimension) = (system.count, system.dimension)
    let gradient = tape.adjoints(of: x)
    // On buffers: one bounds and uniqueness check per array, not per element.
    gradient.withUnsafeBufferPointer { g in
      system.inverseMasses.withUnsafeBufferPointer { inverseMass in
        acceleration.withUnsafeMutableBufferPointer { acceleration in
          precondition(
            g.count >= dimension * n && inverseMass.count >= n
              && acceleration.count >= dimension * n)
          for a in 0..<dimension {
            let offset = a * n
            // F = −∇U; a = F/m.
            for i in 0..<n { acceleration[offset + i] = -g[offset + i] * inverseMass[i] }
          }
        }
      }
    }
    for term in accelerationTerms { term(state, &acceleration) }
    for i in 0..<n where system.isPinned[i] {
      for a in 0..<dimension { acceleration[a * n + i] = .zero }
    }
    return energy.value
  }
}
