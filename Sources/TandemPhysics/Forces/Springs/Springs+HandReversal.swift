import RealModule
import TandemAD

extension Springs {
  /// ∇U of the springs, k·(ℓ − L)·d/ℓ at the first end and its opposite at
  /// the second (zero for a spring of zero length), and its pull-back
  /// through ``springPullBack(dimension:difference:gradientAdjoint:stiffness:rest:energyAdjoint:length:)``:
  /// H·ḡ into x̄, and the adjoints of the stiffnesses and rest lengths. Each
  /// spring's length is measured once, for the gradient, and kept for the
  /// pull-back of the same step.
  public func handReversal(in context: ForceContext<Double>, quantities: [Double])
    -> HandReversal
  {
    let (n, dimension) = (context.count, context.dimension)
    let first = springs.map(\.between.0)
    let second = springs.map(\.between.1)
    let count = springs.count
    let k = Array(quantities[..<count])
    let rest = Array(quantities[count...])
    let lengths = SpringLengths(count: count)
    return HandReversal(
      addGradient: { x, gradient in
        lengths.values.withUnsafeMutableBufferPointer { lengths in
          for s in 0..<count {
            let (i, j) = (first[s], second[s])
            var difference = InlineArray<3, Double>(repeating: 0)
            var squares = 0.0
            for a in 0..<dimension {
              difference[a] = x[a * n + i] - x[a * n + j]
              squares += difference[a] * difference[a]
            }
            let length = squares.squareRoot()
            lengths[s] = length
            if length == 0 { continue }
            let scale = k[s] * (length - rest[s]) * (1 / length)
            for a in 0..<dimension {
              gradient[a * n + i] += scale * difference[a]
              gradient[a * n + j] -= scale * difference[a]
            }
          }
        }
      },
      pullBackGradient: { x, gradientBar, xBar, adjoints in
        lengths.values.withUnsafeBufferPointer { lengths in
          for s in 0..<count {
            let (i, j) = (first[s], second[s])
            var d = InlineArray<3, Double>(repeating: 0)
            var u = InlineArray<3, Double>(repeating: 0)
            for a in 0..<dimension {
              d[a] = x[a * n + i] - x[a * n + j]
              u[a] = gradientBar[a * n + i] - gradientBar[a * n + j]
            }
            let (dBar, kStep, restStep) = springPullBack(
              dimension: dimension, difference: d, gradientAdjoint: u,
              stiffness: k[s], rest: rest[s], energyAdjoint: 0, length: lengths[s])
            adjoints.own[s] += kStep
            adjoints.own[count + s] += restStep
            for a in 0..<dimension {
              xBar[a * n + i] += dBar[a]
              xBar[a * n + j] -= dBar[a]
            }
          }
        }
      })
  }
}

/// Each spring's length at the step being reversed, measured for ∇U and
/// read by its pull-back. A class, so that the two closures share it; each
/// realised system has its own, and a step's reversal uses it only while
/// it runs.
final class SpringLengths: @unchecked Sendable {
  var values: [Double]
  init(count: Int) { values = [Double](repeating: 0, count: count) }
}
