/// A 2-D vector written in a scene file as `[x, y]`, each coordinate a
/// ``SceneNumber`` (so `[$x0, 1.5]` is a valid position).
public struct SceneVector: Hashable, Sendable {
  /// The horizontal coordinate.
  public var x: SceneNumber
  /// The vertical coordinate (up is positive).
  public var y: SceneNumber

  /// A vector from its two coordinates.
  public init(x: SceneNumber, y: SceneNumber) {
    self.x = x
    self.y = y
  }

  /// The vector `[0, 0]`.
  public static let zero = SceneVector(x: 0, y: 0)

  /// Both coordinates as `Double`s, reading references from `values`.
  public func value(in values: [String: Double]) -> (x: Double, y: Double) {
    (x.value(in: values), y.value(in: values))
  }

  /// The names of the parameters either coordinate refers to.
  public var parameterNames: [String] { x.parameterNames + y.parameterNames }

  /// The sum of two vectors.
  public static func + (lhs: SceneVector, rhs: SceneVector) -> SceneVector {
    SceneVector(x: lhs.x + rhs.x, y: lhs.y + rhs.y)
  }

  /// The difference of two vectors.
  public static func - (lhs: SceneVector, rhs: SceneVector) -> SceneVector {
    SceneVector(x: lhs.x - rhs.x, y: lhs.y - rhs.y)
  }

  /// A vector multiplied by a constant.
  public static func * (factor: Double, vector: SceneVector) -> SceneVector {
    SceneVector(x: factor * vector.x, y: factor * vector.y)
  }
}

extension SceneVector: CustomStringConvertible {
  /// The vector as a scene file writes it: `[x, y]`.
  public var description: String { "[\(x), \(y)]" }
}
