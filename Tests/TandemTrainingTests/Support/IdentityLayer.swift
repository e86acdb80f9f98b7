import TandemAD
import TandemTraining

/// `activation` applied to `xs` by a 1×1 identity dense layer on a
/// `Double` tape (so by the layer kernels); the affine value of x is
/// (0 + x·1) + 0, which turns −0 into +0.
func identityLayer(_ activation: Activation, at xs: [Double]) -> [Double] {
  let tape = Tape<Double>()
  let x = tape.variables(xs, rows: xs.count, columns: 1)
  let y = x.dense(
    weights: tape.variables([1.0], rows: 1, columns: 1), bias: tape.variables([0.0]),
    activation: activation)
  return xs.indices.map { y.value(row: $0, column: 0) }
}
