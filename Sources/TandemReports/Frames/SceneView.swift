import TandemRender

/// How the frames of a scene look at it: the x–y plane through a 2-D
/// camera, or space through a perspective camera above a floor.
public enum SceneView: Sendable {
  /// A 2-D scene: world rectangle to pixels.
  case plane(Camera)
  /// A 3-D scene: the camera and the floor the frames draw under the motion.
  case space(PerspectiveCamera, SpaceFloor)

  /// The pixel where a position (one component per axis) is drawn, or nil
  /// when it is behind the camera.
  public func pixel(_ position: [Double]) -> Point? {
    switch self {
    case .plane(let camera): camera.pixel(for: Point(position[0], position[1]))
    case .space(let camera, _): camera.project(SIMD3(position[0], position[1], position[2]))?.pixel
    }
  }
}

/// The floor of a 3-D frame: the ground plane y = height when the scene has
/// a ground, otherwise a reference plane just below the lowest point of the
/// motion, so that shadows on it show every particle's height. Its extent
/// covers the motion's footprint, on a grid of round steps.
public struct SpaceFloor: Hashable, Sendable {
  /// The plane's height y.
  public var height: Double
  /// Whether it is the scene's ground (drawn firmer) or a reference plane.
  public var isGround: Bool
  /// The x extent, a whole number of steps.
  public var x: ClosedRange<Double>
  /// The z extent, a whole number of steps.
  public var z: ClosedRange<Double>
  /// The x extent of the motion itself, for target planes.
  public var motionX: ClosedRange<Double>
  /// The z extent of the motion itself, for target planes.
  public var motionZ: ClosedRange<Double>
  /// The highest y of the motion (for planes of constant x or z).
  public var top: Double
  /// The grid's spacing.
  public var step: Double
  /// The size of the motion: the largest of its extents.
  public var span: Double

  /// The floor under `points`, at `ground` if the scene has one.
  public static func enclosing(_ points: [SIMD3<Double>], ground: Double?) -> SpaceFloor {
    var (low, high) = (points.first ?? .zero, points.first ?? .zero)
    for p in points {
      low = pointwiseMin(low, p)
      high = pointwiseMax(high, p)
    }
    let extent = high - low
    let span = max(extent.x, extent.y, extent.z, 1e-3)
    let height = ground ?? (low.y - 0.05 * span)
    let pad = 0.2 * span
    let step = AxisTicks.niceStep(for: max(extent.x, extent.z) + 2 * pad, targetCount: 8)
    func covering(_ a: Double, _ b: Double) -> ClosedRange<Double> {
      ((a - pad) / step).rounded(.down) * step...((b + pad) / step).rounded(.up) * step
    }
    return SpaceFloor(
      height: height, isGround: ground != nil, x: covering(low.x, high.x),
      z: covering(low.z, high.z), motionX: (low.x - 0.05 * span)...(high.x + 0.05 * span),
      motionZ: (low.z - 0.05 * span)...(high.z + 0.05 * span), top: max(high.y, height),
      step: step, span: span)
  }

  /// The floor's four corners.
  public var corners: [SIMD3<Double>] {
    [
      SIMD3(x.lowerBound, height, z.lowerBound), SIMD3(x.upperBound, height, z.lowerBound),
      SIMD3(x.upperBound, height, z.upperBound), SIMD3(x.lowerBound, height, z.upperBound),
    ]
  }
}
