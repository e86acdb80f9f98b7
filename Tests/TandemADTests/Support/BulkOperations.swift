import RealModule
import TandemAD

/// Every bulk operation of `TracedVector` and `TracedMatrix`, recorded on a
/// tape generically and computed plainly on arrays of `Double` (in the same
/// order of floating-point operations, so values must match bit for bit).
enum BulkOperation: String, CaseIterable, CustomStringConvertible, Sendable {
  case add, subtract, multiply, divide, negate
  case scaleByConstant, constantTimes, shiftByConstant, subtractConstant
  case scaleByTraced, tracedTimes, shiftByTraced
  case exp, log, sin, cos, tanh, sqrt, square, hypot
  case map, zipMap, sum, mean, dot, gather, scatterAdd
  case matrixVector, matrixMatrix, addToEachRow, matrixMap

  var description: String { rawValue }

  /// The lengths of the input vectors.
  var inputSizes: [Int] {
    switch self {
    case .add, .subtract, .multiply, .divide, .hypot, .zipMap, .dot: [6, 6]
    case .scaleByTraced, .tracedTimes, .shiftByTraced: [6, 1]
    case .gather, .scatterAdd: [5]
    case .matrixVector: [12, 4]  // 3×4 times 4
    case .matrixMatrix: [6, 12]  // 2×3 times 3×4
    case .addToEachRow: [12, 4]  // 3×4 plus a row of 4
    default: [6]
    }
  }

  /// Where the inputs are drawn from: positive where the operation needs it.
  var inputRange: ClosedRange<Double> {
    switch self {
    case .divide, .log, .sqrt: 0.4...2.5
    default: -2...2
    }
  }

  static let gatherIndices = [2, 0, 0, 4, 1, 3, 2]
  static let scatterIndices = [0, 2, 0, 1, 2]
  static let scatterLength = 3

  /// Records the operation; the outputs are returned as scalars.
  func record<T>(_ x: [TracedVector<T>], on tape: Tape<T>) -> [Traced<T>] {
    func scalars(_ v: TracedVector<T>) -> [Traced<T>] { (0..<v.count).map { v[$0] } }
    switch self {
    case .add: return scalars(x[0] + x[1])
    case .subtract: return scalars(x[0] - x[1])
    case .multiply: return scalars(x[0] * x[1])
    case .divide: return scalars(x[0] / x[1])
    case .negate: return scalars(-x[0])
    case .scaleByConstant: return scalars(x[0] * T(1.7))
    case .constantTimes: return scalars(T(-0.6) * x[0])
    case .shiftByConstant: return scalars(x[0] + T(0.3))
    case .subtractConstant: return scalars(x[0] - T(0.8))
    case .scaleByTraced: return scalars(x[0] * x[1][0])
    case .tracedTimes: return scalars(x[1][0] * x[0])
    case .shiftByTraced: return scalars(x[0] + x[1][0])
    case .exp: return scalars(TracedVector.exp(x[0]))
    case .log: return scalars(TracedVector.log(x[0]))
    case .sin: return scalars(TracedVector.sin(x[0]))
    case .cos: return scalars(TracedVector.cos(x[0]))
    case .tanh: return scalars(TracedVector.tanh(x[0]))
    case .sqrt: return scalars(TracedVector.sqrt(x[0]))
    case .square: return scalars(TracedVector.square(x[0]))
    case .hypot: return scalars(TracedVector.hypot(x[0], x[1]))
    case .map:
      return scalars(x[0].map { v in (T.sin(v) * v, T.cos(v) * v + T.sin(v)) })
    case .zipMap:
      return scalars(x[0].zipMap(x[1]) { a, b in (a * b * b, b * b, 2 * a * b) })
    case .sum: return [x[0].sum()]
    case .mean: return [x[0].mean()]
    case .dot: return [x[0].dot(x[1])]
    case .gather: return scalars(x[0].gathering(tape.register(indices: Self.gatherIndices)))
    case .scatterAdd:
      let indices = tape.register(indices: Self.scatterIndices)
      return scalars(x[0].scatteringAdd(into: Self.scatterLength, at: indices))
    case .matrixVector:
      return scalars(TracedMatrix(x[0], rows: 3, columns: 4).multiplied(by: x[1]))
    case .matrixMatrix:
      let product = TracedMatrix(x[0], rows: 2, columns: 3)
        .multiplied(by: TracedMatrix(x[1], rows: 3, columns: 4))
      return scalars(product.elements)
    case .addToEachRow:
      return scalars(TracedMatrix(x[0], rows: 3, columns: 4).addingToEachRow(x[1]).elements)
    case .matrixMap:
      return scalars(
        TracedMatrix(x[0], rows: 2, columns: 3).map { v in (v * v * v, 3 * v * v) }.elements)
    }
  }

  /// The same function on plain arrays.
  func plain(_ x: [[Double]]) -> [Double] {
    func zip2(_ f: (Double, Double) -> Double) -> [Double] {
      x[0].indices.map { f(x[0][$0], x[1][$0]) }
    }
    switch self {
    case .add: return zip2(+)
    case .subtract: return zip2(-)
    case .multiply: return zip2(*)
    case .divide: return zip2(/)
    case .negate: return x[0].map { -$0 }
    case .scaleByConstant: return x[0].map { $0 * 1.7 }
    case .constantTimes: return x[0].map { $0 * -0.6 }
    case .shiftByConstant: return x[0].map { $0 + 0.3 }
    case .subtractConstant: return x[0].map { $0 - 0.8 }
    case .scaleByTraced, .tracedTimes: return x[0].map { $0 * x[1][0] }
    case .shiftByTraced: return x[0].map { $0 + x[1][0] }
    case .exp: return x[0].map(Double.exp)
    case .log: return x[0].map { Double.log($0) }
    case .sin: return x[0].map(Double.sin)
    case .cos: return x[0].map(Double.cos)
    case .tanh: return x[0].map(Double.tanh)
    case .sqrt: return x[0].map(Double.sqrt)
    case .square: return x[0].map { $0 * $0 }
    case .hypot: return zip2(Double.hypot)
    case .map: return x[0].map { v in Double.sin(v) * v }
    case .zipMap: return zip2 { a, b in a * b * b }
    case .sum: return [x[0].reduce(0, +)]
    case .mean: return [x[0].reduce(0, +) / Double(x[0].count)]
    case .dot: return [zip2(*).reduce(0, +)]
    case .gather: return Self.gatherIndices.map { x[0][$0] }
    case .scatterAdd:
      var result = [Double](repeating: 0, count: Self.scatterLength)
      for (i, target) in Self.scatterIndices.enumerated() { result[target] += x[0][i] }
      return result
    case .matrixVector:
      return (0..<3).map { r in (0..<4).reduce(0) { total, c in total + x[0][r * 4 + c] * x[1][c] }
      }
    case .matrixMatrix:
      var result = [Double](repeating: 0, count: 8)
      for r in 0..<2 {
        for k in 0..<3 { for c in 0..<4 { result[r * 4 + c] += x[0][r * 3 + k] * x[1][k * 4 + c] } }
      }
      return result
    case .addToEachRow: return (0..<12).map { x[0][$0] + x[1][$0 % 4] }
    case .matrixMap: return x[0].map { $0 * $0 * $0 }
    }
  }
}
