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
  /// gives each one's start and end. The axis is logarithmic when the ratios
  /// are positive and span more than a factor of 20. Past the palette's ten
  /// colours the lines are dashed, and with more than three parameters the
  /// legend goes beside the plot, where it covers no curve.
  public static func parameters(
    _ history: [TuningIteration], tuned: [TunedParameter], title: String
  ) -> LinePlot {
    let x = history.map { Double($0.iteration) }
    let ratios = tuned.map { parameter in
      let values = history.map { $0.parameters[parameter.index] }
      let start = values.first ?? 1
      return values.map { start == 0 ? $0 : $0 / start }
    }
    let all = ratios.joined()
    let logarithmic = all.allSatisfy { $0 > 0 } && (all.max() ?? 1) / (all.min() ?? 1) > 20
    var plot = LinePlot(
      title: "\(title): tuned parameters", xLabel: "iteration",
      yLabel: logarithmic ? "value / starting value (log scale)" : "value / starting value",
      yScale: logarithmic ? .log10 : .linear)
    for (k, parameter) in tuned.enumerated() {
      let values = history.map { $0.parameters[parameter.index] }
      let start = values.first ?? 1
      let name = "\(parameter.name): \(format(start)) -> \(format(values.last ?? start))"
      var series = PlotSeries(
        name: name, x: x, y: ratios[k], color: Color.palette[k % Color.palette.count],
        lineWidth: 2.5)
      series.dashed = (k / Color.palette.count) % 2 == 1
      plot.add(series)
    }
    if tuned.count > 3 { plot.legend = .outsideRight }
    return plot
  }

  /// A number in at most six significant digits.
  static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
