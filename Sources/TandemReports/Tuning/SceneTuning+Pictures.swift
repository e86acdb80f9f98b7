import Foundation
import TandemPhysics
import TandemRender
import TandemScene
import TandemTraining
import TandemTuning

extension SceneTuning {
  /// Writes `overlay.png`, the trajectories of selected iterations faint to
  /// bold, the best last (see ``Overlay/selectIterations(_:best:count:)``),
  /// and, when ``writesFrames``, the frames of the best run: the values
  /// written to `tuned.yaml`.
  func writeOverlay(
    _ history: [TuningIteration], simulation: SimulationDescription, to folder: URL
  ) throws {
    let render = scene.render
    let pixels = PixelSize(width: render.width, height: render.height)
    let selected = Self.selectIterations(history)
    try checkOverlayLimits(simulation, runs: selected.count)
    var trajectories: [Trajectory] = []
    var drawings: [SceneDrawing] = []
    for index in selected {
      let parameters = history[index].parameters
      trajectories.append(
        try Trajectory.record(simulation, parameters: parameters, every: render.every))
      drawings.append(
        SceneDrawing(simulation, parameters: parameters, size: pixels, render: render))
    }
    let labels = selected.map {
      "iteration \(history[$0].iteration)\(Self.keptMark($0, selected)): loss "
        + String(format: "%.4g", history[$0].loss)
    }
    try Overlay.draw(trajectories, drawings: drawings, labels: labels, title: scene.name)
      .writePNG(to: folder.appendingPathComponent("overlay.png"))
    if writesFrames, let final = trajectories.last, let drawing = drawings.last {
      try FrameWriter(directory: folder, trails: render.trails).write(
        final, drawing: drawing, title: scene.name)
    }
  }

  /// Checks that the overlay of `runs` runs of `simulation` (all kept at
  /// once) is within the scene's frame limits: before the first iteration
  /// (with the most runs an overlay draws), and again before drawing.
  func checkOverlayLimits(_ simulation: SimulationDescription, runs: Int = 6) throws {
    try scene.limits.checkFrames(
      steps: simulation.steps, every: scene.render.every,
      particles: simulation.system.particles.count, runs: runs, file: scene.sourceMap.file)
  }

  /// The positions in `history` the pictures show, the best last.
  static func selectIterations(_ history: [TuningIteration]) -> [Int] {
    let best = best(of: history).iteration
    return Overlay.selectIterations(
      history.count, best: history.firstIndex { $0.iteration == best } ?? history.count - 1)
  }

  /// ` (best, kept)` for the last of the `selected` positions, else nothing.
  static func keptMark(_ position: Int, _ selected: [Int]) -> String {
    position == selected.last ? " (best, kept)" : ""
  }

  /// Writes `curves.png` for a training scene: the objective's curve against
  /// the inner step for selected iterations, faint to bold, the best last.
  func writeCurves(
    _ history: [TuningIteration], training: TrainingDescription, to folder: URL
  ) throws {
    let selected = Self.selectIterations(history)
    let curves = try selected.map {
      try TrainingCurve.record(training, parameters: history[$0].parameters)
    }
    let labels = selected.map { index in
      let iteration = history[index]
      let values = ParameterText.assignments(tuned, in: iteration.parameters, digits: 3)
      return "iteration \(iteration.iteration)\(Self.keptMark(index, selected)): "
        + values.joined(separator: ", ")
        + String(format: ", loss %.3g", iteration.loss)
    }
    let objective =
      switch scene.training?.objective {
      case .trainingLoss: "training loss"
      case .validationLoss: "validation loss"
      default: "f(w)"
      }
    try TrainingPlots.curves(curves, labels: labels, objective: objective, title: scene.name)
      .render(size: PixelSize(width: 900, height: 600))
      .writePNG(to: folder.appendingPathComponent("curves.png"))
  }
}
