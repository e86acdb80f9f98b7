/// One spring's part of the pull-back of the spring energy E and its
/// gradient g, shared by the trajectory tape's spring operation and the
/// hand-reversed step (see ``SpringGradientOperation`` for the formulas).
///
/// With d = x_i − x_j, ℓ = |d|, e = ℓ − L, u = d/ℓ, w = ḡ_i − ḡ_j, q = u·w:
/// the position adjoint d̄ = k·[(1 − L/ℓ)·w + (L/ℓ)·q·u] + Ē·k·e·u (added at
/// i, subtracted at j), k̄ = e·q + Ē·e²/2 and L̄ = −k·q − Ē·k·e. At ℓ = 0 the
/// force is zero (the guard of the energy's node): d̄ = 0, and only the
/// energy ½·k·L² has derivatives. `length` is ℓ when the caller has it
/// already (the hand-reversed step measures every spring once, for ∇U).
@inlinable
func springPullBack(
  dimension: Int, difference d: InlineArray<3, Double>, gradientAdjoint w: InlineArray<3, Double>,
  stiffness k: Double, rest: Double, energyAdjoint: Double, length known: Double? = nil
) -> (position: InlineArray<3, Double>, stiffness: Double, rest: Double) {
  var u = d
  let length: Double
  if let known {
    length = known
  } else {
    var squares = 0.0
    for a in 0..<dimension { squares += d[a] * d[a] }
    length = squares.squareRoot()
  }
  let stretch = length - rest
  var position = InlineArray<3, Double>(repeating: 0)
  var kBar = energyAdjoint * 0.5 * stretch * stretch
  var restBar = -energyAdjoint * k * stretch
  guard length > 0 else { return (position, kBar, restBar) }
  var q = 0.0
  for a in 0..<dimension {
    u[a] /= length
    q += u[a] * w[a]
  }
  kBar += stretch * q
  restBar -= k * q
  let (along, across) = (k * (1 - rest / length), k * (rest / length) * q)
  for a in 0..<dimension {
    position[a] = along * w[a] + across * u[a] + energyAdjoint * k * stretch * u[a]
  }
  return (position, kBar, restBar)
}
