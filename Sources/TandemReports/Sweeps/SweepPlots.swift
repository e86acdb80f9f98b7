import Foundation
import TandemRender

/// The picture of a merged sweep (`sweep.png`): the loss along the one
/// swept parameter, a heat map over two, or for other sweeps the loss of
/// each task against its point (one entry), over the plane (two) or by
/// task number; the best task is marked.
public enum SweepPlots {
  /// Light for high losses, dark for low: a perceptually even ramp from
  /// deep blue through teal to yellow (after viridis).
  static let ramp = [
    Color(hex: 0x440154), Color(hex: 0x3B528B), Color(hex: 0x21908C), Color(hex: 0x5DC863),
    Color(hex: 0xFDE725),
  ]

  /// The picture of `merge`.
  public static func picture(_ merge: SweepMerge) -> LinePlot {
    let manifest = merge.manifest
    let title = "\(manifest.scene): \(manifest.tasks) \(manifest.task.rawValue) tasks"
    if case .grid(let axes) = manifest.points, axes.count == 2 {
      return heatMap(merge, axes: axes, title: title)
    }
    var plot = LinePlot(title: title, yLabel: "loss", yScale: lossScale(merge.results))
    let finite = merge.results.filter { $0.finiteLoss != nil }
    let entries = manifest.entries
    switch (manifest.points, entries.count) {
    case (.grid(let axes), 1):
      let x = axes[0]
      plot.xLabel = x.name
      plot.xScale = x.isLogarithmic ? .log10 : .linear
      plot.add(
        PlotSeries(
          x: finite.map { value($0, x.name) }, y: finite.map { $0.finiteLoss! }, color: .blue,
          lineWidth: 2, marker: .disc, markerSize: 5))
      markBest(merge, on: &plot, x: { value($0, x.name) }, y: { $0.finiteLoss! })
    case (_, 2):
      return scatterMap(merge, entries: entries, title: title)
    case (_, 1):
      plot.xLabel = entries[0]
      plot.xScale = spreadScale(finite.map { value($0, entries[0]) })
      plot.add(
        PlotSeries(
          x: finite.map { value($0, entries[0]) }, y: finite.map { $0.finiteLoss! }, color: .blue,
          lineWidth: 0, marker: .disc, markerSize: 5))
      markBest(merge, on: &plot, x: { value($0, entries[0]) }, y: { $0.finiteLoss! })
    default:
      plot.xLabel = "task"
      plot.add(
        PlotSeries(
          x: finite.map { Double($0.task) }, y: finite.map { $0.finiteLoss! }, color: .blue,
          lineWidth: 0, marker: .disc, markerSize: 5))
      markBest(merge, on: &plot, x: { Double($0.task) }, y: { $0.finiteLoss! })
    }
    return plot
  }

  /// Two grid axes: one cell per task, coloured by its loss (grey where it
  /// failed), edges halfway between neighbouring values.
  static func heatMap(_ merge: SweepMerge, axes: [SweepAxis], title: String) -> LinePlot {
    let (across, up) = (axes[1], axes[0])  // the first axis slowest: rows
    var plot = LinePlot(title: title, xLabel: across.name, yLabel: up.name)
    plot.xScale = across.isLogarithmic ? .log10 : .linear
    plot.yScale = up.isLogarithmic ? .log10 : .linear
    plot.showsGrid = false
    plot.legend = .outsideRight
    let colors = LossColors(merge.results)
    let (xEdges, yEdges) = (edges(across), edges(up))
    for result in merge.results {
      let (row, column) = (result.task / across.count, result.task % across.count)
      plot.cells.append(
        PlotCell(
          x: xEdges[column]...xEdges[column + 1], y: yEdges[row]...yEdges[row + 1],
          color: colors.color(for: result.finiteLoss)))
    }
    plot.series += colors.legend
    plot.title += colors.scaleNote
    markBest(merge, on: &plot, x: { value($0, across.name) }, y: { value($0, up.name) })
    return plot
  }

