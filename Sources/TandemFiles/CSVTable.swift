import Foundation

/// Splitting comma-separated text into lines of fields, for every CSV file
/// Tandem reads (training examples, recorded motion).
///
/// Fields are trimmed of spaces; a field may be wrapped in double quotes
/// (with `""` for a quote inside it) to hold commas. Blank lines are
/// skipped, but still counted, so line numbers in errors match an editor's.
public enum CSVTable {
  /// One non-blank line: its number (from 1), its fields and its text.
  public typealias Row = (line: Int, fields: [String], text: Substring)

  /// The non-blank lines of `text`; the header, if any, is the first.
  public static func rows(of text: String) -> [Row] {
    var rows: [Row] = []
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
      if trimmed.allSatisfy(\.isWhitespace) { continue }
      rows.append((lineNumber, fields(of: trimmed), trimmed))
    }
    return rows
  }

  /// The column (from 1) where field `index` of a line starts, counting
  /// fields as ``fields(of:)`` does: for errors that point at a field.
  public static func column(ofField index: Int, in line: Substring) -> Int {
    var field = 0
    var quoted = false
    var column = 1
    for character in line {
      if field == index { return column }
      if character == "\"" { quoted.toggle() } else if character == "," && !quoted { field += 1 }
      column += 1
    }
    return column
  }

  /// The fields of one line, unquoted and trimmed.
  public static func fields(of line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if quoted {
        if character == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex && line[next] == "\"" {
            current.append("\"")
            index = next
          } else {
            quoted = false
          }
        } else {
          current.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        fields.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
      index = line.index(after: index)
    }
    fields.append(current.trimmingCharacters(in: .whitespaces))
    return fields
  }

}
