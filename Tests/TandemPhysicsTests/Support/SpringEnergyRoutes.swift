import TandemAD
import TandemPhysics

/// The spring energy ½·Σ k·(‖xᵢ − xⱼ‖ − L)² and its gradient, recorded either
/// as the fused node or as the chain of generic bulk nodes it replaces;
/// returns the energy followed by ∂E/∂x and ∂E/∂y.
func springEnergyAndGradient<T: Scalar>(
  xs: [T], ys: [T], first: [Int], second: [Int], stiffness k: [T], restLength rest: [T],
  fused: Bool
) -> [T] {
  let tape = Tape<T>()
  let (i, j) = (tape.register(indices: first), tape.register(indices: second))
  let x = tape.variables(xs)
  let y = tape.variables(ys)
  let energy: Traced<T>
  if fused {
    energy = tape.springEnergy(x: x, y: y, first: i, second: j, stiffness: k, restLength: rest)
  } else {
    let stretch =
      TracedVector.hypot(x.gathering(i) - x.gathering(j), y.gathering(i) - y.gathering(j))
      - tape.variables(rest)
    energy = (tape.variables(k) * stretch * stretch).sum() * T(0.5)
  }
  tape.backward(from: energy)
  return [energy.value] + Array(tape.adjoints(of: x)) + Array(tape.adjoints(of: y))
}
