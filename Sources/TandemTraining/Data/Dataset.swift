/// A table of examples: numeric features and numeric targets, both stored
/// row-major in flat arrays (one row per example).
///
/// Regression data has the target values as its targets. Classification data
/// has one-hot targets (one column per class) and keeps the class indices in
/// ``labels``.
public struct Dataset: Sendable, Equatable {
  /// The features, `count × featureCount`, row after row.
  public var features: [Double]
  /// The number of features per example.
  public var featureCount: Int
  /// The targets, `count × targetCount`, row after row.
  public var targets: [Double]
  /// The number of targets per example (the number of classes for
  /// classification).
  public var targetCount: Int
  /// The class index of every example, for classification data.
  public var labels: [Int]?
  /// The number of examples.
  public var count: Int

  /// Creates a data set from row-major features and targets.
  public init(features: [Double], featureCount: Int, targets: [Double], targetCount: Int) {
    precondition(featureCount > 0 && targetCount > 0, "at least one feature and one target")
    precondition(
      features.count % featureCount == 0,
      "\(features.count) feature values for \(featureCount) per row")
    let count = features.count / featureCount
    precondition(
      targets.count == count * targetCount, "\(targets.count) target values for \(count) examples")
    self.features = features
    self.featureCount = featureCount
    self.targets = targets
    self.targetCount = targetCount
    self.count = count
  }

  /// Creates classification data: one-hot targets of `classCount` columns
  /// from the class index of every example.
  public static func classification(
    features: [Double], featureCount: Int, labels: [Int], classCount: Int
  ) -> Dataset {
    precondition(
      labels.allSatisfy { (0..<classCount).contains($0) }, "a label outside 0..<\(classCount)")
    var targets = [Double](repeating: 0, count: labels.count * classCount)
    for (row, label) in labels.enumerated() { targets[row * classCount + label] = 1 }
    var data = Dataset(
      features: features, featureCount: featureCount, targets: targets, targetCount: classCount)
    data.labels = labels
    return data
  }

  /// Feature `j` of example `i`.
  @inlinable
  public func feature(_ i: Int, _ j: Int) -> Double { features[i * featureCount + j] }

  /// Target `j` of example `i`.
  @inlinable
  public func target(_ i: Int, _ j: Int) -> Double { targets[i * targetCount + j] }

  /// The examples at `indices`, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    var data = Dataset(
      features: indices.flatMap { features[($0 * featureCount)..<(($0 + 1) * featureCount)] },
      featureCount: featureCount,
      targets: indices.flatMap { targets[($0 * targetCount)..<(($0 + 1) * targetCount)] },
      targetCount: targetCount)
    data.labels = labels.map { labels in indices.map { labels[$0] } }
    return data
  }
}
