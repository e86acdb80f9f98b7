import RealModule
import TandemAD

/// One dense layer on a batch, Y = tanh(X·W + b), with loss mean(Y²): the
/// "neural network" benchmark, recorded with the tape's bulk nodes.
struct TanhLayer {
  let units: Int
  let batch: Int
  /// X, `batch × units`, row-major.
  let input: [Double]
  /// W, `units × units`, row-major.
  let weights: [Double]
  /// b, `units`.
  let bias: [Double]

  init(units: Int, batch: Int, seed: UInt64) {
    var random = BenchmarkRandom(seed: seed)
    self.units = units
    self.batch = batch
    let scale = 1 / Double(units).squareRoot()
    input = (0..<(batch * units)).map { _ in random.uniform(-1...1) }
    weights = (0..<(units * units)).map { _ in random.uniform(-scale...scale) }
    bias = (0..<units).map { _ in random.uniform(-0.1...0.1) }
  }

  /// The loss on plain scalars, in the same order of operations as the tape;
  /// `scratch` holds the pre-activations.
  func loss<T: Scalar>(x: [T], w: [T], b: [T], scratch: inout [T]) -> T {
    let n = units
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: repeatElement(T.zero, count: batch * n))
    x.withUnsafeBufferPointer { x in
      w.withUnsafeBufferPointer { w in
        scratch.withUnsafeMutableBufferPointer { out in
          for r in 0..<batch {
            for k in 0..<n {
              let a = x[r * n + k]
              for c in 0..<n { out[r * n + c] += a * w[k * n + c] }
            }
          }
        }
      }
    }
    var total = T.zero
    for r in 0..<batch {
      for c in 0..<n {
        let y = T.tanh(scratch[r * n + c] + b[c])
        total += y * y
      }
    }
    return total / T(Double(batch * n))
  }

  /// Records the loss on `tape`; returns it with the weights' handle.
  func record<T>(x: [T], w: [T], b: [T], on tape: Tape<T>) -> (
    loss: Traced<T>, weights: TracedVector<T>
  ) {
    let input = tape.variables(x, rows: batch, columns: units)
    let weights = tape.variables(w, rows: units, columns: units)
    let bias = tape.variables(b)
    let activations = input.multiplied(by: weights).addingToEachRow(bias).elements
    let loss = TracedVector.square(TracedVector.tanh(activations)).mean()
    return (loss, weights.elements)
  }
}
