import TandemAD
import TandemProcess

/// A force with a small instance of itself that reads one parameter, so
/// that the equivalence test can run it through every gradient path.
public protocol CatalogedForce: Force {
  /// The force's name, as tests and docs show it.
  static var catalogName: String { get }
  /// A small instance acting on particles 0 to 3 of a `dimension`-D system
  /// (particle 0 pinned at the top, the others free and moving, particle 3
  /// starting below y = −0.15), whose numbers read `parameter` where the
  /// force has one that a user would tune (at value 0 too).
  static func example(dimension: Int, parameter: Quantity) -> Self
}

/// Every force Tandem ships, for the equivalence test that runs each
/// through forward mode, checkpointed reverse (the hand path where the
/// force opts in), whole-tape reverse and central differences, in 2-D and
/// 3-D, from a non-zero and an exactly-zero parameter. A test checks that
/// every force an example scene builds is listed here.
public enum ForceCatalog {
  /// The cataloged force types.
  public static let all: [any CatalogedForce.Type] = [
    Gravity.self, Springs.self, Dashpots.self, PairPotentials.self, Drag.self,
    GroundDescription.self,
  ]
}

extension Gravity: CatalogedForce {
  /// "gravity".
  public static var catalogName: String { "gravity" }
  /// Gravity with the parameter as its x component.
  public static func example(dimension: Int, parameter: Quantity) -> Gravity {
    Gravity(acceleration: [parameter, -9.81, 0.5].prefix(dimension).map { $0 })
  }
}

extension Springs: CatalogedForce {
  /// "springs".
  public static var catalogName: String { "springs" }
  /// A chain 0–1–2–3 and a diagonal 1–3: stiffnesses proportional to the
  /// parameter, one rest length the parameter plus 0.3, the others measured.
  public static func example(dimension: Int, parameter: Quantity) -> Springs {
    Springs([
      SpringDescription(between: (0, 1), stiffness: .scaled(parameter, by: 300)),
      SpringDescription(
        between: (1, 2), stiffness: .scaled(parameter, by: 200), restLength: parameter + 0.3),
      SpringDescription(between: (2, 3), stiffness: 150),
      SpringDescription(between: (1, 3), stiffness: .scaled(parameter, by: 80)),
    ])
  }
}

extension Dashpots: CatalogedForce {
  /// "dashpots".
  public static var catalogName: String { "dashpots" }
  /// Dashpots 0–1 and 1–2 of coefficient 3·parameter and 2.
  public static func example(dimension: Int, parameter: Quantity) -> Dashpots {
    Dashpots(of: [
      SpringDescription(between: (0, 1), stiffness: 0, damping: .scaled(parameter, by: 3)),
      SpringDescription(between: (1, 2), stiffness: 0, damping: 2),
    ])!
  }
}

extension PairPotentials: CatalogedForce {
  /// "pair potentials".
  public static var catalogName: String { "pair potentials" }
  /// Pairs 1–3 and 0–2 of strength 0.05·parameter and 0.02.
  public static func example(dimension: Int, parameter: Quantity) -> PairPotentials {
    PairPotentials([
      PairPotentialDescription(between: (1, 3), strength: .scaled(parameter, by: 0.05)),
      PairPotentialDescription(between: (0, 2), strength: 0.02),
    ])
  }
}

extension Drag: CatalogedForce {
  /// "drag".
  public static var catalogName: String { "drag" }
  /// Drag of coefficient the parameter.
  public static func example(dimension: Int, parameter: Quantity) -> Drag {
    Drag(coefficient: parameter)
  }
}

extension GroundDescription: CatalogedForce {
  /// "ground".
  public static var catalogName: String { "ground" }
  /// A ground at y = −0.15 of stiffness 400 and damping 10·parameter
  /// (particle 3 starts in contact).
  public static func example(dimension: Int, parameter: Quantity) -> GroundDescription {
    GroundDescription(height: -0.15, stiffness: 400, damping: .scaled(parameter, by: 10))
  }
}
