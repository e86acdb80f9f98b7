import RealModule

/// A number the Tandem engine can run on: `Double`, or a dual number over one.
///
/// `Scalar` is built on swift-numerics' `AlgebraicField` (`+ - * /`) and
/// `ElementaryFunctions` (`exp`, `log`, `sin`, `cos`, `tan`, `tanh`, `sqrt`,
/// `pow`, …), so code written against those protocols runs on Tandem's numbers
/// unchanged. It deliberately does not refine `Real`: that requires
/// `FloatingPoint`, which no dual number can honestly be.
///
/// Comparison (`<`, `==`) looks at the primal value only. Branching on a primal
/// value is allowed and differentiates the branch that was taken: the derivative
/// is one-sided at the switching point.
public protocol Scalar: AlgebraicField, ElementaryFunctions, Comparable,
  ExpressibleByFloatLiteral, Sendable, CustomStringConvertible
where Magnitude == Self, FloatLiteralType == Double {
  /// Creates a constant: the value `value` with every derivative zero.
  init(_ value: Double)

  /// The innermost `Double` value, with all derivative information dropped.
  var doubleValue: Double { get }

  /// This number with every forward-mode tangent set to zero, at every level
  /// of nesting: a constant as far as `Dual` is concerned.
  ///
  /// This stops *tangents* (forward mode). A tape's ``Tape/stopGradient(_:)``
  /// stops *adjoints* (reverse mode); the two are independent.
  var tangentStopped: Self { get }

  /// The angle of the point (x, y) from the positive x axis, in (−π, π].
  ///
  /// Its derivative at the origin is undefined; `Dual` takes it as zero there.
  static func atan2(y: Self, x: Self) -> Self

  /// √(x² + y²), without undue overflow.
  ///
  /// Its derivative at (0, 0) is undefined; `Dual` takes it as zero there.
  static func hypot(_ x: Self, _ y: Self) -> Self

  /// Replaces every element of `buffer` by its hyperbolic tangent, with the
  /// derivative `1 − tanh²` carried as `tanh` carries it.
  ///
  /// The default applies `tanh` element by element. `Double` replaces it
  /// with a branch-free kernel that the compiler vectorises (see
  /// ``Swift/Double/vectorTanh(_:)``), and `Dual` runs its values through
  /// that kernel in blocks: an activation over a whole batch spends most of
  /// its time here otherwise.
  static func formTanh(_ buffer: UnsafeMutableBufferPointer<Self>)
}

extension Scalar {
  /// `tanh` of every element, one at a time.
  @inlinable
  public static func formTanh(_ buffer: UnsafeMutableBufferPointer<Self>) {
    for i in buffer.indices { buffer[i] = tanh(buffer[i]) }
  }

  /// The square of `x`, `x·x`.
  @inlinable
  public static func square(_ x: Self) -> Self { x * x }
}

/// Removes all forward-mode tangents from `x`: the result is a constant to
/// every `Dual` level. See ``Scalar/tangentStopped``.
@inlinable
public func stopTangent<T: Scalar>(_ x: T) -> T { x.tangentStopped }
