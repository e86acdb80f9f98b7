import Foundation
import TandemAD
import TandemPhysics
import TandemRender
import TandemScene

/// Draws states of a physics scene, in 2-D or in 3-D: springs coloured by
/// strain, particles (pinned ones marked), the ground, the objective's
/// targets, optional trails, and a caption. 2-D frames show the x–y plane
/// (see SceneDrawing+Plane.swift); 3-D frames a perspective view over a
/// floor with shadows (see SceneDrawing+Space.swift).
public struct SceneDrawing {
  /// The realised system (rest lengths, pinned flags, ground).
  public let system: ParticleSystem<Double>
  /// The scene's objective terms, for drawing targets.
  public let objective: [ObjectiveTerm]
  /// The parameter values the scene was realised with.
  public let parameters: [Double]
  /// The image size in pixels.
  public let size: PixelSize
  /// The scene's `render:` settings (its 2-D `view`, its 3-D `camera`).
  public let render: RenderSettings
  /// Radius of a particle's disc in pixels, in 2-D.
  public var particleRadius: Double = 5

  static let background = Color(hex: 0xFAFAF7)
  static let ink = Color(white: 0.18)
  static let targetColor = Color(hex: 0xD62728)
  /// The default colour of trails.
  public static let trailColor = Color(hex: 0x1F77B4)

  /// Prepares to draw `description` realised with `parameters`, in frames
  /// of `size` drawn as `render` says.
  public init(
    _ description: SimulationDescription, parameters: [Double], size: PixelSize,
    render: RenderSettings = RenderSettings()
  ) {
    system = ParticleSystem<Double>.realise(description.system, parameters: parameters).system
    objective = description.objective
    self.parameters = parameters
    self.size = size
    self.render = render
  }

  /// Whether the frames are 3-D.
  public var isSpatial: Bool { system.dimension == 3 }

  /// How the frames look at the scene: fitted to every position of
  /// `samples` (and the targets), unless the settings fix the view.
  public func view(fitting samples: [Trajectory.Sample]) -> SceneView {
    isSpatial
      ? spaceView(fitting: samples) : .plane(camera(fitting: samples.flatMap(\.planarPoints)))
  }

  /// `view` a `fraction` of the way through the run: turned by that
  /// fraction of `camera.orbit` about the vertical (a 2-D view never turns).
  public func view(_ view: SceneView, turnedBy fraction: Double) -> SceneView {
    guard case .space(var camera, let floor) = view, render.camera.orbit != 0 else { return view }
    camera.azimuth += render.camera.orbit * fraction
    return .space(camera, floor)
  }

  /// Whether every frame needs its own backdrop (the camera orbits).
  public var orbits: Bool { isSpatial && render.camera.orbit != 0 }

  /// A new canvas with the background, the ground (or floor) and the
  /// targets drawn.
  public func backdrop(view: SceneView) -> Canvas {
    switch view {
    case .plane(let camera): planeBackdrop(camera: camera)
    case .space(let camera, let floor): spaceBackdrop(camera: camera, floor: floor)
    }
  }

  /// Draws one state, its `positions` axis-major (as in ``ParticleState``).
  /// `opacity` fades the whole state (for overlays).
  public func draw(
    _ positions: [Double], on canvas: inout Canvas, view: SceneView, opacity: Double = 1
  ) {
    switch view {
    case .plane(let camera): drawPlane(positions, on: &canvas, camera: camera, opacity: opacity)
    case .space(let camera, let floor):
      drawSpace(positions, on: &canvas, camera: camera, floor: floor, opacity: opacity)
    }
  }

  /// The pixels of every particle at `positions`, for keeping labels off them.
  public func pixels(of positions: [Double], view: SceneView) -> [Point] {
    (0..<system.count).compactMap { view.pixel(position(of: $0, in: positions)) }
  }

  /// Particle `i`'s position, one component per axis, from axis-major `positions`.
  func position(of i: Int, in positions: [Double]) -> [Double] {
    (0..<system.dimension).map { positions[$0 * system.count + i] }
  }

  /// The particles whose trails are drawn: every free particle when there
  /// are at most 8, otherwise those the objective measures, or the last one
  /// (at most 16 either way, so that a cloth does not turn into a smear).
  public var trailedParticles: [Int] {
    let free = (0..<system.count).filter { !system.isPinned[$0] }
    if free.count <= 8 { return free }
    var measured: [Int] = []
    for term in objective {
      switch term.kind {
      case let .coordinate(particles, _, _), let .position(particles, _): measured += particles
      case let .distance((i, j), _): measured += [i, j]
      case .kineticEnergy: break
      }
    }
    let unique = Array(Set(measured)).sorted()
    return Array((unique.isEmpty ? [free.last!] : unique).prefix(16))
  }

  /// Draws the paths of `particles` through `samples`: fading toward the
  /// start (a frame's trails), or in one `opacity` (an overlay's paths).
  public func drawPaths(
    of particles: [Int], through samples: ArraySlice<Trajectory.Sample>, on canvas: inout Canvas,
    view: SceneView, color: Color = trailColor, width: Double = 1.5, fading: Bool = true,
    opacity: Double = 1
  ) {
    guard samples.count > 1 else { return }
    if case .space(let camera, let floor) = view {
      // The path's shadow on the floor, so that its height reads.
      for i in particles {
        let feet = samples.compactMap { sample -> Point? in
          let p = point(i, in: sample.positions)
          return camera.project(SIMD3(p.x, floor.height, p.z))?.pixel
        }
        canvas.drawPolyline(feet, color: Color(white: 0, alpha: 0.12 * opacity), width: width)
      }
    }
    for i in particles {
      let pixels = samples.map { view.pixel(position(of: i, in: $0.positions)) }
      if !fading {
        // One polyline per stretch in front of the camera: joints not blended twice.
        for run in pixels.split(separator: nil) where run.count > 1 {
          canvas.drawPolyline(run.map { $0! }, color: color.withAlpha(opacity), width: width)
        }
        continue
      }
      let segments = pixels.count - 1
      for k in 0..<segments {
        guard let from = pixels[k], let to = pixels[k + 1] else { continue }
        let alpha = fading ? 0.15 + 0.6 * Double(k + 1) / Double(segments) : opacity
        canvas.drawLine(from: from, to: to, color: color.withAlpha(alpha), width: width)
      }
    }
  }

  /// Draws a caption in the top-left corner on a translucent box.
  public func drawCaption(_ text: String, on canvas: inout Canvas) {
    canvas.drawLabel(
      text, at: Point(10, 10), color: Self.ink, background: Color(white: 1, alpha: 0.8), padding: 4,
      scale: captionScale)
  }

  /// The area ``drawCaption(_:on:)`` covers with `text`, background included.
  public func captionRect(_ text: String) -> PixelRect {
    let box = BitmapFont.boxRect(for: text, at: Point(10, 10), scale: captionScale)
    let descender = Double((BitmapFont.cellHeight - BitmapFont.capHeight) * captionScale)
    return PixelRect(
      minX: box.minX - 4, minY: box.minY - 4, maxX: box.maxX + 4, maxY: box.maxY + descender + 4)
  }

  /// The caption's text scale: 2 on frames at least 700 pixels wide.
  var captionScale: Int { size.width >= 700 ? 2 : 1 }
}
