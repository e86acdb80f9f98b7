import Foundation
import RealModule
import TandemAD
import Testing

/// The row-reduction node added to TandemAD for softmax cross-entropy,
/// checked against central finite differences.
@Suite struct TapeRowReductionTests {
  let logits: [Double] = [0.3, -1.2, 2.0, 0.7, 800.0, 799.0, -3.0, 0.0, 1.5, 0.25, -0.5, 2.5]
  let weights: [Double] = [0.5, -1.0, 2.0, 0.25]

  /// Σ_r wᵣ·lseᵣ(M) + Σ_r wᵣ·sin(rowSumᵣ(M)) — a scalar using both reductions.
  func f<T: Scalar>(_ tape: Tape<T>, _ m: TracedVector<T>) -> Traced<T> {
    let matrix = m.reshaped(rows: 4, columns: 3)
    let w = tape.variables(weights.map { T($0) })
    let sums = matrix.rowSums()
    return matrix.rowLogSumExp().dot(w) + TracedVector.sin(sums).dot(w)
  }

  func plain(_ x: [Double]) -> Double {
    var total = 0.0
    for r in 0..<4 {
      let row = x[(3 * r)..<(3 * r + 3)]
      let largest = row.max()!
      total +=
        weights[r]
        * (largest + Foundation.log(row.map { Foundation.exp($0 - largest) }.reduce(0, +)))
      total += weights[r] * Foundation.sin(row.reduce(0, +))
    }
    return total
  }

  @Test func valueAndGradientMatchFiniteDifferences() {
    let tape = Tape<Double>()
    let (value, gradient) = tape.valueWithGradient(at: logits) { f(tape, $0) }
    #expect(relativeError(value, plain(logits)) < 1e-14)
    #expect(value.isFinite, "the log-sum-exp of a row of 800s must not overflow")
    for i in logits.indices {
      // Central differences: truncation ∝ h² (the softmax's curvature is
      // O(1) whatever the logits' size), rounding ∝ ε·|f|/h with |f| ≈ 400.
      let h = 1e-5
      var plus = logits
      var minus = logits
      plus[i] += h
      minus[i] -= h
      let difference = (plain(plus) - plain(minus)) / (plus[i] - minus[i])
      #expect(abs(gradient[i] - difference) < 1e-6 * max(1, abs(difference)), "element \(i)")
    }
  }

  @Test func softmaxRowsSumToOne() {
    // The log-sum-exp's gradient is the softmax: each row's adjoints sum to 1.
    let tape = Tape<Double>()
    let x = tape.variables(logits)
    let total = x.reshaped(rows: 4, columns: 3).rowLogSumExp().sum()
    tape.backward(from: total)
    for r in 0..<4 {
      let rowSum = (0..<3).reduce(0.0) { $0 + tape.adjoint(of: x, at: 3 * r + $1) }
      #expect(abs(rowSum - 1) < 1e-14)
    }
  }
}