  /// Two entries not on a grid: each task a disc at its point, coloured by its loss.
  static func scatterMap(_ merge: SweepMerge, entries: [String], title: String) -> LinePlot {
    let colors = LossColors(merge.results)
    var plot = LinePlot(title: title, xLabel: entries[0], yLabel: entries[1])
    plot.legend = .outsideRight
    plot.xScale = spreadScale(merge.results.map { value($0, entries[0]) })
    plot.yScale = spreadScale(merge.results.map { value($0, entries[1]) })
    for result in merge.results {
      plot.add(
        PlotSeries(
          x: [value(result, entries[0])], y: [value(result, entries[1])],
          color: colors.color(for: result.finiteLoss), lineWidth: 0, marker: .disc, markerSize: 7))
    }
    plot.series += colors.legend
    plot.title += colors.scaleNote
    markBest(merge, on: &plot, x: { value($0, entries[0]) }, y: { value($0, entries[1]) })
    return plot
  }

  /// A ring on the best task, named in the legend with its loss.
  static func markBest(
    _ merge: SweepMerge, on plot: inout LinePlot, x: (SweepResult) -> Double,
    y: (SweepResult) -> Double
  ) {
    guard let best = merge.best else { return }
    plot.add(
      PlotSeries(
        name: String(format: "best: task %d, %.4g", best.task, best.finiteLoss!),
        x: [x(best)], y: [y(best)], color: .red, lineWidth: 0, marker: .circle, markerSize: 12))
  }

  /// Entry `name`'s value in `result`, NaN when it has none.
  static func value(_ result: SweepResult, _ name: String) -> Double {
    result.parameters[name]?.value ?? .nan
  }

  /// The cell edges of an axis: halfway between neighbouring values (on
  /// the log scale for a log axis), and as far again beyond the ends.
  static func edges(_ axis: SweepAxis) -> [Double] {
    let scale: AxisScale = axis.isLogarithmic ? .log10 : .linear
    let u = axis.values.map(scale.axisCoordinate)
    let half =
      u.count > 1 ? zip(u, u.dropFirst()).map { ($1 - $0) / 2 } : [max(abs(u[0]) * 0.1, 0.5)]
    var edges = [u[0] - half[0]]
    for i in u.indices { edges.append(u[i] + (i < half.count ? half[i] : half[half.count - 1])) }
    return edges.map(scale.value(atAxisCoordinate:))
  }

  /// A log axis for positive values spread over more than two decades.
  static func spreadScale(_ values: [Double]) -> AxisScale {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max(), low > 0, high / low > 100 else {
      return .linear
    }
    return .log10
  }

  /// The loss axis: log for positive losses spread over more than two decades.
  static func lossScale(_ results: [SweepResult]) -> AxisScale {
    spreadScale(results.compactMap(\.finiteLoss))
  }

  /// Colours for losses: the ramp over their range (on a log scale when
  /// ``lossScale(_:)`` is), grey for a task without a finite loss.
  struct LossColors {
    let scale: AxisScale
    let low, high: Double

    init(_ results: [SweepResult]) {
      scale = SweepPlots.lossScale(results)
      let values = results.compactMap(\.finiteLoss)
      (low, high) = (values.min() ?? 0, values.max() ?? 1)
    }

    func color(for loss: Double?) -> Color {
      guard let loss else { return .lightGray }
      let (u, a, b) = (
        scale.axisCoordinate(of: loss), scale.axisCoordinate(of: low),
        scale.axisCoordinate(of: high)
      )
      let t = b > a ? min(max((u - a) / (b - a), 0), 1) : 0
      let position = t * Double(SweepPlots.ramp.count - 1)
      let i = min(Int(position), SweepPlots.ramp.count - 2)
      return SweepPlots.ramp[i].interpolated(to: SweepPlots.ramp[i + 1], by: position - Double(i))
    }

    /// What the title says of the colours' scale.
    var scaleNote: String { scale == .log10 ? ", loss coloured on a log scale" : "" }

    /// Two legend entries, no points: the colours of the least and the
    /// greatest loss.
    var legend: [PlotSeries] {
      [
        PlotSeries(
          name: String(format: "least loss %.3g", low), x: [], y: [], color: color(for: low),
          lineWidth: 0, marker: .square, markerSize: 9),
        PlotSeries(
          name: String(format: "greatest loss %.3g", high), x: [], y: [],
          color: color(for: high), lineWidth: 0, marker: .square, markerSize: 9),
      ]
    }
  }
}
