import RealModule

/// Elementwise functions, each recorded as one node, with values and
/// derivatives from ``LocalDerivatives`` (which documents the guards).
extension TracedVector {
  /// eˣ of every element.
  @inlinable
  public static func exp(_ x: TracedVector) -> TracedVector { x.map(LocalDerivatives.exp) }

  /// log x of every element.
  @inlinable
  public static func log(_ x: TracedVector) -> TracedVector { x.map { LocalDerivatives.log($0) } }

  /// sin x of every element.
  @inlinable
  public static func sin(_ x: TracedVector) -> TracedVector { x.map(LocalDerivatives.sin) }

  /// cos x of every element.
  @inlinable
  public static func cos(_ x: TracedVector) -> TracedVector { x.map(LocalDerivatives.cos) }

  /// tanh x of every element.
  @inlinable
  public static func tanh(_ x: TracedVector) -> TracedVector { x.map(LocalDerivatives.tanh) }

  /// √x of every element, with derivative 0 at 0.
  @inlinable
  public static func sqrt(_ x: TracedVector) -> TracedVector { x.map(LocalDerivatives.sqrt) }

  /// x² of every element.
  @inlinable
  public static func square(_ x: TracedVector) -> TracedVector { x.map(LocalDerivatives.square) }

  /// √(x² + y²) elementwise, with zero partials where both are 0.
  @inlinable
  public static func hypot(_ x: TracedVector, _ y: TracedVector) -> TracedVector {
    x.zipMap(y) { a, b in
      let (h, partials) = LocalDerivatives.hypot(a, b)
      return (h, partials.0, partials.1)
    }
  }
}
