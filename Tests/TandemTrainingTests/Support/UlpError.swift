import TandemAD
import TandemTraining
import Testing

/// The largest difference between `values` and `references`, in units in the
/// last place of the reference (at least that of the smallest normal
/// number); where a reference is NaN the value must be NaN too. (A copy of
/// TandemADTests' helper, which its vectorised tanh test uses.)
func worstUlpError(_ values: [Double], _ references: [Double]) -> Double {
  #expect(values.count == references.count)
  var worst = 0.0
  for (value, reference) in zip(values, references) {
    if reference.isNaN {
      #expect(value.isNaN, "NaN expected, got \(value)")
      continue
    }
    worst = max(worst, abs(value - reference) / max(reference.ulp, Double.leastNormalMagnitude))
  }
  return worst
}

/// `activation` applied to `xs` by a 1×1 identity dense layer on a
/// `Double` tape (so by the layer kernels); the affine value of x is
/// (0 + x·1) + 0, which turns −0 into +0.
func identityLayer(_ activation: DenseActivation, at xs: [Double]) -> [Double] {
  let tape = Tape<Double>()
  let x = tape.variables(xs, rows: xs.count, columns: 1)
  let y = x.dense(
    weights: tape.variables([1.0], rows: 1, columns: 1), bias: tape.variables([0.0]),
    activation: activation)
  return xs.indices.map { y.value(row: $0, column: 0) }
}
