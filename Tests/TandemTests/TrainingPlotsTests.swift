import Foundation
import Tandem
import Testing

/// The training plots: what they show, and that they render.
@Suite("Training plots")
struct TrainingPlotsTests {
  let quadratic = TrainingDescription(
    problem: .quadratic(QuadraticProblem(diagonal: [1, 10], start: [1, 1])),
    optimizer: OptimizerDescription(method: .sgd, rate: .parameter(0)), steps: 40)

  @Test func curveSamplesEveryStepOfAShortRun() throws {
    let curve = try TrainingCurve.record(quadratic, parameters: [0.05])
    #expect(curve.steps == Array(0...40))
    #expect(curve.isQuadratic && curve.validationLoss == nil)
    // f(w_t) = ½·(1 − α)^2t + 5·(1 − 10α)^2t.
    for (t, value) in zip(curve.steps, curve.trainingLoss) {
      let exact = 0.5 * pow(0.95, 2 * Double(t)) + 5 * pow(0.5, 2 * Double(t))
      #expect(abs(value - exact) <= 1e-13 * exact)
    }
    #expect(curve.objective == curve.trainingLoss.last)
  }

  @Test func longRunsAreThinnedButKeepTheLastStep() throws {
    var long = quadratic
    long.steps = 1001
    let curve = try TrainingCurve.record(long, parameters: [0.01])
    #expect(curve.steps.count <= 502 && curve.steps.first == 0 && curve.steps.last == 1001)
  }

  @Test func curvesAreLabelledAndLeaveRoomForTheLegend() throws {
    let curves = try [0.02, 0.08, 0.17].map {
      try TrainingCurve.record(quadratic, parameters: [$0])
    }
    let plot = TrainingPlots.curves(curves, labels: ["a", "b", "c"], objective: "f(w)", title: "q")
    #expect(plot.series.map(\.name) == ["a", "b", "c"])
    #expect(plot.yScale == .log10)
    // Faint to bold.
    #expect(plot.series[0].color.alpha < plot.series[2].color.alpha)
    // Every value fits under the top of the range, with room above the highest.
    let range = try #require(plot.yRange)
    let values = curves.flatMap(\.objectiveCurve)
    #expect(values.allSatisfy { range.contains($0) })
    #expect(
      log10(range.upperBound) - log10(values.max()!) > 0.2
        * log10(range.upperBound / range.lowerBound))
    let canvas = plot.render(size: PixelSize(width: 300, height: 200))
    #expect(canvas.width == 300 && canvas.height == 200)
  }

  @Test func runPlotShowsTrainingAndValidation() throws {
    let data = SyntheticDataset.twoMoons().generate(training: 40, validation: 20, seed: 3)
    let description = TrainingDescription(
      problem: .supervised(
        SupervisedProblem(
          model: TandemTraining.ModelDescription(widths: [2, 8, 2]), data: data,
          loss: .softmaxCrossEntropy)),
      optimizer: OptimizerDescription(method: .adam, rate: 0.05), steps: 30)
    let curve = try TrainingCurve.record(description, parameters: [])
    #expect(curve.validationLoss?.count == curve.trainingLoss.count)
    #expect(curve.objective == curve.finalValidationLoss)
    #expect(curve.trainingAccuracy != nil && curve.validationAccuracy != nil)
    let plot = TrainingPlots.loss(curve, title: "moons")
    #expect(plot.series.count == 2)
    #expect(plot.series.allSatisfy { $0.name != nil })
  }
}
