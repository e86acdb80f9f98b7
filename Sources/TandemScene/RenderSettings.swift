/// The scene's `render:` block: how `tandem run` draws frames. Plain numbers only.
public struct RenderSettings: Hashable, Sendable {
  /// Frame width in pixels; default 800.
  public var width: Int
  /// Frame height in pixels; default 600.
  public var height: Int
  /// Draw a frame every this many steps; default 10.
  public var every: Int
  /// The world rectangle shown, or `nil` to fit the whole trajectory.
  public var view: View?
  /// Whether particles leave fading trails; default `false`.
  public var trails: Bool

  /// The world rectangle of `view: [xmin, ymin, xmax, ymax]`.
  public struct View: Hashable, Sendable {
    /// Left edge.
    public var xMin: Double
    /// Bottom edge.
    public var yMin: Double
    /// Right edge.
    public var xMax: Double
    /// Top edge.
    public var yMax: Double

    /// A rectangle from its edges.
    public init(xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
      self.xMin = xMin
      self.yMin = yMin
      self.xMax = xMax
      self.yMax = yMax
    }
  }

  /// Settings from their fields, each with the documented default.
  public init(
    width: Int = 800, height: Int = 600, every: Int = 10, view: View? = nil, trails: Bool = false
  ) {
    self.width = width
    self.height = height
    self.every = every
    self.view = view
    self.trails = trails
  }
}
