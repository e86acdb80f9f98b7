import Foundation

/// Keeping a copied scene's CSV file reachable, for `tuned.yaml`.
extension SceneFile {
  /// The scene text with its relative CSV paths (`data: { csv: … }`,
  /// `observations: { data: … }`) rewritten to name the same files from
  /// `folder`, where the text is about to be written; nothing else changes.
  /// Absolute paths are left as they are.
  ///
  /// `tuned.yaml` is written to `output/<name>/`, not beside the scene, so
  /// `csv: ../data/iris.csv` would no longer resolve; it becomes
  /// `../../data/iris.csv` (a relative path, so the repository can move).
  ///
  /// - Parameters:
  ///   - text: The scene's text, as `scene` was loaded from.
  ///   - scene: The scene loaded from `text` (for the paths and their locations).
  ///   - folder: The folder the rewritten text will be saved in.
  /// - Throws: ``SceneError`` when a path's location in `text` is unknown
  ///   or does not hold the path.
  public static func rewritingDataPath(
    in text: String, of scene: SceneDescription, movingTo folder: URL
  ) throws
    -> String
  {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0.unicodeScalars)
    }
    // Last in the text first, so that a rewrite does not move the places
    // of the paths still to rewrite (two on one line).
    let files = scene.dataFiles.filter { !$0.path.hasPrefix("/") }.sorted {
      let (a, b) = (scene.location(of: $0.key), scene.location(of: $1.key))
      return (a?.line ?? 0, a?.column ?? 0) > (b?.line ?? 0, b?.column ?? 0)
    }
    for csv in files {
      let path = csv.key
      guard let location = scene.location(of: path) else {
        throw SceneError(
          file: scene.sourceMap.file, path: path,
          message: "cannot find the CSV path in the scene text")
      }
      guard location.line - 1 < lines.count else {
        throw SceneError(
          file: scene.sourceMap.file, location: location, path: path,
          message: "the CSV path is past the end of the text")
      }
      let line = lines[location.line - 1]
      let start = location.column - 1
      var end = start
      if start < line.count, line[start] == "\"" || line[start] == "'" {
        let quote = line[start]
        end += 1
        while end < line.count, line[end] != quote { end += 1 }
        end = min(end + 1, line.count)
      } else {
        while end < line.count, !" \t\r,]}#".unicodeScalars.contains(line[end]) { end += 1 }
      }
      let written = String(String.UnicodeScalarView(line[start..<end]))
      guard written.contains(csv.path) else {
        throw SceneError(
          file: scene.sourceMap.file, location: location, path: path,
          message: "found `\(written)` where the CSV path `\(csv.path)` was expected")
      }
      let relative = relativePath(to: csv.url, from: folder)
      let plain = !relative.unicodeScalars.contains { " \t:#,[]{}\"'".unicodeScalars.contains($0) }
      let replacement =
        plain ? relative : "\"" + relative.replacingOccurrences(of: "\"", with: "\\\"") + "\""
      lines[location.line - 1].replaceSubrange(start..<end, with: Array(replacement.unicodeScalars))
    }
    return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
  }

  /// The path of `file` relative to `folder` (both made absolute and standard).
  static func relativePath(to file: URL, from folder: URL) -> String {
    let target = file.standardizedFileURL.pathComponents
    let base = folder.standardizedFileURL.pathComponents
    var common = 0
    while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    return (ups + target[common...]).joined(separator: "/")
  }
}
