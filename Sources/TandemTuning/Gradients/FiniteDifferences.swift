import Foundation
import TandemAD
import TandemProcess

extension SteppedProcess {
  /// The step central differences use for a parameter of value `value`:
  /// ∛ε·|value| (∛ε ≈ 6.06e-6), or ∛ε when the value is 0 — the step that
  /// balances truncation error (∝ h²) against rounding error (∝ ε/h).
  public static func finiteDifferenceStep(for value: Double) -> Double {
    let cubeRootEpsilon = Foundation.cbrt(Double.ulpOfOne)
    return value == 0 ? cubeRootEpsilon : cubeRootEpsilon * abs(value)
  }

  /// The gradient with respect to the parameters at `tuned` by central
  /// finite differences, (L(p + hᵢeᵢ) − L(p − hᵢeᵢ)) / 2hᵢ, on plain `Double`
  /// runs; returns the steps used beside the gradient.
  @inlinable
  public func finiteDifferenceGradient(
    parameters: [Double], tuned: [Int], horizon: Horizon = .full
  ) throws -> (gradient: [Double], steps: [Double]) {
    var gradient: [Double] = []
    var steps: [Double] = []
    for index in tuned {
      let h = Self.finiteDifferenceStep(for: parameters[index])
      var plus = parameters
      var minus = parameters
      plus[index] += h
      minus[index] -= h
      let difference =
        try loss(parameters: plus, horizon: horizon) - loss(parameters: minus, horizon: horizon)
      // Divide by the steps actually taken after rounding, not the nominal h.
      gradient.append(difference / (plus[index] - minus[index]))
      steps.append(h)
    }
    return (gradient, steps)
  }
}
