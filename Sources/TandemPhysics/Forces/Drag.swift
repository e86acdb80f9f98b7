import RealModule
import TandemAD
import TandemProcess

/// Linear drag: every free particle has acceleration −c·v (per unit mass).
///
/// Velocity-dependent, applied directly. Its quantity is c. Reversed by
/// hand: ā pulls back to −c·ā on v̄ and −Σ ā·v on c̄.
public struct Drag: HandReversibleForce {
  /// The coefficient c.
  public var coefficient: Quantity

  /// Drag of coefficient `coefficient`.
  public init(coefficient: Quantity) { self.coefficient = coefficient }

  /// a = −c·v.
  @inlinable
  public func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    let c = context.value(coefficient)
    var drag = RealisedForce<T>(
      quantities: [c],
      addAcceleration: { state, acceleration in
        state.velocities.withUnsafeBufferPointer { v in
          acceleration.withUnsafeMutableBufferPointer { acceleration in
            precondition(acceleration.count >= v.count)
            for k in 0..<v.count { acceleration[k] -= c * v[k] }
          }
        }
      })
    drag.linearDrag = c  // fused into the force field's first pass
    return drag
  }

  /// The pull-back of a = −c·v.
  public func handReversal(in context: ForceContext<Double>, quantities: [Double])
    -> HandReversal
  {
    let c = quantities[0]
    let coordinates = context.dimension * context.count
    return HandReversal(
      addAcceleration: { _, v, acceleration in
        for k in 0..<coordinates { acceleration[k] -= c * v[k] }
      },
      pullBackAcceleration: { _, v, accelerationBar, _, vBar, adjoints in
        var cBar = 0.0
        for k in 0..<coordinates {
          vBar[k] -= c * accelerationBar[k]
          cBar -= accelerationBar[k] * v[k]
        }
        adjoints.own[0] += cBar
      })
  }
}

extension SystemDescription {
  /// The drag coefficient (of the first ``Drag`` force; 0 without one).
  public var drag: Quantity {
    forces.lazy.compactMap { $0 as? Drag }.first?.coefficient ?? 0
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
