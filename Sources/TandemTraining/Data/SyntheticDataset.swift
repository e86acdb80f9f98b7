import RealModule
import TandemAD
import TandemProcess

/// Generated data sets, each defined exactly so runs are reproducible.
///
/// Every random draw comes from one ``SplitMix64`` seeded with the given
/// seed; training examples are drawn first, then validation examples, from
/// the same stream. Classification sets assign example i to class
/// `i mod classes`, so classes stay balanced.
public enum SyntheticDataset: Sendable, Hashable {
  /// The B2 regression of the benchmark spec (no randomness; the seed is
  /// ignored): x_i = (sin(0.37·i + 0.1), cos(0.73·i + 0.2)),
  /// y_i = sin(3·x_i,1)·cos(2·x_i,2); examples i < training train, the next
  /// `validation` validate.
  case sineProduct
  /// Two interleaved half circles in the plane, two classes: with t uniform
  /// in [0, 1), class 0 at (cos πt, sin πt), class 1 at
  /// (1 − cos πt, 0.5 − sin πt), plus independent normal noise of standard
  /// deviation `noise` on each coordinate.
  case twoMoons(noise: Double = 0.1)
  /// `classes` interleaved spiral arms in the plane: with r uniform in
  /// [0, 1) and θ = 4r + 2πc/classes + noise·n (n standard normal), class c
  /// is at (r·sin θ, r·cos θ).
  case spirals(classes: Int = 2, noise: Double = 0.2)
  /// Gaussian blobs: `classes` centres drawn uniformly in [−5, 5]^features
  /// (before any example), and each example at its class's centre plus
  /// normal noise of standard deviation `spread` per coordinate.
  case blobs(classes: Int = 3, features: Int = 2, spread: Double = 1.0)

  /// The number of classes, or nil for regression.
  public var classCount: Int? {
    switch self {
    case .sineProduct: nil
    case .twoMoons: 2
    case .spirals(let classes, _): classes
    case .blobs(let classes, _, _): classes
    }
  }

  /// The number of features per example.
  public var featureCount: Int {
    switch self {
    case .blobs(_, let features, _): features
    default: 2
    }
  }

  /// Generates `training` training examples and `validation` validation
  /// examples.
  public func generate(training: Int, validation: Int, seed: UInt64 = 1) -> TrainingData {
    let total = training + validation
    var random = SplitMix64(seed: seed)
    switch self {
    case .sineProduct:
      var features: [Double] = []
      var targets: [Double] = []
      for i in 0..<total {
        let x1 = Double.sin(0.37 * Double(i) + 0.1)
        let x2 = Double.cos(0.73 * Double(i) + 0.2)
        features += [x1, x2]
        targets.append(Double.sin(3 * x1) * Double.cos(2 * x2))
      }
      let all = Dataset(features: features, featureCount: 2, targets: targets, targetCount: 1)
      return TrainingData(
        training: all.subset(Array(0..<training)), validation: all.subset(Array(training..<total)))
    case .twoMoons(let noise):
      return classified(total, training, classes: 2) { i, c in
        let t = Double.pi * random.uniform()
        let point =
          c == 0 ? [Double.cos(t), Double.sin(t)] : [1 - Double.cos(t), 0.5 - Double.sin(t)]
        return point.map { $0 + noise * random.normal() }
      }
    case .spirals(let classes, let noise):
      precondition(classes >= 2, "spirals need at least two classes")
      return classified(total, training, classes: classes) { i, c in
        let r = random.uniform()
        let theta = 4 * r + 2 * Double.pi * Double(c) / Double(classes) + noise * random.normal()
        return [r * Double.sin(theta), r * Double.cos(theta)]
      }
    case .blobs(let classes, let featureCount, let spread):
      precondition(classes >= 2 && featureCount >= 1, "blobs need two classes and one feature")
      let centres = (0..<classes).map { _ in
        (0..<featureCount).map { _ in 10 * random.uniform() - 5 }
      }
      return classified(total, training, classes: classes) { i, c in
        centres[c].map { $0 + spread * random.normal() }
      }
    }
  }

  /// Builds classification data from `point(i, class)` for each example,
  /// class `i mod classes`.
  func classified(
    _ total: Int, _ training: Int, classes: Int, _ point: (Int, Int) -> [Double]
  ) -> TrainingData {
    var features: [Double] = []
    var labels: [Int] = []
    for i in 0..<total {
      let c = i % classes
      features += point(i, c)
      labels.append(c)
    }
    let all = Dataset.classification(
      features: features, featureCount: featureCount, labels: labels, classCount: classes)
    return TrainingData(
      training: all.subset(Array(0..<training)), validation: all.subset(Array(training..<total)))
  }
}
