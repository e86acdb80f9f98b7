import RealModule
import TandemAD
import TandemProcess

/// A penalty ground plane y = h (in 2-D a line): U = ½·k_g·(h − y)² for
/// y < h, and damping −b·v_y on the normal velocity while in contact.
///
/// One-sided: switched on by the primal y < h, so its derivative at exactly
/// y = h is the free side's. The penalty is recorded as one elementwise map
/// and a sum; the damping (present when b is not identically zero) is
/// applied directly. Its quantities are h, k_g and b. Not reversed by hand.
public struct GroundDescription: Force {
  /// Height h of the plane.
  public var height: Quantity
  /// Penalty stiffness k_g.
  public var stiffness: Quantity
  /// Contact damping b (per unit mass).
  public var damping: Quantity

  /// Creates a ground plane.
  public init(height: Quantity, stiffness: Quantity = 10_000, damping: Quantity = 0) {
    self.height = height
    self.stiffness = stiffness
    self.damping = damping
  }

  /// The penalty on the tape, and the damping.
  @inlinable
  public func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    let (h, k, b) = (context.value(height), context.value(stiffness), context.value(damping))
    let n = context.count
    var ground = RealisedForce(quantities: [h, k, b], shape: RealisedGround(height: h))
    ground.addEnergy = { x, total in
      let penalty = context.axis(Axis.y.index, of: x).map { y in
        guard y < h else { return (.zero, .zero) }
        let depth = h - y
        return (T(0.5) * k * depth * depth, -k * depth)
      }
      total = .adding(penalty.sum(), to: total)
    }
    if !damping.isIdenticallyZero {
      ground.addAcceleration = { state, acceleration in
        let y = Axis.y.index * n
        for i in 0..<n where state.positions[y + i] < h {
          acceleration[y + i] -= b * state.velocities[y + i]
        }
      }
    }
    return ground
  }
}

/// A ground realised on `T` (a ``GroundDescription``'s ``RealisedForce/shape``).
public struct RealisedGround<T: Scalar> {
  /// The plane's height.
  public var height: T

  /// A ground at `height`.
  @inlinable
  public init(height: T) { self.height = height }
}

extension SystemDescription {
  /// The ground plane, if the system has one.
  public var ground: GroundDescription? {
    forces.lazy.compactMap { $0 as? GroundDescription }.first
  }
}

extension ParticleSystem {
  /// The ground plane realised, if the system has one (for drawing).
  public var ground: RealisedGround<T>? {
    field.forces.lazy.compactMap { $0.shape as? RealisedGround<T> }.first
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
