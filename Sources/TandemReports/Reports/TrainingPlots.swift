import Foundation
import TandemRender

/// The plots of training scenes: one run's losses against the step
/// (`tandem run`), and the loss curves of selected tuning iterations drawn
/// over each other (`tandem tune`'s `curves.png`).
public enum TrainingPlots {
  /// The training and validation loss of one run against the step (for a
  /// quadratic, f(w)), on a log scale when every value is positive.
  public static func loss(_ curve: TrainingCurve, title: String) -> LinePlot {
    let x = curve.steps.map(Double.init)
    let all = curve.trainingLoss + (curve.validationLoss ?? [])
    let name = curve.isQuadratic ? "f(w)" : "loss"
    var plot = LinePlot(
      title: "\(title): \(curve.isQuadratic ? "function value" : "loss") per step", xLabel: "step",
      yLabel: scaleLabel(name, all), yScale: scale(for: all))
    plot.add(
      PlotSeries(
        name: curve.isQuadratic ? nil : "training: \(format(curve.finalTrainingLoss))", x: x,
        y: curve.trainingLoss,
        color: .blue, lineWidth: 2.5))
    if let validation = curve.validationLoss {
      plot.add(
        PlotSeries(
          name: "validation: \(format(validation.last ?? .nan))", x: x, y: validation,
          color: .orange, lineWidth: 2.5))
    }
    if curve.isQuadratic { plot.legend = nil }
    return plot
  }

  /// The objective's curve of each run against the step, oldest first,
  /// from faint and thin to opaque and bold; each labelled in the legend
  /// (with `labels`, one per curve).
  ///
  /// - Parameter objective: What the curves show, for the axis label
  ///   (`validation loss`, `f(w)`).
  public static func curves(
    _ curves: [TrainingCurve], labels: [String], objective: String, title: String
  ) -> LinePlot {
    let all = curves.flatMap(\.objectiveCurve)
    var plot = LinePlot(
      title: "\(title): \(objective) per step, tuning iterations faint to bold", xLabel: "step",
      yLabel: scaleLabel(objective, all), yScale: scale(for: all))
    let x = curves.last.map { $0.steps.map(Double.init) }
    plot.addProgression(curves.map(\.objectiveCurve), x: x, color: .red)
    for (index, label) in labels.enumerated() where index < plot.series.count {
      plot.series[index].name = label
    }
    plot.yRange = headroom(
      above: all, scale: plot.yScale, rows: min(labels.count, plot.series.count))
    plot.legend = .topRight
    return plot
  }

  /// A y range that fits `values` in its lower part and leaves the top free
  /// for a legend of `rows` entries. The curves all start high at step 0, on
  /// the left, and a legend over the tails (where tuning shows) hides the
  /// point of the picture; room above them is the one corner always free.
  static func headroom(above values: [Double], scale: AxisScale, rows: Int) -> ClosedRange<Double>?
  {
    let coordinates = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
      .map { scale == .log10 ? Foundation.log10($0) : $0 }
    guard let low = coordinates.min(), let high = coordinates.max(), high > low else { return nil }
    // About 24 pixels a row of a 470-pixel-high plot area (900×600, text scale 2).
    let legend = min(0.5, 0.05 * Double(rows) + 0.06)
    let bottom = low - 0.03 * (high - low)
    let top = high + (high - bottom) * legend / (1 - legend)
    return scale == .log10 ? Foundation.pow(10, bottom)...Foundation.pow(10, top) : bottom...top
  }

  /// Log scale when every finite value is positive.
  static func scale(for values: [Double]) -> AxisScale {
    values.filter(\.isFinite).allSatisfy { $0 > 0 } ? .log10 : .linear
  }

  /// `name`, saying so when the scale is logarithmic.
  static func scaleLabel(_ name: String, _ values: [Double]) -> String {
    scale(for: values) == .log10 ? "\(name) (log scale)" : name
  }

  /// A number in at most four significant digits.
  static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
