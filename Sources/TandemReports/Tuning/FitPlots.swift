import Foundation
import TandemAD
import TandemPhysics
import TandemRender

/// The plots of a fit to recorded motion that `tandem tune` writes: the
/// observed points against the fitted trajectories (`fit.png`), and every
/// residual against time (`residuals.png`).
public enum FitPlots {
  /// A run at the fitted values, seen through its observation terms: the
  /// observed particles' paths and each row's residuals.
  public struct FittedRun {
    /// Each observed particle's path in the x–y plane, by particle index.
    public var paths: [Int: (x: [Double], y: [Double])]
    /// Each observation term's data.
    public var observations: [ObservedMotion]
    /// Each term's residuals, simulated minus observed, row by row
    /// (`componentsPerRow` each); empty for a term of weight 0.
    public var residuals: [[Double]]
  }

  /// Runs `simulation` at `parameters` on `Double`, keeping the observed
  /// particles' paths (at most about 4000 points each) and the residuals.
  public static func fittedRun(_ simulation: SimulationDescription, parameters: [Double]) throws
    -> FittedRun
  {
    var run = Simulation(simulation, parameters: parameters)
    _ = run.keepResiduals()
    let observed = Set(simulation.observations.flatMap(\.data.particles)).sorted()
    var paths: [Int: (x: [Double], y: [Double])] = [:]
    let every = max(1, simulation.steps / 4000)
    func sample() {
      let state = run.state
      for i in observed {
        paths[i, default: ([], [])].x.append(state.positions[i])
        paths[i, default: ([], [])].y.append(state.positions[state.count + i])
      }
    }
    sample()
    while !run.isFinished {
      try run.advance()
      if run.stepsTaken % every == 0 || run.isFinished { sample() }
    }
    let residuals = simulation.observations.indices.map { t -> [Double] in
      let term = simulation.observations[t]
      let scale = term.weight.value(in: parameters) / Double(term.data.residualCount)
      guard scale > 0 else { return [] }
      let root = scale.squareRoot()
      return run.residuals(ofObservationTerm: t).map { $0 / root }
    }
    return FittedRun(
      paths: paths, observations: simulation.observations.map(\.data), residuals: residuals)
  }

  /// The observed positions (markers) against the fitted paths (lines) in
  /// the x–y plane, one colour per particle (named by `ids`).
  public static func motion(_ run: FittedRun, ids: [String], title: String) -> LinePlot {
    var plot = LinePlot(title: "\(title): observed and fitted", xLabel: "x", yLabel: "y")
    let particles = run.paths.keys.sorted()
    for (n, i) in particles.enumerated() {
      let color = Color.palette[n % Color.palette.count]
      let path = run.paths[i]!
      plot.add(
        PlotSeries(
          name: particles.count <= 8 ? "\(ids[i]) fitted" : nil, x: path.x, y: path.y,
          color: color, lineWidth: 2))
      var x: [Double] = []
      var y: [Double] = []
      for data in run.observations {
        for row in 0..<data.count where data.particles[row] == i {
          let values = data.observed(row)
          x.append(values[values.startIndex])
          y.append(values[values.startIndex + 1])
        }
      }
      plot.add(
        PlotSeries(
          name: particles.count <= 8 ? "\(ids[i]) observed" : nil, x: x, y: y,
          color: color.withAlpha(0.8), lineWidth: 0, marker: .circle, markerSize: 6))
    }
    plot.legend = .outsideRight
    return plot
  }

  /// Every residual (simulated − observed) against its row's time, one
  /// colour per observed component (x, y, z, vx, …), with the zero line.
  public static func residuals(_ run: FittedRun, title: String) -> LinePlot {
    var plot = LinePlot(
      title: "\(title): residuals (simulated - observed)", xLabel: "t", yLabel: "residual")
    let axes = ["x", "y", "z"]
    var byComponent: [String: (x: [Double], y: [Double])] = [:]
    var order: [String] = []
    for (data, residuals) in zip(run.observations, run.residuals) where !residuals.isEmpty {
      let width = data.componentsPerRow
      for row in 0..<data.count {
        for c in 0..<width {
          let name = c < data.dimension ? axes[c] : "v" + axes[c - data.dimension]
          if byComponent[name] == nil { order.append(name) }
          byComponent[name, default: ([], [])].x.append(data.times[row])
          byComponent[name, default: ([], [])].y.append(residuals[row * width + c])
        }
      }
    }
    for (n, name) in order.enumerated() {
      let points = byComponent[name]!
      plot.add(
        PlotSeries(
          name: name, x: points.x, y: points.y,
          color: Color.palette[n % Color.palette.count].withAlpha(0.8), lineWidth: 0,
          marker: .disc, markerSize: 5))
    }
    plot.referenceLines.append(ReferenceLine(y: 0))
    return plot
  }
}
