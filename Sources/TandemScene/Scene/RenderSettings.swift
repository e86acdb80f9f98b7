import TandemRender

/// The scene's `render:` block: how `tandem run` draws frames. Plain numbers only.
public struct RenderSettings: Hashable, Sendable {
  /// Frame width in pixels; default 800.
  public var width: Int
  /// Frame height in pixels; default 600.
  public var height: Int
  /// Draw a frame every this many steps; default 10.
  public var every: Int
  /// The world rectangle shown (`view: [xmin, ymin, xmax, ymax]`), or `nil`
  /// to fit the whole trajectory.
  public var view: WorldRect?
  /// Whether particles leave fading trails; default `false`.
  public var trails: Bool
  /// The camera of 3-D frames (2-D frames use ``view``).
  public var camera: CameraSettings

  /// Settings from their fields, each with the documented default.
  public init(
    width: Int = 800, height: Int = 600, every: Int = 10, view: WorldRect? = nil,
    trails: Bool = false, camera: CameraSettings = CameraSettings()
  ) {
    self.width = width
    self.height = height
    self.every = every
    self.view = view
    self.trails = trails
    self.camera = camera
  }
}
