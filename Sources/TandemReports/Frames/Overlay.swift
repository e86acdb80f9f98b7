import Foundation
import TandemPhysics
import TandemRender

/// The picture that shows tuning working: the trajectories of selected
/// outer iterations drawn over each other, from faint (the start) to bold
/// (the end), on one camera.
public enum Overlay {
  /// Up to `count` iteration numbers evenly spread from the first to the last.
  public static func selectIterations(_ total: Int, count: Int = 6) -> [Int] {
    guard total > count else { return Array(0..<total) }
    return (0..<count).map { Int((Double($0) * Double(total - 1) / Double(count - 1)).rounded()) }
  }

  /// Draws `trajectories` (oldest first) with `drawings` (the scene realised
  /// with each iteration's parameters), labelled with `labels`.
  public static func draw(
    _ trajectories: [Trajectory], drawings: [SceneDrawing], labels: [String], title: String
  ) -> Canvas {
    let positions = trajectories.flatMap { trajectory in
      trajectory.samples.flatMap { sample in
        sample.xs.indices.map { Point(sample.xs[$0], sample.ys[$0]) }
      }
    }
    let last = drawings[drawings.count - 1]
    let camera = last.camera(fitting: positions)
    var canvas = last.backdrop(camera: camera)
    let count = trajectories.count
    for (k, (trajectory, drawing)) in zip(trajectories, drawings).enumerated() {
      let emphasis = count == 1 ? 1 : Double(k) / Double(count - 1)
      let opacity = 0.15 + 0.85 * emphasis
      let color = SceneDrawing.trailColor.interpolated(to: Color(hex: 0xD62728), by: emphasis)
      // Paths help for a few particles; over a cloth they only smear.
      let trailed = drawing.system.count <= 50 ? drawing.trailedParticles : []
      let paths = trailed.map { i in trajectory.samples.map { Point($0.xs[i], $0.ys[i]) } }
      for path in paths where path.count > 1 {
        canvas.drawPolyline(
          path.map { camera.pixel(for: $0) }, color: color.withAlpha(opacity),
          width: 1 + 1.5 * emphasis)
      }
      let final = trajectory.finalState
      drawing.draw(final.xs, final.ys, on: &canvas, camera: camera, opacity: opacity)
    }
    drawing(legend: labels, on: &canvas, avoiding: positions.map { camera.pixel(for: $0) })
    last.drawCaption("\(title): iterations from faint to bold", on: &canvas)
    return canvas
  }

  /// Lists the iterations' labels on a translucent box, each in its
  /// colour, in whichever bottom or right corner covers the fewest of the
  /// drawn points (the top-left corner holds the caption).
  static func drawing(legend labels: [String], on canvas: inout Canvas, avoiding points: [Point]) {
    let scale = canvas.width >= 700 ? 2 : 1
    let lineHeight = Double(11 * scale)
    let width = Double((labels.map(\.count).max() ?? 0) * 6 * scale) + 16
    let height = lineHeight * Double(labels.count) + 10
    let (right, bottom) = (Double(canvas.width) - width - 8, Double(canvas.height) - height - 8)
    let corners = [
      PixelRect(x: 8, y: bottom, width: width, height: height),
      PixelRect(x: right, y: bottom, width: width, height: height),
      PixelRect(x: right, y: 8, width: width, height: height),
    ]
    let box = corners.min { a, b in
      points.lazy.filter { a.contains($0) }.count < points.lazy.filter { b.contains($0) }.count
    }!
    canvas.fillRect(box, color: Color(white: 1, alpha: 0.85))
    for (k, label) in labels.enumerated() {
      let emphasis = labels.count == 1 ? 1 : Double(k) / Double(labels.count - 1)
      let color = SceneDrawing.trailColor.interpolated(to: Color(hex: 0xD62728), by: emphasis)
      canvas.drawText(
        label, at: Point(box.minX + 8, box.minY + 5 + lineHeight * Double(k)),
        color: color.withAlpha(0.45 + 0.55 * emphasis), scale: scale)
    }
  }
}
