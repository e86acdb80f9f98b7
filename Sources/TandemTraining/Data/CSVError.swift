import TandemAD
import TandemFiles
import TandemProcess

/// Why a CSV file could not be loaded. Every message names the file, and the
/// line (1-based, counting the header) and column where the problem is.
public enum CSVError: Error, Equatable, CustomStringConvertible {
  /// The file has no header row.
  case empty(file: String)
  /// No header field is the target column's name.
  case missingTarget(file: String, target: String, columns: [String], suggestion: String?)
  /// A row has a different number of fields than the header.
  case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)
  /// A field that should be a number is not one.
  case notANumber(file: String, line: Int, column: Int, name: String, text: String)
  /// The file has a header but no rows.
  case noRows(file: String)
  /// The target is the only column, so there are no features.
  case noFeatures(file: String, target: String)

  /// A message a person can act on.
  public var description: String {
    switch self {
    case let .empty(file):
      "\(file): the file is empty; it needs a header row naming the columns."
    case let .missingTarget(file, target, columns, suggestion):
      // At most ten columns, each quoted short: the "header" may be the
      // first line of any file at all.
      "\(file):1: no column is named `\(MessageText.quotable(target))`; the columns are "
        + columns.prefix(10).map { "`\(MessageText.quotable($0, limit: 40))`" }.joined(
          separator: ", ")
        + (columns.count > 10 ? " and \(columns.count - 10) more" : "")
        + (suggestion.map { ". Did you mean `\(MessageText.quotable($0))`?" } ?? ".")
    case let .wrongFieldCount(file, line, expected, found):
      "\(file):\(line): \(found) fields, but the header has \(expected)."
    case let .notANumber(file, line, column, name, text):
      "\(file):\(line):\(column): `\(MessageText.quotable(text))` in column `\(MessageText.quotable(name))` is not a number."
    case let .noRows(file):
      "\(file): the header is followed by no data rows."
    case let .noFeatures(file, target):
      "\(file):1: `\(target)` is the only column, so there are no features to learn from."
    }
  }
}
