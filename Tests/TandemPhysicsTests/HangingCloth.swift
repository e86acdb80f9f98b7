import TandemAD
import TandemPhysics

/// Benchmark B1 of the specification (shared/bench/SPEC.md), built directly:
/// an n×n cloth, spacing 0.1, unit masses, structural and shear springs at
/// their initial lengths, pinned at (0, 0) and (0, n−1), drag c, stiffness k,
/// semi-implicit Euler with step dt; parameters [k, c, dt].
enum HangingCloth {
  static let defaults: [Double] = [400, 0.5, 0.002]

  static func description(n: Int = 16, steps: Int = 1000) -> SimulationDescription {
    let spacing = 0.1
    func id(_ r: Int, _ c: Int) -> Int { r * n + c }
    var particles: [ParticleDescription] = []
    for r in 0..<n {
      for c in 0..<n {
        particles.append(
          ParticleDescription(
            name: "cloth[\(r),\(c)]",
            position: [.constant(Double(c) * spacing), .constant(-Double(r) * spacing)],
            mass: 1, isPinned: r == 0 && (c == 0 || c == n - 1)))
      }
    }
    var pairs: [(Int, Int)] = []
    for r in 0..<n { for c in 0..<(n - 1) { pairs.append((id(r, c), id(r, c + 1))) } }
    for r in 0..<(n - 1) { for c in 0..<n { pairs.append((id(r, c), id(r + 1, c))) } }
    for r in 0..<(n - 1) { for c in 0..<(n - 1) { pairs.append((id(r, c), id(r + 1, c + 1))) } }
    for r in 0..<(n - 1) { for c in 0..<(n - 1) { pairs.append((id(r, c + 1), id(r + 1, c))) } }
    let system = SystemDescription(
      particles: particles,
      springs: pairs.map { SpringDescription(between: $0, stiffness: .parameter(0)) },
      gravity: [0, -9.81], drag: .parameter(1))
    let bottom = (0..<n).map { id(n - 1, $0) }
    return SimulationDescription(
      system: system, integrator: .semiImplicitEuler, timeStep: .parameter(2), steps: steps,
      objective: [
        ObjectiveTerm(
          .coordinate(
            particles: bottom, axis: .y, target: .constant(-Double(n - 1) * spacing - 0.5)))
      ])
  }
}
