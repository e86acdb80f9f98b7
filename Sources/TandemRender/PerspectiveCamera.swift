import Foundation

/// A pinhole camera for 3-D scenes (y up): it orbits `target` at `distance`,
/// turned `azimuth` degrees about the vertical from the +z side and raised
/// `elevation` degrees above the horizontal, and projects world points to
/// pixels with a vertical field of view of `fieldOfView` degrees.
///
/// At azimuth 0 and elevation 0 the camera stands on the +z axis looking
/// towards −z, with +x to the right and +y up, so a 3-D scene in the x–y
/// plane looks as it would in 2-D. The elevation is held within ±89.9° so
/// that "up" stays defined.
///
/// ```swift
/// let camera = PerspectiveCamera(
///   target: [0, -0.5, 0.5], distance: 3, azimuth: 30, elevation: 20, size: size)
/// if let (pixel, depth) = camera.project([0.2, -1, 0.4]) {
///   canvas.fillDisc(center: pixel, radius: camera.pixelLength(0.05, atDepth: depth), color: .blue)
/// }
/// ```
public struct PerspectiveCamera: Hashable, Sendable {
  /// The point looked at, drawn at the centre of the image.
  public var target: SIMD3<Double>
  /// The distance from the eye to `target`.
  public var distance: Double
  /// Degrees about the vertical axis, from the +z side towards +x.
  public var azimuth: Double
  /// Degrees above the horizontal plane, in [−89.9, 89.9].
  public var elevation: Double
  /// The vertical field of view, in degrees.
  public var fieldOfView: Double
  /// The image the camera draws into.
  public var size: PixelSize

  /// Creates a camera; see the type's description for the angles.
  public init(
    target: SIMD3<Double>, distance: Double, azimuth: Double = 0, elevation: Double = 0,
    fieldOfView: Double = 40, size: PixelSize
  ) {
    self.target = target
    self.distance = distance
    self.azimuth = azimuth
    self.elevation = min(max(elevation, -89.9), 89.9)
    self.fieldOfView = fieldOfView
    self.size = size
  }

  /// The camera at `azimuth` and `elevation` that shows every one of
  /// `points` (their bounding sphere, in fact), centred, with `margin` of
  /// the image's shorter half left free around it.
  public static func fitting(
    _ points: [SIMD3<Double>], azimuth: Double = 0, elevation: Double = 0,
    fieldOfView: Double = 40, size: PixelSize, margin: Double = 0.08
  ) -> PerspectiveCamera {
    guard let first = points.first else {
      return PerspectiveCamera(
        target: .zero, distance: 1, azimuth: azimuth, elevation: elevation,
        fieldOfView: fieldOfView, size: size)
    }
    var (low, high) = (first, first)
    for p in points {
      low = pointwiseMin(low, p)
      high = pointwiseMax(high, p)
    }
    let centre = (low + high) / 2
    let radius = max(length(high - centre), 1e-9)
    // The narrower of the two fields of view must hold the sphere.
    let vertical = fieldOfView * .pi / 180
    let aspect = Double(size.width) / Double(max(size.height, 1))
    let horizontal = 2 * atan(tan(vertical / 2) * aspect)
    let half = min(vertical, horizontal) / 2 * (1 - margin)
    return PerspectiveCamera(
      target: centre, distance: radius / sin(half), azimuth: azimuth, elevation: elevation,
      fieldOfView: fieldOfView, size: size)
  }

  /// The eye's position.
  public var eye: SIMD3<Double> {
    let (a, e) = (azimuth * .pi / 180, elevation * .pi / 180)
    return target + distance * SIMD3(cos(e) * sin(a), sin(e), cos(e) * cos(a))
  }

  /// The camera's right, up and forward unit vectors, in world coordinates.
  public var basis: (right: SIMD3<Double>, up: SIMD3<Double>, forward: SIMD3<Double>) {
    let forward = normalized(target - eye)
    let right = normalized(cross(forward, SIMD3(0, 1, 0)))
    return (right, cross(right, forward), forward)
  }

  /// Pixels per world unit at unit depth.
  public var focalLength: Double {
    Double(size.height) / 2 / tan(fieldOfView * .pi / 360)
  }

  /// The pixel a world point is drawn at and its depth (the distance along
  /// the view direction), or `nil` for a point at or behind the eye.
  public func project(_ point: SIMD3<Double>) -> (pixel: Point, depth: Double)? {
    let (right, up, forward) = basis
    let offset = point - eye
    let depth = dot(offset, forward)
    guard depth > 1e-9 * distance else { return nil }
    let f = focalLength / depth
    return (
      Point(
        Double(size.width) / 2 + f * dot(offset, right),
        Double(size.height) / 2 - f * dot(offset, up)),
      depth
    )
  }

  /// The length in pixels of `length` world units seen at `depth`.
  public func pixelLength(_ length: Double, atDepth depth: Double) -> Double {
    length * focalLength / depth
  }
}

private func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }

private func length(_ a: SIMD3<Double>) -> Double { dot(a, a).squareRoot() }

private func normalized(_ a: SIMD3<Double>) -> SIMD3<Double> { a / length(a) }

private func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
  SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}
