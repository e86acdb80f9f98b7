import TandemAD
import TandemPhysics

/// The spring energy ½·Σ k·(‖xᵢ − xⱼ‖ − L)² and its gradient, recorded either
/// as the fused node or as the chain of generic bulk nodes it replaces
/// (gathers, nested hypots, products, a sum); `coordinates` holds one array
/// per axis (two or three). Returns the energy followed by the gradient,
/// axis-major (∂E/∂x, then ∂E/∂y, then ∂E/∂z).
func springEnergyAndGradient<T: Scalar>(
  coordinates: [[T]], first: [Int], second: [Int], stiffness k: [T], restLength rest: [T],
  fused: Bool
) -> [T] {
  let tape = Tape<T>()
  let (i, j) = (tape.register(indices: first), tape.register(indices: second))
  let points = coordinates[0].count
  let positions = tape.variables(coordinates.flatMap { $0 })
  let energy: Traced<T>
  if fused {
    energy = tape.springEnergy(
      positions: positions, dimension: coordinates.count, first: i, second: j, stiffness: k,
      restLength: rest)
  } else {
    func difference(_ a: Int) -> TracedVector<T> {
      let axis = positions[(a * points)..<((a + 1) * points)]
      return axis.gathering(i) - axis.gathering(j)
    }
    var length = TracedVector.hypot(difference(0), difference(1))
    for a in 2..<coordinates.count { length = TracedVector.hypot(length, difference(a)) }
    let stretch = length - tape.variables(rest)
    energy = (tape.variables(k) * stretch * stretch).sum() * T(0.5)
  }
  tape.backward(from: energy)
  return [energy.value] + Array(tape.adjoints(of: positions))
}

/// The same energy and gradient as ``springEnergyAndGradient(coordinates:first:second:stiffness:restLength:fused:)``,
/// through the force field's route: the springs laid out by `SpringLayout`,
/// the families' node (`Tape.springFamilyEnergy`) plus the fused node for
/// the springs in no family. Also returns the layout, so a test can check
/// that families were formed.
func springFamilyEnergyAndGradient<T: Scalar>(
  coordinates: [[T]], first: [Int], second: [Int], stiffness k: [T], restLength rest: [T]
) -> (values: [T], layout: SpringLayout<T>) {
  let layout = SpringLayout(ends: (first, second), stiffness: k, restLength: rest)
  let tape = Tape<T>()
  let others = layout.otherEnds
  let (i, j) = (tape.register(indices: others.first), tape.register(indices: others.second))
  let positions = tape.variables(coordinates.flatMap { $0 })
  let dimension = coordinates.count
  var energy = tape.variable(.zero)
  if !layout.families.families.isEmpty {
    energy = tape.springFamilyEnergy(positions: positions, dimension: dimension, layout: layout)
  }
  if !others.first.isEmpty {
    energy += tape.springEnergy(
      positions: positions, dimension: dimension, first: i, second: j,
      stiffness: layout.otherStiffness, restLength: layout.otherRestLength)
  }
  tape.backward(from: energy)
  return ([energy.value] + Array(tape.adjoints(of: positions)), layout)
}
