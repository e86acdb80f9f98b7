import Foundation
import TandemRender

/// A fresh empty folder under the system temporary folder, removed by the caller.
func makeTemporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("tandem-render-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Whether two pixels differ by at most `tolerance` in every component.
func isClose(_ a: Pixel, _ b: Pixel, tolerance: Int = 1) -> Bool {
  abs(Int(a.red) - Int(b.red)) <= tolerance && abs(Int(a.green) - Int(b.green)) <= tolerance
    && abs(Int(a.blue) - Int(b.blue)) <= tolerance && abs(Int(a.alpha) - Int(b.alpha)) <= tolerance
}

extension Canvas {
  /// Every (x, y) whose pixel differs from `background`.
  func inkedPixels(background: Pixel) -> [(x: Int, y: Int)] {
    var result: [(Int, Int)] = []
    for y in 0..<height {
      for x in 0..<width where pixel(atX: x, y: y) != background {
        result.append((x, y))
      }
    }
    return result
  }

  /// The rows in which some pixel of column `x` is exactly `color`.
  func rows(inColumn x: Int, matching color: Pixel) -> [Int] {
    (0..<height).filter { pixel(atX: x, y: $0) == color }
  }
}
