import Foundation
import TandemRender
import TandemTuning

/// The plots `tandem tune` writes: the loss against the outer iteration and
/// each tuned parameter against the outer iteration.
public enum TuningPlots {
  /// The loss against the iteration, on a log scale when every loss is positive.
  public static func loss(_ history: [TuningIteration], title: String) -> LinePlot {
    let positive = history.allSatisfy { $0.loss > 0 }
    var plot = LinePlot(
      title: "\(title): loss per iteration", xLabel: "iteration", yLabel: positive ? "loss (log scale)" : "loss",
      yScale: positive ? .log10 : .linear)
    plot.add(
      PlotSeries(
        name: "loss", x: history.map { Double($0.iteration) }, y: history.map(\.loss), color: Color(hex: 0x1F77B4),
        lineWidth: 2.5, marker: history.count <= 60 ? .disc : nil, markerSize: 5))
    plot.legend = nil
    return plot
  }

  /// Each tuned parameter against the iteration, as a ratio to its starting
  /// value so that parameters of different sizes share one axis; the legend
  /// gives each one's start and end.
  public static func parameters(_ history: [TuningIteration], tuned: [TunedParameter], title: String) -> LinePlot {
    var plot = LinePlot(title: "\(title): tuned parameters", xLabel: "iteration", yLabel: "value / starting value")
    let x = history.map { Double($0.iteration) }
    for (k, parameter) in tuned.enumerated() {
      let values = history.map { $0.parameters[parameter.index] }
      let start = values.first ?? 1
      let ratios = values.map { start == 0 ? $0 : $0 / start }
      let name = "\(parameter.name): \(format(start)) -> \(format(values.last ?? start))"
      plot.add(
        PlotSeries(
          name: name, x: x, y: ratios, color: Color.palette[k % Color.palette.count], lineWidth: 2.5))
    }
    return plot
  }

  /// A number in at most six significant digits.
  static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
