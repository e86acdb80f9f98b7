import RealModule
import TandemAD

extension Simulation {
  /// The realised numbers a step reads that may depend on the parameters,
  /// in the order of ``reverseStepByHand(adjoint:quantityAdjoints:)``'s
  /// `quantityAdjoints`: the inverse masses, the masses, gravity, the
  /// springs' stiffnesses and rest lengths, the drag and the step size.
  @inlinable
  public var realisedQuantities: [T] {
    system.inverseMasses + system.masses + system.gravity + system.springStiffness
      + system.springRestLength + [system.drag, timeStep]
  }
}

extension SimulationDescription {
  /// Whether ``Simulation/reverseStepByHand(adjoint:quantityAdjoints:)``
  /// covers this simulation's steps: the semi-implicit Euler integrator with
  /// gravity, drag, pinned particles and springs without dashpots, and no
  /// pair potential, ground, stop condition or observed motion. Other steps
  /// are reversed by recording them.
  @inlinable
  public var stepsReverseByHand: Bool {
    integrator == .semiImplicitEuler && stop == nil && observations.isEmpty
      && system.pairPotentials.isEmpty
      && system.ground == nil && system.springs.allSatisfy(\.damping.isIdenticallyZero)
  }
}

extension Simulation where T == Double {
  /// Whether ``reverseStepByHand(adjoint:quantityAdjoints:)`` covers this
  /// simulation's steps: ``SimulationDescription/stepsReverseByHand``, read
  /// from the realised system (asked at every step, it must cost nothing:
  /// walking the description's springs cost a third of B4's reverse step).
  @inlinable
  public var reversesStepsByHand: Bool {
    description.integrator == .semiImplicitEuler && description.stop == nil
      && system.pairStrength.isEmpty && system.ground == nil && !system.hasDashpots
  }

