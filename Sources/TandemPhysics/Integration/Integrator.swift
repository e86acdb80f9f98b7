import RealModule
/// A time-stepping scheme for the particle state (x, v) with a(x, v) = F/m.
public enum Integrator: String, Sendable, CaseIterable {
  /// Explicit Euler, first order: x ← x + dt·v and v ← v + dt·a(x, v), both
  /// from the old state.
  case euler
  /// Semi-implicit (symplectic) Euler, first order: v ← v + dt·a(x, v), then
  /// x ← x + dt·v with the new v.
  case semiImplicitEuler = "semi-implicit-euler"
  /// Velocity Verlet, second order and symplectic for conservative forces:
  /// x ← x + dt·v + ½dt²·a, then v ← v + ½dt·(a + a′). With velocity-dependent
  /// forces a′ is evaluated at the half-step velocity v + ½dt·a.
  case velocityVerlet = "velocity-verlet"
  /// Classic fourth-order Runge–Kutta on the state (x, v).
  case rk4

  /// The global order of accuracy: the error at a fixed time shrinks like dtᵖ.
  public var order: Int {
    switch self {
    case .euler, .semiImplicitEuler: 1
    case .velocityVerlet: 2
    case .rk4: 4
    }
  }
}
