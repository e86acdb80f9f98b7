import Foundation
import TandemRender
import TandemTuning

/// The plots `tandem tune` writes: the loss against the outer iteration and
/// each tuned parameter against the outer iteration.
public enum TuningPlots {
  /// The loss against the iteration, on a log scale when every loss is
  /// positive, with the best iteration (whose values are kept) ringed.
  public static func loss(_ history: [TuningIteration], title: String) -> LinePlot {
    let positive = history.allSatisfy { $0.loss > 0 }
    var plot = LinePlot(
      title: "\(title): loss per iteration", xLabel: "iteration",
      yLabel: positive ? "loss (log scale)" : "loss",
      yScale: positive ? .log10 : .linear)
    plot.add(
      PlotSeries(
        name: "loss", x: history.map { Double($0.iteration) }, y: history.map(\.loss),
        color: Color(hex: 0x1F77B4),
        lineWidth: 2.5, marker: history.count <= 60 ? .disc : nil, markerSize: 5))
    if !history.isEmpty {
      let best = SceneTuning.best(of: history)
      plot.add(
        PlotSeries(
          name: "best (kept): iteration \(best.iteration), loss \(format(best.loss))",
          x: [Double(best.iteration)], y: [best.loss], color: Color(hex: 0xD62728), lineWidth: 0,
          marker: .circle, markerSize: 14))
    }
    return plot
  }

  /// Each tuned parameter against the iteration, as a ratio to its starting
  /// value so that parameters of different sizes share one axis; the legend
  /// gives each one's start and end. A vector parameter is summarised, not
  /// drawn entry by entry: the mean of its entries' ratios, with the least
  /// and greatest ratio as thin dashed lines of the same colour. The axis is
  /// logarithmic when the ratios are positive and span more than a factor of
  /// 20. Past the palette's ten colours the lines are dashed, and with more
  /// than three lines the legend goes beside the plot, where it covers no curve.
  public static func parameters(
    _ history: [TuningIteration], tuned: [TunedParameter], title: String
  ) -> LinePlot {
    let x = history.map { Double($0.iteration) }
    func ratios(_ parameter: TunedParameter) -> [Double] {
      let values = history.map { $0.parameters[parameter.index] }
      let start = values.first ?? 1
      return values.map { start == 0 ? $0 : $0 / start }
    }
    var lines: [(name: String, y: [Double], thin: Bool, group: Int)] = []
    for (g, group) in tuned.groups.enumerated() {
      guard group.isVector else {
        let parameter = group.entries[0]
        let values = history.map { $0.parameters[parameter.index] }
        let start = values.first ?? 1
        lines.append(
          (
            "\(parameter.name): \(format(start)) -> \(format(values.last ?? start))",
            ratios(parameter), false, g
          ))
        continue
      }
      let entryRatios = group.entries.map(ratios)
      let columns = x.indices.map { i in entryRatios.map { $0[i] } }
      let mean = columns.map { $0.reduce(0, +) / Double($0.count) }
      lines.append(
        (
          "\(group.name) (\(group.entries.count) entries): mean ratio \(format(mean.last ?? 1))",
          mean,
          false, g
        ))
      lines.append(
        ("\(group.name): least and greatest ratio", columns.map { $0.min() ?? 1 }, true, g))
      lines.append(("", columns.map { $0.max() ?? 1 }, true, g))
    }
    let all = lines.flatMap(\.y)
    let logarithmic = all.allSatisfy { $0 > 0 } && (all.max() ?? 1) / (all.min() ?? 1) > 20
    var plot = LinePlot(
      title: "\(title): tuned parameters", xLabel: "iteration",
      yLabel: logarithmic ? "value / starting value (log scale)" : "value / starting value",
      yScale: logarithmic ? .log10 : .linear)
    for line in lines {
      var series = PlotSeries(
        name: line.name, x: x, y: line.y, color: Color.palette[line.group % Color.palette.count],
        lineWidth: line.thin ? 1.2 : 2.5)
      series.dashed = line.thin || (line.group / Color.palette.count) % 2 == 1
      plot.add(series)
    }
    if lines.count > 3 { plot.legend = .outsideRight }
    return plot
  }

  /// A number in at most six significant digits.
  static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
