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

/// Every force Tandem ships (each file's `CatalogedForce` conformance gives
/// its example), for the equivalence test that runs each
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
