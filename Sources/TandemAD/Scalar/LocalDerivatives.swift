import RealModule

/// Each elementary function's value together with its local derivative (or
/// partials) at a point: the one table that every mode of differentiation
/// applies — ``Dual`` by the chain rule, the tape's ``Traced`` and
/// ``TracedVector`` and the trajectory tape's ``Recorded`` by recording the
/// derivative — so their formulas and guards cannot drift apart.
///
/// Guards, where a derivative is undefined or infinite at a point physical
/// code reaches in practice:
/// - `sqrt` at 0 and `root` at 0 have derivative 0 (not +∞, which turns a
///   zero tangent into NaN);
/// - `hypot` and `atan2` have zero partials at the origin (a zero-length
///   difference, coincident points);
/// - `pow(x, y)` has ∂/∂y = 0 for x ≤ 0 (the real limit at x = 0 for y > 0;
///   for x < 0 the power is real only at integer y, where it is not
///   differentiable in y), and at x = 0 ∂/∂x = 1 for y = 1 and 0 for y < 1
///   (swift-numerics gives 0⁰ = NaN).
public enum LocalDerivatives {
  /// eˣ; derivative eˣ.
  @inlinable
  public static func exp<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    let e = T.exp(x)
    return (e, e)
  }

  /// eˣ − 1; derivative eˣ.
  @inlinable
  public static func expMinusOne<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.expMinusOne(x), T.exp(x))
  }

  /// cosh x; derivative sinh x.
  @inlinable
  public static func cosh<T: Scalar>(_ x: T) -> (value: T, derivative: T) { (T.cosh(x), T.sinh(x)) }

  /// sinh x; derivative cosh x.
  @inlinable
  public static func sinh<T: Scalar>(_ x: T) -> (value: T, derivative: T) { (T.sinh(x), T.cosh(x)) }

  /// tanh x; derivative 1 − tanh² x.
  @inlinable
  public static func tanh<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    let t = T.tanh(x)
    return (t, 1 - t * t)
  }

  /// cos x; derivative −sin x.
  @inlinable
  public static func cos<T: Scalar>(_ x: T) -> (value: T, derivative: T) { (T.cos(x), -T.sin(x)) }

  /// sin x; derivative cos x.
  @inlinable
  public static func sin<T: Scalar>(_ x: T) -> (value: T, derivative: T) { (T.sin(x), T.cos(x)) }

  /// tan x; derivative 1 + tan² x.
  @inlinable
  public static func tan<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    let t = T.tan(x)
    return (t, 1 + t * t)
  }

  /// log x; derivative 1/x.
  @inlinable
  public static func log<T: Scalar>(_ x: T) -> (value: T, derivative: T) { (T.log(x), 1 / x) }

  /// log(1 + x); derivative 1/(1 + x).
  @inlinable
  public static func log<T: Scalar>(onePlus x: T) -> (value: T, derivative: T) {
    (T.log(onePlus: x), 1 / (1 + x))
  }

  /// acosh x; derivative 1/√(x² − 1).
  @inlinable
  public static func acosh<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.acosh(x), 1 / T.sqrt(x * x - 1))
  }

  /// asinh x; derivative 1/√(x² + 1).
  @inlinable
  public static func asinh<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.asinh(x), 1 / T.sqrt(x * x + 1))
  }

  /// atanh x; derivative 1/(1 − x²).
  @inlinable
  public static func atanh<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.atanh(x), 1 / (1 - x * x))
  }

  /// acos x; derivative −1/√(1 − x²).
  @inlinable
  public static func acos<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.acos(x), -1 / T.sqrt(1 - x * x))
  }

  /// asin x; derivative 1/√(1 − x²).
  @inlinable
  public static func asin<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.asin(x), 1 / T.sqrt(1 - x * x))
  }

  /// atan x; derivative 1/(1 + x²).
  @inlinable
  public static func atan<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    (T.atan(x), 1 / (1 + x * x))
  }

  /// √x; derivative 1/(2√x), taken as 0 at x = 0.
  @inlinable
  public static func sqrt<T: Scalar>(_ x: T) -> (value: T, derivative: T) {
    let root = T.sqrt(x)
    return (root, root == .zero ? .zero : 1 / (2 * root))
  }

  /// The n-th root of x; derivative ⁿ√x/(n·x), taken as 0 at x = 0.
  @inlinable
  public static func root<T: Scalar>(_ x: T, _ n: Int) -> (value: T, derivative: T) {
    let r = T.root(x, n)
    return (r, x == .zero ? .zero : r / (T(Double(n)) * x))
  }

  /// xⁿ for an integer n; derivative n·xⁿ⁻¹ (defined for every x).
  @inlinable
  public static func pow<T: Scalar>(_ x: T, _ n: Int) -> (value: T, derivative: T) {
    (T.pow(x, n), n == 0 ? .zero : T(Double(n)) * T.pow(x, n - 1))
  }

  /// x²; derivative 2x.
  @inlinable
  public static func square<T: Scalar>(_ x: T) -> (value: T, derivative: T) { (x * x, 2 * x) }

  /// xʸ; partials y·xʸ⁻¹ and xʸ·log x, guarded at x ≤ 0 (see above).
  @inlinable
  public static func pow<T: Scalar>(_ x: T, _ y: T) -> (value: T, partials: (T, T)) {
    let power = T.pow(x, y)
    let dx: T = x == .zero && y <= 1 ? (y == 1 ? 1 : .zero) : y * T.pow(x, y - 1)
    let dy: T = x > .zero ? power * T.log(x) : .zero
    return (power, (dx, dy))
  }

  /// atan2(y, x); partials x/(x²+y²) and −y/(x²+y²), zero at the origin.
  @inlinable
  public static func atan2<T: Scalar>(y: T, x: T) -> (value: T, partials: (T, T)) {
    let radiusSquared = x * x + y * y
    let angle = T.atan2(y: y, x: x)
    guard radiusSquared != .zero else { return (angle, (.zero, .zero)) }
    return (angle, (x / radiusSquared, -y / radiusSquared))
  }

  /// √(x² + y²); partials x/h and y/h, zero at the origin.
  @inlinable
  public static func hypot<T: Scalar>(_ x: T, _ y: T) -> (value: T, partials: (T, T)) {
    let h = T.hypot(x, y)
    guard h != .zero else { return (h, (.zero, .zero)) }
    return (h, (x / h, y / h))
  }
}
