/// The outer optimizer, as a scene (`tune: { method: NAME }`) and the
/// command line (`--method NAME`) name it.
///
/// A value type that identifies an optimizer by its name; the optimizer
/// itself is any ``OuterOptimizer``. Each optimizer's file declares its
/// static member (``gradientDescent``, ``adam``, ``newton``,
/// ``levenbergMarquardt``), and ``allCases`` lists them for the scene
/// reader and the command line.
public struct TuningMethod: Sendable, Hashable, RawRepresentable, CaseIterable,
  CustomStringConvertible
{
  /// The optimizer.
  public let optimizer: any OuterOptimizer

  /// The method running `optimizer`.
  public init(_ optimizer: any OuterOptimizer) { self.optimizer = optimizer }

  /// The method named `name` (its ``rawValue``), if there is one.
  public init?(rawValue name: String) {
    guard let found = Self.allCases.first(where: { $0.rawValue == name }) else { return nil }
    self = found
  }

  /// Every method Tandem ships, in the order the docs list them.
  public static let allCases: [TuningMethod] = [
    .gradientDescent, .adam, .newton, .levenbergMarquardt,
  ]

  /// The optimizer's name, as a scene writes it.
  public var rawValue: String { optimizer.name }
  /// The optimizer's name.
  public var description: String { rawValue }

}
