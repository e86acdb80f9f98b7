import RealModule
import TandemAD

/// Semi-implicit (symplectic) Euler, first order: v ← v + dt·a(x, v), then
/// x ← x + dt·v with the new v.
///
/// Reversed by hand (``HandReversibleScheme``) when every force of the
/// system is a ``HandReversibleForce``: checkpointed reverse mode then
/// records nothing per step.
public struct SemiImplicitEuler: HandReversibleScheme {
  /// The scheme.
  public init() {}
  /// "semi-implicit-euler".
  public var name: String { "semi-implicit-euler" }
  /// 1.
  public var order: Int { 1 }

  /// One evaluation of a, then one fused pass over the state.
  @inlinable
  public func stepper<T: Scalar>(for system: ParticleSystem<T>) -> Stepper<T> {
    let scratch = StepScratch(for: system)
    return Stepper { state, system, dt in
      var buffers = scratch.take()
      defer { scratch.keep(buffers) }
      buffers.evaluate(system, state)
      // On buffers: one uniqueness and bounds check per array per step, not
      // per element.
      buffers.acceleration.withUnsafeBufferPointer { a in
        state.velocities.withUnsafeMutableBufferPointer { v in
          state.positions.withUnsafeMutableBufferPointer { x in
            precondition(a.count >= x.count && v.count == x.count)
            for k in 0..<x.count {
              v[k] += dt * a[k]
              x[k] += dt * v[k]
            }
          }
        }
      }
    }
  }

  /// The step is a = −∇U(x)·w + a_f(x, v) (zero for a pinned particle, whose
  /// w is 0), v′ = v + dt·a, x′ = x + dt·v′, with U and a_f the forces' (see
  /// ``HandReversal``) and w the inverse masses. With ṽ = v̄′ + dt·x̄′ and
  /// ā = dt·ṽ (0 when pinned): v̄ = ṽ + (∂a_f/∂v)ᵀ·ā, x̄ = x̄′ + H·(−ā·w) +
  /// (∂a_f/∂x)ᵀ·ā, dt̄ = x̄′·v′ + ṽ·a, w̄ᵢ = −Σₐ āₐᵢ·(∇U)ₐᵢ; each force adds its
  /// part of these and its quantities' adjoints.
  @inlinable
  public func reverseStep(
    from state: ParticleState<Double>, of system: ParticleSystem<Double>, dt: Double,
    reversals: [HandReversal], adjoint: inout [Double], quantityAdjoints: inout [Double],
    scratch: inout [Double]
  ) {
    let (n, coordinates) = (system.count, system.dimension * system.count)
    precondition(adjoint.count == 2 * coordinates, "an adjoint of another state")
    // Scratch: ∇U, the velocity-dependent acceleration, then ḡ = −ā·w (the
    // adjoint of ∇U) and ā.
    if scratch.count < 4 * coordinates { scratch = [Double](repeating: 0, count: 4 * coordinates) }
    // On buffers: one bounds check per array per step, not per element.
    withBuffers(&scratch, &adjoint, &quantityAdjoints) { scratch, adjoint, bars in
      let base = scratch.baseAddress!
      let (gradient, forced) = (base, base + coordinates)
      let (gradientBar, accelerationBar) = (base + 2 * coordinates, base + 3 * coordinates)
      let (xBar, vBar) = (adjoint.baseAddress!, adjoint.baseAddress! + coordinates)
      state.positions.withUnsafeBufferPointer { xs in
        state.velocities.withUnsafeBufferPointer { vs in
          system.inverseMasses.withUnsafeBufferPointer { w in
            system.isPinned.withUnsafeBufferPointer { pinned in
              let (x, v) = (xs.baseAddress!, vs.baseAddress!)
              // Offsets of the quantities' adjoints: w, m, the forces', dt.
              let (wBar, mBar, dtBar) = (0, n, bars.count - 1)
              gradient.update(repeating: 0, count: coordinates)
              forced.update(repeating: 0, count: coordinates)
              for reversal in reversals {
                reversal.addGradient?(x, gradient)
                reversal.addAcceleration?(x, v, forced)
              }
              // The step's own adjoints, ā, and ḡ = −ā·w.
              var stepDt = 0.0
              for a in 0..<system.dimension {
                for i in 0..<n {
                  let index = a * n + i
                  let acceleration = pinned[i] ? 0 : -gradient[index] * w[i] + forced[index]
                  let velocity = v[index] + dt * acceleration
                  let (xBarAfter, vBarAfter) = (xBar[index], vBar[index])
                  let vTilde = vBarAfter + dt * xBarAfter
                  stepDt += xBarAfter * velocity + vTilde * acceleration
                  let aBar = pinned[i] ? 0 : dt * vTilde
                  vBar[index] = vTilde
                  accelerationBar[index] = aBar
                  bars[wBar + i] -= aBar * gradient[index]
                  gradientBar[index] = -aBar * w[i]
                }
              }
              bars[dtBar] += stepDt
              // Each force's pull-back, into x̄, v̄ and its quantities.
              let offsets = system.field.quantityOffsets
              for (reversal, offset) in zip(reversals, offsets) {
                let adjoints = QuantityAdjoints(
                  own: bars.baseAddress! + 2 * n + offset, masses: bars.baseAddress! + mBar)
                reversal.pullBackAcceleration?(x, v, accelerationBar, xBar, vBar, adjoints)
                reversal.pullBackGradient?(x, gradientBar, xBar, adjoints)
              }
            }
          }
        }
      }
    }
  }
}

extension Integrator {
  /// Semi-implicit Euler (``SemiImplicitEuler``).
  public static let semiImplicitEuler = Integrator(SemiImplicitEuler())
}
