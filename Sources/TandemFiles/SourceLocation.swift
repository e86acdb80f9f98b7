/// A place in a text file: a line and a column, both counted from 1 (columns
/// in Unicode scalars, as YAML counts them).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The line, from 1.
  public var line: Int
  /// The column, from 1.
  public var column: Int

  /// A location from its line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }

  /// The line and column of the UTF-8 byte at `offset` in `text` (columns
  /// in Unicode scalars), or `nil` past its end.
  public init?(ofByte offset: Int, in text: Substring) {
    var (line, column, bytes) = (1, 1, 0)
    for scalar in text.unicodeScalars {
      if bytes >= offset { break }
      bytes += UTF8.width(scalar)
      if scalar == "\n" {
        (line, column) = (line + 1, 1)
      } else {
        column += 1
      }
    }
    guard bytes >= offset else { return nil }
    self.init(line: line, column: column)
  }
}
