import RealModule
import TandemAD

extension Simulation {
  /// The realised numbers a step reads that may depend on the parameters,
  /// in the order of ``reverseStepByHand(adjoint:quantityAdjoints:)``'s
  /// `quantityAdjoints`: the inverse masses, the masses, every force's
  /// ``RealisedForce/quantities`` in the system's order, and the step size.
  @inlinable
  public var realisedQuantities: [T] {
    system.inverseMasses + system.masses + system.field.quantities + [timeStep]
  }
}

extension SimulationDescription {
  /// Whether the steps can be reversed by hand as far as the description
  /// says: the integrator's scheme is a ``HandReversibleScheme``, and there is
  /// no stop condition and no observed motion (objective terms read during
  /// the run); the forces decide the rest (``Simulation/reversesStepsByHand``).
  public var integratorReversesByHand: Bool {
    integrator.scheme is any HandReversibleScheme && stop == nil && observations.isEmpty
  }

  /// Whether every force of the system opts into the hand-reversed step
  /// (is a ``HandReversibleForce``).
  public var forcesReverseByHand: Bool {
    system.forces.allSatisfy { $0 is any HandReversibleForce }
  }

  /// Whether ``Simulation/reverseStepByHand(adjoint:quantityAdjoints:)``
  /// covers this simulation's steps: the integrator, the objective and every
  /// force opt in. Other steps are reversed by recording them.
  public var stepsReverseByHand: Bool { integratorReversesByHand && forcesReverseByHand }
}

extension Simulation where T == Double {
  /// Whether ``reverseStepByHand(adjoint:quantityAdjoints:)`` covers this
  /// simulation's steps: the integrator and the objective opt in
  /// (``SimulationDescription/integratorReversesByHand``, read when the run
  /// was made) and every force was realised with a hand reversal
  /// (``ForceField/handReversals``). Asked at every step, it costs two reads.
  @inlinable
  public var reversesStepsByHand: Bool {
    reversibleScheme != nil && system.field.handReversals != nil
  }

  /// Carries `adjoint` (of the positions, then the velocities, after the
  /// step from the current state) back through that step, by hand (the
  /// scheme's ``HandReversibleScheme/reverseStep(from:of:dt:reversals:adjoint:quantityAdjoints:scratch:)``),
  /// and adds the step's adjoints of the ``realisedQuantities`` to
  /// `quantityAdjoints`. The state does not change.
  ///
  /// - Precondition: ``reversesStepsByHand``.
  @inlinable
  public func reverseStepByHand(adjoint: inout [Double], quantityAdjoints: inout [Double]) {
    guard let scheme = reversibleScheme, let reversals = system.field.handReversals else {
      preconditionFailure("a step reversed by hand that the scheme or a force cannot reverse")
    }
    precondition(
      quantityAdjoints.count == 2 * system.count + system.field.quantityCount + 1,
      "adjoints of other quantities")
    scheme.reverseStep(
      from: state, of: system, dt: timeStep, reversals: reversals, adjoint: &adjoint,
      quantityAdjoints: &quantityAdjoints, scratch: &workspace.buffer)
  }
}

/// Scratch storage that a simulation keeps across the steps it reverses by
/// hand, so that reversing a step allocates nothing. A class, so that the
/// non-mutating reverse step can reuse it; every copy of a simulation
/// shares it, which is safe because a step's reversal uses it only while
/// it runs, and copies are not reversed at once on several threads (each
/// run, and each thread, makes its own simulation).
public final class ReverseWorkspace: @unchecked Sendable {
  /// The scratch numbers.
  public var buffer: [Double] = []

  /// An empty workspace.
  public init() {}

}

/// Runs `body` with mutable buffers of three arrays.
@inlinable
func withBuffers<R>(
  _ a: inout [Double], _ b: inout [Double], _ c: inout [Double],
  _ body: (
    UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
    UnsafeMutableBufferPointer<Double>
  ) -> R
) -> R {
  a.withUnsafeMutableBufferPointer { a in
    b.withUnsafeMutableBufferPointer { b in c.withUnsafeMutableBufferPointer { c in body(a, b, c) }
    }
  }
}
