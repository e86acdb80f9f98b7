import Foundation
import TandemAD
import TandemPhysics
import TandemRender
import TandemScene

/// Draws states of a physics scene: springs coloured by strain, particles
/// (pinned ones marked), the ground, the objective's targets, optional
/// fading trails, and a caption.
public struct SceneDrawing {
  /// The realised system (rest lengths, pinned flags, ground).
  public let system: ParticleSystem<Double>
  /// The scene's objective terms, for drawing targets.
  public let objective: [ObjectiveTerm]
  /// The parameter values the scene was realised with.
  public let parameters: [Double]
  /// The image size in pixels.
  public let size: PixelSize
  /// The view rectangle from the scene, if it gives one.
  public let view: WorldRect?
  /// Radius of a particle's disc in pixels.
  public var particleRadius: Double = 5

  static let background = Color(hex: 0xFAFAF7)
  static let ink = Color(white: 0.18)
  static let targetColor = Color(hex: 0xD62728)
  /// The default colour of trails.
  public static let trailColor = Color(hex: 0x1F77B4)

  /// Prepares to draw `description` realised with `parameters`.
  public init(
    _ description: SimulationDescription, parameters: [Double], size: PixelSize,
    view: WorldRect? = nil
  ) {
    system = ParticleSystem<Double>.realise(description.system, parameters: parameters).system
    objective = description.objective
    self.parameters = parameters
    self.size = size
    self.view = view
  }

  /// The camera: the scene's view if it has one, otherwise one fitting
  /// `positions` (every position the frames will show) and the targets.
  public func camera(fitting positions: [Point]) -> Camera {
    if let view { return Camera(view: view, size: size, margin: 12) }
    var points = positions + targetPoints
    if let ground = system.ground, let first = points.first {
      points.append(Point(first.x, ground.height))
    }
    let bounds = WorldRect(enclosing: points) ?? WorldRect(minX: -1, minY: -1, maxX: 1, maxY: 1)
    let padding = 0.05 * max(bounds.width, bounds.height, 1e-3)
    return Camera.fitting(bounds.expanded(by: padding), in: size, margin: 24)
  }

  /// Points every target of the objective marks, for fitting the camera.
  var targetPoints: [Point] {
    objective.compactMap { term in
      if case let .position(_, target) = term.kind {
        return Point(target[0].value(in: parameters), target[1].value(in: parameters))
      }
      return nil
    }
  }

  /// A new canvas with the background, the ground and the targets drawn.
  public func backdrop(camera: Camera) -> Canvas {
    var canvas = Canvas(size: size, background: Self.background)
    if let ground = system.ground {
      canvas.drawGround(atHeight: ground.height, camera: camera, color: Color(white: 0.35))
    }
    drawTargets(on: &canvas, camera: camera)
    return canvas
  }

  /// Draws the objective's targets: a ring for a position target, a dashed
  /// line for a coordinate target.
  func drawTargets(on canvas: inout Canvas, camera: Camera) {
    let visible = camera.visibleWorld
    for term in objective {
      switch term.kind {
      case let .position(_, target):
        let point = Point(target[0].value(in: parameters), target[1].value(in: parameters))
        canvas.drawTarget(
          at: camera.pixel(for: point), radius: 10, color: Self.targetColor, lineWidth: 2)
      case let .coordinate(_, axis, target):
        let value = target.value(in: parameters)
        let (from, to) =
          axis == .y
          ? (Point(visible.minX, value), Point(visible.maxX, value))
          : (Point(value, visible.minY), Point(value, visible.maxY))
        canvas.drawDashedLine(
          from: camera.pixel(for: from), to: camera.pixel(for: to),
          color: Self.targetColor.withAlpha(0.8),
          width: 1.5, dash: 8, gap: 6)
      case .distance, .kineticEnergy:
        break
      }
    }
  }

  /// Draws one state, its `positions` axis-major (as in ``ParticleState``):
  /// springs coloured by strain (blue compressed, red stretched), then
  /// particles, pinned ones as dark squares. `opacity` fades the whole state
  /// (for overlays).
  public func draw(
    _ positions: [Double], on canvas: inout Canvas, camera: Camera, opacity: Double = 1
  ) {
    let n = system.count
    func point(_ i: Int) -> Point { Point(positions[i], positions[n + i]) }
    let strain = Colormap.strain(saturatingAt: 0.15)
    let lineWidth = system.springStiffness.count > 200 ? 1.5 : 2.5
    for s in 0..<system.springStiffness.count {
      let (i, j) = (system.springEnds.first[s], system.springEnds.second[s])
      let length = Foundation.hypot(positions[i] - positions[j], positions[n + i] - positions[n + j])
      let rest = system.springRestLength[s]
      let value = rest > 0 ? (length - rest) / rest : 0
      canvas.drawLine(
        from: camera.pixel(for: point(i)), to: camera.pixel(for: point(j)),
        color: strain.color(for: value).withAlpha(opacity), width: lineWidth)
    }
    let radius = system.count > 100 ? min(particleRadius, 3) : particleRadius
    for i in 0..<system.count {
      let center = camera.pixel(for: point(i))
      if system.isPinned[i] {
        canvas.drawMarker(
          .square, at: center, size: 2.4 * radius, color: Self.ink.withAlpha(opacity), lineWidth: 2)
      } else {
        canvas.drawDisc(
          center: center, radius: radius, fill: Color.white.withAlpha(opacity),
          outline: Self.ink.withAlpha(opacity), outlineWidth: 1.5)
      }
    }
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

  /// Draws each particle's path so far, fading toward its start.
  public func drawTrails(
    _ paths: [[Point]], on canvas: inout Canvas, camera: Camera, color: Color = trailColor
  ) {
    for path in paths where path.count > 1 {
      let pixels = path.map { camera.pixel(for: $0) }
      let segments = pixels.count - 1
      for k in 0..<segments {
        let alpha = 0.15 + 0.6 * Double(k + 1) / Double(segments)
        canvas.drawLine(
          from: pixels[k], to: pixels[k + 1], color: color.withAlpha(alpha), width: 1.5)
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
