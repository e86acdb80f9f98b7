import Foundation
import TandemAD
import TandemProcess
import TandemTraining
import TandemTuning
import Testing

@Suite struct CSVLoaderTests {
  let text = """
    a, b ,label
    1.5,2,x

    "3",4e-1,y
    -1,0,x
    """

  @Test func parsesFeaturesAndClasses() throws {
    let data = try CSVLoader.dataset(parsing: text, target: "label", task: .classification)
    #expect(data.count == 3 && data.featureCount == 2 && data.targetCount == 2)
    #expect(data.features == [1.5, 2, 3, 0.4, -1, 0])
    #expect(data.labels == [0, 1, 0])
    #expect(data.targets == [1, 0, 0, 1, 1, 0])
  }

  @Test func regressionTargetMayBeAnyColumn() throws {
    let data = try CSVLoader.dataset(
      parsing: "x,y,z\n1,2,3\n4,5,6\n", target: "y", task: .regression)
    #expect(data.features == [1, 3, 4, 6] && data.targets == [2, 5] && data.labels == nil)
  }

  @Test func missingTargetSuggestsTheNearestColumn() {
    #expect(
      throws: CSVError.missingTarget(
        file: "f.csv", target: "lable", columns: ["a", "b", "label"], suggestion: "label")
    ) {
      try CSVLoader.dataset(parsing: text, file: "f.csv", target: "lable", task: .classification)
    }
    let message = CSVError.missingTarget(
      file: "f.csv", target: "lable", columns: ["a", "label"], suggestion: "label"
    )
    .description
    #expect(message.contains("f.csv:1") && message.contains("`label`?"))
  }

  @Test func malformedRowsNameFileLineAndColumn() {
    #expect(throws: CSVError.notANumber(file: "f.csv", line: 3, column: 2, name: "b", text: "two"))
    {
      try CSVLoader.dataset(
        parsing: "a,b,c\n1,2,3\n4,two,6\n", file: "f.csv", target: "c", task: .regression)
    }
    #expect(throws: CSVError.wrongFieldCount(file: "f.csv", line: 4, expected: 3, found: 2)) {
      try CSVLoader.dataset(
        parsing: "a,b,c\n1,2,3\n\n4,5\n", file: "f.csv", target: "c", task: .regression)
    }
    #expect(throws: CSVError.notANumber(file: "f.csv", line: 2, column: 3, name: "c", text: "nan"))
    {
      try CSVLoader.dataset(
        parsing: "a,b,c\n1,2,nan\n", file: "f.csv", target: "c", task: .regression)
    }
    #expect(
      CSVError.notANumber(file: "f.csv", line: 3, column: 2, name: "b", text: "two").description
        == "f.csv:3:2: `two` in column `b` is not a number.")
    #expect(throws: CSVError.empty(file: "f.csv")) {
      try CSVLoader.dataset(parsing: "\n \n", file: "f.csv", target: "c", task: .regression)
    }
    #expect(throws: CSVError.noRows(file: "f.csv")) {
      try CSVLoader.dataset(parsing: "a,c\n", file: "f.csv", target: "c", task: .regression)
    }
  }

  @Test func irisSplitsDeterministically() throws {
    let path = dataFolder.appendingPathComponent("iris.csv").path
    let data = try iris(path)
    #expect(data.count == 150 && data.featureCount == 4 && data.targetCount == 3)
    #expect((0..<3).map { c in data.labels!.filter { $0 == c }.count } == [50, 50, 50])
    #expect(Array(data.features.prefix(4)) == [5.1, 3.5, 1.4, 0.2])
    let split = TrainingData(splitting: try iris(path), validationFraction: 0.2, seed: 1)
    #expect(split.training.count == 120 && split.validation.count == 30)
    let again = TrainingData(splitting: try iris(path), validationFraction: 0.2, seed: 1)
    #expect(split == again)
    let other = TrainingData(splitting: try iris(path), validationFraction: 0.2, seed: 2)
    #expect(split.validation != other.validation)
  }
}

@Suite struct SyntheticDataTests {
  @Test func sineProductFollowsTheSpec() {
    let data = SyntheticDataset.sineProduct.generate(training: 10, validation: 6)
    #expect(data.training.count == 10 && data.validation.count == 6)
    for i in [0, 3, 9] {
      let x1 = sin(0.37 * Double(i) + 0.1)
      let x2 = cos(0.73 * Double(i) + 0.2)
      #expect(data.training.feature(i, 0) == x1 && data.training.feature(i, 1) == x2)
      #expect(data.training.target(i, 0) == sin(3 * x1) * cos(2 * x2))
    }
    #expect(data.validation.feature(0, 0) == sin(0.37 * 10 + 0.1))
  }

  @Test(arguments: [
    SyntheticDataset.twoMoons(noise: 0.1), .spirals(classes: 3, noise: 0.2),
    .blobs(classes: 4, features: 3, spread: 0.5),
  ])
  func classificationShapesAndDeterminism(dataset: SyntheticDataset) {
    let data = dataset.generate(training: 40, validation: 20, seed: 7)
    let classes = dataset.classCount!
    #expect(data.training.count == 40 && data.validation.count == 20)
    #expect(
      data.training.featureCount == dataset.featureCount && data.training.targetCount == classes)
    #expect(data.training.labels == (0..<40).map { $0 % classes })
    #expect(data.training.features.allSatisfy { $0.isFinite })
    #expect(dataset.generate(training: 40, validation: 20, seed: 7) == data)
    #expect(dataset.generate(training: 40, validation: 20, seed: 8) != data)
  }

  @Test func splitMix64MatchesItsReferenceOutput() {
    // First outputs of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c).
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(random.next() == 0x06C4_5D18_8009_454F)
  }
}

/// The iris table, read from `path`.
func iris(_ path: String) throws -> Dataset {
  try CSVLoader.dataset(
    parsing: try String(contentsOfFile: path, encoding: .utf8), file: path, target: "species",
    task: .classification)
}

@Suite struct TrainingRunTests {
  @Test func adamLearnsIris() throws {
    let path = dataFolder.appendingPathComponent("iris.csv").path
    let data = TrainingData(splitting: try iris(path), validationFraction: 0.2, seed: 1)
    let model = ModelDescription(widths: [4, 8, 3], activation: .tanh, initialisation: .seeded(1))
    let process = TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .softmaxCrossEntropy)),
      optimizer: OptimizerDescription(method: .adam, rate: 0.02), steps: 300,
      batch: .size(32, seed: 1))
    var training = Training(process, parameters: [Double]())
    let before = training.validationLoss()
    try training.run()
    let accuracy = training.accuracy(on: data.validation)!
    print("iris: validation loss \(before) → \(training.validationLoss()), accuracy \(accuracy)")
    #expect(training.validationLoss() < 0.25 * before)
    #expect(accuracy >= 0.9)
  }

  @Test func divergenceIsReportedWithItsStep() {
    let process = TrainingDescription(
      problem: .quadratic(QuadraticProblem(diagonal: [1, 10], start: [1, 1])),
      optimizer: OptimizerDescription(method: .sgd, rate: 5), steps: 2000)
    var training = Training(process, parameters: [Double]())
    #expect(throws: TrainingError.self) { try training.run() }
    #expect(training.stepsTaken > 10 && training.stepsTaken < 2000)
  }
}