  /// Carries `adjoint` (of the positions, then the velocities, after the
  /// step from the current state) back through that step, by hand, and adds
  /// the step's adjoints of the ``realisedQuantities`` to `quantityAdjoints`.
  /// The state does not change.
  ///
  /// The step is a = −∇U(x)·w − c·v (zero for a pinned particle, whose w is
  /// 0), v′ = v + dt·a, x′ = x + dt·v′, with U = −Σᵢ mᵢ·(g·xᵢ) + Σ_s ½·k_s·(ℓ_s − L_s)²
  /// and w the inverse masses. With ṽ = v̄′ + dt·x̄′ and ā = dt·ṽ (0 when pinned):
  /// x̄ = x̄′ + H·(−ā·w), v̄ = ṽ − c·ā, dt̄ = x̄′·v′ + ṽ·a, c̄ = −ā·v,
  /// w̄ᵢ = −Σₐ āₐᵢ·(∇U)ₐᵢ; the springs' part of H·(−ā·w) and their k̄ and L̄ are
  /// the pull-back of the spring gradient (see ``SpringGradientOperation``),
  /// gravity's part gives m̄ and ḡ.
  ///
  /// - Precondition: ``reversesStepsByHand``.
  @inlinable
  public func reverseStepByHand(adjoint: inout [Double], quantityAdjoints: inout [Double]) {
    let workspace = self.workspace
    let (n, dimension) = (system.count, system.dimension)
    let coordinates = dimension * n
    let springs = system.springStiffness.count
    precondition(adjoint.count == 2 * coordinates, "an adjoint of another state")
    precondition(quantityAdjoints.count == 2 * n + dimension + 2 * springs + 2)
    let (c, dt) = (system.drag, timeStep)
    // Scratch, kept from step to step: ∇U, then ḡ = −ā·w (the adjoint of
    // ∇U), then each spring's length (measured once, for ∇U and its pull-back).
    workspace.reserve(2 * coordinates + springs)
    // On buffers: one bounds check per array per step, not per element.
    withBuffers(&workspace.buffer, &adjoint, &quantityAdjoints) { scratch, adjoint, bars in
      let (gradient, gradientBar) = (scratch.baseAddress!, scratch.baseAddress! + coordinates)
      let lengths = scratch.baseAddress! + 2 * coordinates
      state.positions.withUnsafeBufferPointer { xs in
        state.velocities.withUnsafeBufferPointer { vs in
          system.springStiffness.withUnsafeBufferPointer { k in
            system.springRestLength.withUnsafeBufferPointer { rest in
              system.springEnds.first.withUnsafeBufferPointer { first in
                system.springEnds.second.withUnsafeBufferPointer { second in
                  system.inverseMasses.withUnsafeBufferPointer { w in
                    system.masses.withUnsafeBufferPointer { m in
                      system.isPinned.withUnsafeBufferPointer { pinned in
                        let (x, v) = (xs.baseAddress!, vs.baseAddress!)
                        let gravity = system.gravity
                        // Offsets of the quantities' adjoints.
                        let (wBar, mBar, gravityBar) = (0, n, 2 * n)
                        let (kBar, restBar) = (2 * n + dimension, 2 * n + dimension + springs)
                        let cBar = 2 * n + dimension + 2 * springs
                        let dtBar = cBar + 1
                        // ∇U at x: gravity's part, then the springs'.
                        for a in 0..<dimension {
                          for i in 0..<n { gradient[a * n + i] = -m[i] * gravity[a] }
                        }
                        for s in 0..<springs {
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
                        // The step's own adjoints, and ḡ = −ā·w.
                        var (stepDt, stepC) = (0.0, 0.0)
                        for a in 0..<dimension {
                          for i in 0..<n {
                            let index = a * n + i
                            let acceleration =
                              pinned[i] ? 0 : -gradient[index] * w[i] - c * v[index]
                            let velocity = v[index] + dt * acceleration
                            let (xBar, vBar) = (adjoint[index], adjoint[coordinates + index])
                            let vTilde = vBar + dt * xBar
                            stepDt += xBar * velocity + vTilde * acceleration
                            let aBar = pinned[i] ? 0 : dt * vTilde
                            adjoint[coordinates + index] = vTilde - c * aBar
                            stepC -= aBar * v[index]
                            bars[wBar + i] -= aBar * gradient[index]
                            gradientBar[index] = -aBar * w[i]
                          }
                        }
                        bars[dtBar] += stepDt
                        bars[cBar] += stepC
                        // Gravity's part of ∇U: −mᵢ·gₐ.
                        for a in 0..<dimension {
                          var total = 0.0
                          for i in 0..<n {
                            bars[mBar + i] -= gradientBar[a * n + i] * gravity[a]
                            total += gradientBar[a * n + i] * m[i]
                          }
                          bars[gravityBar + a] -= total
                        }
                        // The springs' part: H·ḡ into x̄, and k̄, L̄.
                        for s in 0..<springs {
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
                          bars[kBar + s] += kStep
                          bars[restBar + s] += restStep
                          for a in 0..<dimension {
                            adjoint[a * n + i] += dBar[a]
                            adjoint[a * n + j] -= dBar[a]
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

/// Scratch storage that a simulation keeps across the steps it reverses by
/// hand, so that reversing a step allocates nothing. A class, so that the
/// non-mutating reverse step can reuse it; every copy of a simulation
/// shares it, which is safe because a step's reversal uses it only while
/// it runs, and copies are not reversed at once on several threads (each
/// run, and each thread, makes its own simulation).
public final class ReverseWorkspace: @unchecked Sendable {
  /// The scratch numbers.
  @usableFromInline var buffer: [Double] = []

  /// An empty workspace.
  public init() {}

  /// Makes room for at least `count` numbers.
  @inlinable
  func reserve(_ count: Int) {
    if buffer.count < count { buffer = [Double](repeating: 0, count: count) }
  }
}

/// Runs `body` with mutable buffers of three arrays.
@inlinable
func withBuffers<R>(
  _ a: inout [Double], _ b: inout [Double], _ c: inout [Double],
  _ body: (
    UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
    UnsafeMutableBufferPointer<Double>
  ) -> R
) -> R {
  a.withUnsafeMutableBufferPointer { a in
    b.withUnsafeMutableBufferPointer { b in c.withUnsafeMutableBufferPointer { c in body(a, b, c) }
    }
  }
}
