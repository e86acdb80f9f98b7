import Foundation

/// A one-line progress bar on standard error, drawn only when standard error
/// is a terminal, and at most about 20 times a second.
struct ProgressBar {
  let label: String
  let total: Int
  let enabled: Bool
  private var lastDraw = ContinuousClock.now
  private let clock = ContinuousClock()

  init(_ label: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) != 0) {
    self.label = label
    self.total = max(total, 1)
    self.enabled = enabled
  }

  /// Redraws the bar for `done` of `total`, if enough time has passed.
  mutating func update(_ done: Int) {
    guard enabled else { return }
    let now = clock.now
    guard done >= total || now - lastDraw > .milliseconds(50) else { return }
    lastDraw = now
    let width = 30
    let filled = min(width, width * done / total)
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    FileHandle.standardError.write("\r\(label) \(bar) \(done)/\(total)".data(using: .utf8)!)
  }

  /// Clears the bar's line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write("\r\u{1B}[2K".data(using: .utf8)!)
  }
}

/// Writes a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write((line + "\n").data(using: .utf8)!)
}
