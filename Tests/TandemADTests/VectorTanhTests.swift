import Foundation
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// The vectorised tanh behind `Scalar.formTanh`, against the C library and
/// against `Dual`'s elementwise tanh. (The fused tape nodes' tests live with
/// their nodes: TandemPhysicsTests' SpringEnergyNodeTests, TandemTrainingTests'
/// DenseKernelTests.)
@Suite struct VectorTanhTests {
  /// The vectorised kernel agrees with the C library's tanh to a few ulps,
  /// keeps the sign, saturates to ±1 and passes NaN through.
  @Test func vectorTanhMatchesTheCLibrary() {
    var xs: [Double] = [
      0, -0.0, 1e-300, -1e-10, 0.3, 0.624, 0.625, 0.626, -0.9, 1, 2.5, -7, 19, 21.9, 22, 30, -700,
      1e300,
    ]
    var random = SplitMix64(seed: 3)
    for _ in 0..<20_000 { xs.append((random.uniform(0...1) * 2 - 1) * 12) }
    for _ in 0..<2_000 { xs.append((random.uniform(0...1) * 2 - 1) * 1e-3) }
    for e in stride(from: -300.0, through: 4, by: 0.5) { xs.append(pow(2, e)) }
    xs.append(.nan)
    #expect(xs.count % 8 != 0)  // the last few go through the zero-padded vector
    var ys = xs
    ys.withUnsafeMutableBufferPointer { Double.vectorTanh($0) }
    let references = xs.map { Foundation.tanh($0) }
    for (y, reference) in zip(ys, references) where !reference.isNaN {
      #expect(y.sign == reference.sign, "sign of \(y)")
    }
    let worst = worstUlpError(ys, references)
    #expect(worst <= 4, "worst error \(worst) ulp")
  }

  /// formTanh on duals: tanh of the value, tangents times 1 − tanh².
  @Test func dualFormTanhCarriesTheDerivative() {
    var random = SplitMix64(seed: 5)
    var xs = (0..<300).map { _ in
      Dual<2, Double>(
        (random.uniform(0...1) * 2 - 1) * 3,
        tangents: [random.uniform(0...1), random.uniform(0...1) - 0.5])
    }
    let original = xs
    xs.withUnsafeMutableBufferPointer { Dual<2, Double>.formTanh($0) }
    for (x, y) in zip(original, xs) {
      let reference = Dual<2, Double>.tanh(x)
      #expect(abs(y.value - reference.value) <= 4 * reference.value.ulp)
      for d in 0..<2 {
        #expect(
          abs(y.tangents[d] - reference.tangents[d]) <= 1e-14 * max(1, abs(reference.tangents[d])))
      }
    }
  }
}
