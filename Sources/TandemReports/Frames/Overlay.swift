import Foundation
import TandemPhysics
import TandemRender

/// The picture that shows tuning working: the trajectories of selected
/// outer iterations drawn over each other, from faint (the start) to bold
/// (the best, whose values are kept), on one camera.
public enum Overlay {
  /// Up to `count` iteration numbers evenly spread from the first to the last.
  public static func selectIterations(_ total: Int, count: Int = 6) -> [Int] {
    guard total > count else { return Array(0..<total) }
    return (0..<count).map { Int((Double($0) * Double(total - 1) / Double(count - 1)).rounded()) }
  }

  /// Up to `count` positions in a history of `total`: evenly spread, in
  /// order, and `best` (the iteration whose values are kept) last, so that
  /// it is drawn boldest and on top — not the last iteration, which Adam
  /// may have taken past the best.
  public static func selectIterations(_ total: Int, best: Int, count: Int = 6) -> [Int] {
    guard total > 1, count > 1 else { return [best] }
    var spread = selectIterations(total, count: count).filter { $0 != best }
    if spread.count == count,
      let nearest = spread.indices.dropFirst().min(by: {
        abs(spread[$0] - best) < abs(spread[$1] - best)
      })
    {
      spread.remove(at: nearest)  // the best takes the place of the one nearest it
    }
    return spread + [best]
  }

  /// Draws `trajectories` (oldest first) with `drawings` (the scene realised
  /// with each iteration's parameters), labelled with `labels`.
  public static func draw(
    _ trajectories: [Trajectory], drawings: [SceneDrawing], labels: [String], title: String
  ) -> Canvas {
    let last = drawings[drawings.count - 1]
    let view = last.view(fitting: trajectories.flatMap(\.samples))
    var canvas = last.backdrop(view: view)
    let count = trajectories.count
    var drawn: [Point] = []
    for (k, (trajectory, drawing)) in zip(trajectories, drawings).enumerated() {
      let emphasis = count == 1 ? 1 : Double(k) / Double(count - 1)
      let opacity = 0.15 + 0.85 * emphasis
      let color = SceneDrawing.trailColor.interpolated(to: Color(hex: 0xD62728), by: emphasis)
      // Paths help for a few particles; over a cloth they only smear.
      let trailed = drawing.system.count <= 50 ? drawing.trailedParticles : []
      drawing.drawPaths(
        of: trailed, through: trajectory.samples[...], on: &canvas, view: view, color: color,
        width: 1 + 1.5 * emphasis, fading: false, opacity: opacity)
      let final = trajectory.finalState
      drawing.draw(final.positions, on: &canvas, view: view, opacity: opacity)
      for sample in trajectory.samples { drawn += drawing.pixels(of: sample.positions, view: view) }
    }
    let caption = "\(title): iterations from faint to bold"
    drawing(
      legend: labels, on: &canvas, avoiding: drawn,
      caption: last.captionRect(caption))
    last.drawCaption(caption, on: &canvas)
    return canvas
  }

  /// Where the legend of `labels` goes on a canvas of `size`: whichever
  /// bottom or right corner covers the fewest of `points` and does not touch
  /// the `caption` (in the top-left corner; the top-right box moves below
  /// it when they would meet).
  public static func legendBox(
    for labels: [String], size: PixelSize, avoiding points: [Point], caption: PixelRect
  ) -> PixelRect {
    let scale = legendScale(size)
    let lineHeight = Double(11 * scale)
    let width = Double((labels.map(\.count).max() ?? 0) * 6 * scale) + 16
    let height = lineHeight * Double(labels.count) + 10
    let (right, bottom) = (Double(size.width) - width - 8, Double(size.height) - height - 8)
    var topRight = PixelRect(x: right, y: 8, width: width, height: height)
    if topRight.intersects(caption) {
      topRight = PixelRect(x: right, y: caption.maxY + 6, width: width, height: height)
    }
    let corners = [
      PixelRect(x: 8, y: bottom, width: width, height: height),
      PixelRect(x: right, y: bottom, width: width, height: height),
      topRight,
    ].filter { !$0.intersects(caption) && $0.maxY <= Double(size.height) }
    // On a frame too small for any free corner, the bottom left.
    return corners.min { a, b in
      points.lazy.filter { a.contains($0) }.count < points.lazy.filter { b.contains($0) }.count
    } ?? PixelRect(x: 8, y: bottom, width: width, height: height)
  }

  /// The legend's text scale: 2 on canvases at least 700 pixels wide.
  static func legendScale(_ size: PixelSize) -> Int { size.width >= 700 ? 2 : 1 }

  /// Lists the iterations' labels on a translucent box (see
  /// ``legendBox(for:size:avoiding:caption:)``), each in its colour.
  static func drawing(
    legend labels: [String], on canvas: inout Canvas, avoiding points: [Point], caption: PixelRect
  ) {
    let size = PixelSize(width: canvas.width, height: canvas.height)
    let scale = legendScale(size)
    let lineHeight = Double(11 * scale)
    let box = legendBox(for: labels, size: size, avoiding: points, caption: caption)
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
