import RealModule

/// Elementwise functions, each recorded as one node. Guards as for scalars:
/// `sqrt` has derivative 0 at 0.
extension TracedVector {
  /// eˣ of every element.
  @inlinable
  public static func exp(_ x: TracedVector) -> TracedVector {
    x.map { v in let e = T.exp(v); return (e, e) }
  }

  /// log x of every element.
  @inlinable
  public static func log(_ x: TracedVector) -> TracedVector { x.map { v in (T.log(v), 1 / v) } }

  /// sin x of every element.
  @inlinable
  public static func sin(_ x: TracedVector) -> TracedVector { x.map { v in (T.sin(v), T.cos(v)) } }

  /// cos x of every element.
  @inlinable
  public static func cos(_ x: TracedVector) -> TracedVector { x.map { v in (T.cos(v), -T.sin(v)) } }

  /// tanh x of every element.
  @inlinable
  public static func tanh(_ x: TracedVector) -> TracedVector {
    x.map { v in let t = T.tanh(v); return (t, 1 - t * t) }
  }

  /// √x of every element, with derivative 0 at 0.
  @inlinable
  public static func sqrt(_ x: TracedVector) -> TracedVector {
    x.map { v in let r = T.sqrt(v); return (r, r == .zero ? .zero : 1 / (2 * r)) }
  }

  /// x² of every element.
  @inlinable
  public static func square(_ x: TracedVector) -> TracedVector { x.map { v in (v * v, 2 * v) } }

  /// √(x² + y²) elementwise, with zero partials where both are 0.
  @inlinable
  public static func hypot(_ x: TracedVector, _ y: TracedVector) -> TracedVector {
    x.zipMap(y) { a, b in
      let h = T.hypot(a, b)
      return h == .zero ? (h, .zero, .zero) : (h, a / h, b / h)
    }
  }
}
