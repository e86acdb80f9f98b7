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
  /// The number of the forces' quantities, and where each force's start.
  public let quantityCount: Int
  /// Where each force's quantities start in ``quantities``.
  public let quantityOffsets: [Int]
  @usableFromInline let energyTerms: [(TracedVector<T>, inout Traced<T>?) -> Void]
  @usableFromInline let accelerationTerms: [(ParticleState<T>, inout [T]) -> Void]
  /// The coefficient of the first force that declares a linear drag
  /// (``RealisedForce/linearDrag``), applied in the same pass as −∇U/m; that
  /// force's ``RealisedForce/addAcceleration`` is not called.
  @usableFromInline let linearDrag: T?

  /// Realises `forces` with `context` (whose tape becomes the field's).
  @inlinable
  public init(_ forces: [any Force], context: ForceContext<T>) {
    tape = context.tape
    let realised = forces.map { $0.realised(in: context) }
    self.forces = realised
    energyTerms = realised.compactMap(\.addEnergy)
    let fused = realised.firstIndex { $0.linearDrag != nil }
    linearDrag = fused.flatMap { realised[$0].linearDrag }
    accelerationTerms = realised.indices.compactMap {
      $0 == fused ? nil : realised[$0].addAcceleration
    }
    dependsOnVelocity = realised.contains { $0.addAcceleration != nil }
    var offsets: [Int] = []
    var count = 0
    for force in realised {
      offsets.append(count)
      count += force.quantities.count
    }
    (quantityOffsets, quantityCount) = (offsets, count)
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
        state.velocities.withUnsafeBufferPointer { v in
          acceleration.withUnsafeMutableBufferPointer { acceleration in
            precondition(
              g.count >= dimension * n && inverseMass.count >= n && v.count >= dimension * n
                && acceleration.count >= dimension * n)
            for a in 0..<dimension {
              let offset = a * n
              if let drag = linearDrag {
                // F = −∇U; a = F/m − c·v, in one pass.
                for i in 0..<n {
                  acceleration[offset + i] = -g[offset + i] * inverseMass[i] - drag * v[offset + i]
                }
              } else {
                // F = −∇U; a = F/m.
                for i in 0..<n { acceleration[offset + i] = -g[offset + i] * inverseMass[i] }
              }
            }
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
