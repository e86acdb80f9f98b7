/// Text from a user's file made fit to quote in an error message.
///
/// With the files, because the scene reader and the CSV readers both quote
/// file contents.
public enum MessageText {
  /// `text` shortened to at most `limit` characters (a value of megabytes is
  /// not echoed in full; the length is said instead), with control
  /// characters shown as `\u{…}` so that they cannot garble a terminal.
  public static func quotable(_ text: String, limit: Int = 80) -> String {
    var shown = ""
    for (count, character) in text.enumerated() {
      if count == limit {
        shown += "… (\(text.count) characters)"
        break
      }
      if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        shown += character.unicodeScalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
      } else {
        shown.append(character)
      }
    }
    return shown
  }
}
