/// The perspective camera of a 3-D scene's frames, `render: { camera: … }`.
/// Every key is optional: the default looks down on the scene from the
/// front right and frames the whole motion.
public struct CameraSettings: Hashable, Sendable {
  /// Degrees about the vertical axis, from the +z side towards +x; default 35.
  public var azimuth: Double
  /// Degrees above the horizontal, in [−89, 89]; default 25.
  public var elevation: Double
  /// The distance from the eye to the target, or `nil` to fit the motion.
  public var distance: Double?
  /// The point looked at, `[x, y, z]`, or `nil` for the centre of the motion.
  public var target: [Double]?
  /// The vertical field of view in degrees, in (0, 180); default 40.
  public var fieldOfView: Double
  /// Degrees the camera turns about the vertical over the run (the frames
  /// of a tuning's overlay stay at the start); default 0.
  public var orbit: Double

  /// Settings from their fields, each with the documented default.
  public init(
    azimuth: Double = 35, elevation: Double = 25, distance: Double? = nil,
    target: [Double]? = nil, fieldOfView: Double = 40, orbit: Double = 0
  ) {
    self.azimuth = azimuth
    self.elevation = elevation
    self.distance = distance
    self.target = target
    self.fieldOfView = fieldOfView
    self.orbit = orbit
  }
}
