import RealModule
/// Why a simulation could not go on.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
  /// A position or velocity became infinite or NaN.
  case nonFinite(step: Int, particle: String, quantity: String)

  /// A message a person can act on.
  public var description: String {
    switch self {
    case let .nonFinite(step, particle, quantity):
      "the simulation blew up at step \(step): particle \(particle) has a non-finite \(quantity). "
        + "Try a smaller dt, more damping or drag, or softer springs."
    }
  }
}
