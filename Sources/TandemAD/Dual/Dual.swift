import RealModule

/// A dual number: a value together with its derivatives along `N` tangent
/// directions, for forward-mode automatic differentiation.
///
/// Arithmetic on `Dual` applies the chain rule as it goes:
/// `(a + a'ε)·(b + b'ε) = ab + (a'b + ab')ε`, with one `ε` per direction.
/// The tangents live in an `InlineArray`, so no operation allocates.
///
/// `Dual` is itself a ``Scalar``, so duals nest: in `Dual<1, Dual<1, Double>>`
/// the two levels are separate perturbations, and the inner tangent of the
/// outer tangent is an exact second derivative. Because each level is its own
/// type, one level's tangent can never be mistaken for another's
/// ("perturbation confusion").
///
/// Equality and ordering compare ``value`` only. Compare ``tangents``
/// explicitly when testing derivatives.
@frozen
public struct Dual<let N: Int, T: Scalar>: Sendable {
  /// The primal value.
  public var value: T

  /// The derivative of ``value`` along each of the `N` tangent directions.
  public var tangents: InlineArray<N, T>

  /// Creates a dual number from a value and its tangents.
  @inlinable
  public init(_ value: T, tangents: InlineArray<N, T>) {
    self.value = value
    self.tangents = tangents
  }

  /// Creates a constant: `value` with every tangent zero.
  @inlinable
  public init(constant value: T) {
    self.value = value
    self.tangents = InlineArray(repeating: .zero)
  }

  /// Creates an independent variable: `value` with tangent 1 along
  /// `direction` and 0 along every other direction.
  @inlinable
  public init(_ value: T, seed direction: Int) {
    precondition(direction >= 0 && direction < N, "seed direction \(direction) is not in 0..<\(N)")
    self.value = value
    var tangents = InlineArray<N, T>(repeating: .zero)
    tangents[direction] = 1
    self.tangents = tangents
  }

  /// The number of tangent directions, `N`.
  @inlinable
  public static var directionCount: Int { N }

  /// The tangent along one direction.
  @inlinable
  public func tangent(_ direction: Int) -> T { tangents[direction] }

  /// Applies a differentiable function given its value and derivative at
  /// ``value``: every tangent is multiplied by `derivative` (the chain rule).
  @inlinable
  public func applying(value newValue: T, derivative: T) -> Dual {
    Dual(newValue, tangents: InlineArray { i in tangents[i] * derivative })
  }
}
