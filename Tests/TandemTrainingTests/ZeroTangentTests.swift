import TandemAD
import TandemTraining
import TandemTuning
import Testing

/// Running on dual numbers with every tangent zero must not change a single
/// bit of the primal training.
@Suite struct ZeroTangentTests {
  func expectIdentical(_ process: TrainingDescription, _ parameters: [Double]) throws {
    var plain = Training(process, parameters: parameters)
    var dual = Training(process, parameters: parameters.map { Dual<2, Double>(constant: $0) })
    while !plain.isFinished {
      try plain.advance()
      try dual.advance()
      #expect(
        plain.lastBatchLoss.bitPattern == dual.lastBatchLoss.value.bitPattern,
        "step \(plain.stepsTaken)")
    }
    #expect(plain.weights.map(\.bitPattern) == dual.weights.map(\.value.bitPattern))
    #expect(plain.loss().bitPattern == dual.loss().value.bitPattern)
    #expect(dual.loss().tangents[0] == 0 && dual.loss().tangents[1] == 0)
  }

  @Test func momentumOnB2() throws {
    try expectIdentical(benchmarkB2(examples: 128, hidden: 16, steps: 40), [0.05, 0.9])
  }

  @Test func adamWithMiniBatchesAndDecays() throws {
    let data = SyntheticDataset.spirals(classes: 3).generate(training: 60, validation: 30, seed: 4)
    let model = ModelDescription(widths: [2, 10, 3], activation: .tanh, initialisation: .seeded(2))
    let process = TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .softmaxCrossEntropy)),
      optimizer: OptimizerDescription(
        method: .adam, rate: .parameter(0), weightDecay: .parameter(1), decay: .parameter(2)),
      steps: 35, batch: .size(16, seed: 8))
    try expectIdentical(process, [0.01, 1e-3, 0.99])
  }
}
