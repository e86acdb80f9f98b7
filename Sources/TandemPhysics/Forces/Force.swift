import RealModule
import TandemAD

/// A force acting on a particle system, as a scene describes it: its
/// numbers are ``Quantity`` values, so that it can be realised on any
/// scalar with any parameter values.
///
/// A new force is one type conforming to this protocol (one file in
/// `Forces/`), plus the scene key that builds it. It says, in
/// ``realise(in:)``, what it records on the step's tape (its potential
/// energy, generic over the scalar) and, if it depends on the velocities,
/// the acceleration it adds; ``ForceField`` composes the forces a system
/// has. Nothing else names a force: a force that records its energy is in
/// every gradient, forward and reverse, because both read the tape.
///
/// A force may also conform to ``HandReversibleForce`` to take part in
/// steps reversed by hand; one that does not is recorded instead, never
/// dropped.
///
/// Realising runs specialised for the scalar (see
/// ``TandemAD/ScalarSpecialised``): forces are held as `any Force`, and
/// their generic code would otherwise run unspecialised, tens of times
/// slower on dual numbers.
public protocol Force: ScalarSpecialised, Sendable {
  /// The force realised on `T` with the context's parameter values: its
  /// numbers, its energy on the tape and its velocity-dependent part.
  ///
  /// Decide from the structure what to record (a quantity that is
  /// identically zero, or a parameter), never from a primal value: a
  /// parameter tuned from exactly 0 must keep its derivative.
  func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T>
}

/// A force whose part of a step can be reversed by hand on `Double`: it
/// supplies its gradient, its pull-back and the adjoints of its quantities
/// (see ``HandReversal``). A step is reversed by hand only when every force
/// of the system (and the integrator, and the objective) opts in.
///
/// Opting in wrongly (a pull-back that disagrees with the recorded step)
/// fails the equivalence test that runs every registered force through
/// every gradient path.
public protocol HandReversibleForce: Force {
  /// The hand-written reversal of this force, realised with `context`;
  /// `quantities` are the force's ``RealisedForce/quantities`` on `Double`,
  /// the order its adjoints are written in.
  func handReversal(in context: ForceContext<Double>, quantities: [Double]) -> HandReversal
}

extension Force {
  /// Realises the force on `S` from a ``ForceContext`` (``ScalarSpecialised``'s
  /// body): ``realise(in:)``, with the hand reversal on `Double` when the
  /// force opts in.
  @inlinable
  public func specialisedBody<S: Scalar>(_ argument: Any, on scalar: S.Type) -> Any {
    let context = argument as! ForceContext<S>
    var realised = realise(in: context)
    if let onDouble = FastScalars.value(
      context, on: S.self, as: ForceContext<Double>.self, ifScalarIs: Double.self),
      let quantities = FastScalars.value(
        realised.quantities, on: S.self, as: [Double].self, ifScalarIs: Double.self),
      let reversible = self as? any HandReversibleForce
    {
      realised.handReversal = reversible.handReversal(in: onDouble, quantities: quantities)
    }
    return realised
  }

  /// ``realise(in:)`` run compiled for `T` when it is a fast scalar, with
  /// the hand reversal attached on `Double` when the force opts in.
  @inlinable
  public func realised<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    specialised(context, on: T.self) as! RealisedForce<T>
  }
}
