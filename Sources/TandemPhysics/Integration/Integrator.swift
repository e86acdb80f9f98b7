import RealModule
import TandemAD

/// A time-stepping scheme for the particle state (x, v) with a(x, v) = F/m,
/// as a scene names it (`simulation: { integrator: NAME }`).
///
/// A value type that identifies a scheme by its name; the scheme itself is
/// any ``IntegrationScheme``. Each scheme's file declares its static member
/// (``euler``, ``semiImplicitEuler``, ``velocityVerlet``, ``rk4``), and
/// ``allCases`` lists them for the scene reader, its error messages and the
/// equivalence test.
public struct Integrator: Sendable, Hashable, RawRepresentable, CaseIterable,
  CustomStringConvertible
{
  /// The scheme.
  public let scheme: any IntegrationScheme

  /// The integrator running `scheme`.
  public init(_ scheme: any IntegrationScheme) { self.scheme = scheme }

  /// The integrator named `name` (its ``rawValue``), if there is one.
  public init?(rawValue name: String) {
    guard let found = Self.allCases.first(where: { $0.rawValue == name }) else { return nil }
    self = found
  }

  /// Every integrator Tandem ships, in the order the docs list them.
  public static let allCases: [Integrator] = [.euler, .semiImplicitEuler, .velocityVerlet, .rk4]

  /// The scheme's name, as a scene writes it.
  public var rawValue: String { scheme.name }
  /// The scheme's name.
  public var description: String { rawValue }
  /// The global order of accuracy: the error at a fixed time shrinks like dtᵖ.
  public var order: Int { scheme.order }

}
