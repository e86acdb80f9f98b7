import Foundation
import TandemFiles

/// Reads a table of examples from comma-separated text: a header row naming
/// the columns, then one row per example. One named column is the target;
/// every other column is a numeric feature.
///
/// Lines are split into fields as ``CSVTable`` does.
public enum CSVLoader {
  /// Parses CSV `text`; `file` names it in errors.
  public static func dataset(
    parsing text: String, file: String = "<text>", target: String, task: LearningTask
  ) throws -> Dataset {
    let rows = CSVTable.rows(of: text)
    guard let header = rows.first else { throw CSVError.empty(file: file) }
    guard rows.count > 1 else { throw CSVError.noRows(file: file) }
    guard let targetColumn = header.fields.firstIndex(of: target) else {
      throw CSVError.missingTarget(
        file: file, target: target, columns: header.fields,
        suggestion: nearest(target, in: header.fields))
    }
    guard header.fields.count > 1 else { throw CSVError.noFeatures(file: file, target: target) }
    var features: [Double] = []
    var values: [Double] = []
    var names: [String] = []
    for (line, fields, _) in rows.dropFirst() {
      guard fields.count == header.fields.count else {
        throw CSVError.wrongFieldCount(
          file: file, line: line, expected: header.fields.count, found: fields.count)
      }
      for (column, field) in fields.enumerated() {
        if column == targetColumn && task == .classification {
          names.append(field)
          continue
        }
        guard let number = Double(field), number.isFinite else {
          throw CSVError.notANumber(
            file: file, line: line, column: column + 1, name: header.fields[column], text: field)
        }
        if column == targetColumn { values.append(number) } else { features.append(number) }
      }
    }
    let featureCount = header.fields.count - 1
    switch task {
    case .regression:
      return Dataset(
        features: features, featureCount: featureCount, targets: values, targetCount: 1)
    case .classification:
      let classes = Array(Set(names)).sorted()
      let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
      return Dataset.classification(
        features: features, featureCount: featureCount, labels: names.map { index[$0]! },
        classCount: classes.count)
    }
  }

  /// The column name closest to `name` by edit distance, if any is close.
  static func nearest(_ name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else {
      return nil
    }
    return best.0
  }

  /// Levenshtein distance.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where !b.isEmpty {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
