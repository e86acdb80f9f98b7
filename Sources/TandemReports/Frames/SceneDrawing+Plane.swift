import Foundation
import TandemPhysics
import TandemRender

/// 2-D frames: the x–y plane, y up.
extension SceneDrawing {
  /// The camera: the scene's view if it has one, otherwise one fitting
  /// `positions` (every position the frames will show) and the targets.
  public func camera(fitting positions: [Point]) -> Camera {
    if let view = render.view { return Camera(view: view, size: size, margin: 12) }
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
  func planeBackdrop(camera: Camera) -> Canvas {
    var canvas = Canvas(size: size, background: Self.background)
    if let ground = system.ground {
      canvas.drawGround(atHeight: ground.height, camera: camera, color: Color(white: 0.35))
    }
    drawPlaneTargets(on: &canvas, camera: camera)
    return canvas
  }

  /// Draws the objective's targets: a ring for a position target, a dashed
  /// line for a coordinate target.
  func drawPlaneTargets(on canvas: inout Canvas, camera: Camera) {
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

  /// Draws one 2-D state: springs coloured by strain (blue compressed, red
  /// stretched), then particles, pinned ones as dark squares.
  func drawPlane(_ positions: [Double], on canvas: inout Canvas, camera: Camera, opacity: Double) {
    let n = system.count
    func point(_ i: Int) -> Point { Point(positions[i], positions[n + i]) }
    let strain = Colormap.strain(saturatingAt: 0.15)
    let springs = system.springs
    let lineWidth = springs.count > 200 ? 1.5 : 2.5
    for s in 0..<springs.count {
      let (i, j) = (springs.first[s], springs.second[s])
      let length = Foundation.hypot(
        positions[i] - positions[j], positions[n + i] - positions[n + j])
      let rest = springs.restLength[s]
      let value = rest > 0 ? (length - rest) / rest : 0
      canvas.drawLine(
        from: camera.pixel(for: point(i)), to: camera.pixel(for: point(j)),
        color: strain.color(for: value).withAlpha(opacity), width: lineWidth)
    }
    let radius = system.count > 100 ? min(particleRadius, 3) : particleRadius
    for i in 0..<n {
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
}
