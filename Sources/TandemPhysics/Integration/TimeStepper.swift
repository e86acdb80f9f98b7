import RealModule
import TandemAD

/// Advances a ``ParticleState`` by one step of an ``Integrator``.
///
/// Holds the force field and every scratch buffer an integrator needs, so a
/// step allocates nothing once the stepper exists.
public struct TimeStepper<T: Scalar> {
  /// The scheme.
  public let integrator: Integrator
  /// The force field (and its tape).
  public let field: ForceField<T>
  @usableFromInline var ax: [T]
  @usableFromInline var ay: [T]
  @usableFromInline var stage: ParticleState<T>
  @usableFromInline var sum: ParticleState<T>
  /// Whether `ax`, `ay` hold the acceleration at the current state
  /// (velocity Verlet without velocity-dependent forces).
  @usableFromInline var hasCachedAcceleration = false
  @usableFromInline let forcesDependOnVelocity: Bool

  /// Creates a stepper for `system`.
  public init(_ integrator: Integrator, for system: ParticleSystem<T>) {
    self.integrator = integrator
    field = ForceField(for: system)
    let zeros = [T](repeating: .zero, count: system.count)
    ax = zeros
    ay = zeros
    stage = ParticleState(xs: zeros, ys: zeros, vxs: zeros, vys: zeros)
    sum = stage
    forcesDependOnVelocity = system.forcesDependOnVelocity
  }

  /// Forgets any cached acceleration; call after changing the state or the
  /// system other than by ``step(_:of:dt:)``.
  @inlinable
  public mutating func invalidateCache() { hasCachedAcceleration = false }

  /// Evaluates a(x, v) of `state` into the stepper's acceleration buffers.
  @inlinable
  @discardableResult
  mutating func evaluate(_ system: ParticleSystem<T>, _ state: ParticleState<T>) -> T {
    field.accelerations(
      of: system, xs: state.xs, ys: state.ys, vxs: state.vxs, vys: state.vys, into: &ax, &ay)
  }

  /// Advances `state` by `dt`.
  @inlinable
  public mutating func step(_ state: inout ParticleState<T>, of system: ParticleSystem<T>, dt: T) {
    let n = system.count
    switch integrator {
    case .euler:
      evaluate(system, state)
      for i in 0..<n {
        state.xs[i] += dt * state.vxs[i]
        state.ys[i] += dt * state.vys[i]
        state.vxs[i] += dt * ax[i]
        state.vys[i] += dt * ay[i]
      }
    case .semiImplicitEuler:
      evaluate(system, state)
      // On buffers: one uniqueness and bounds check per array per step, not
      // per element.
      ax.withUnsafeBufferPointer { ax in
        ay.withUnsafeBufferPointer { ay in
          state.vxs.withUnsafeMutableBufferPointer { vx in
            state.vys.withUnsafeMutableBufferPointer { vy in
              state.xs.withUnsafeMutableBufferPointer { x in
                state.ys.withUnsafeMutableBufferPointer { y in
                  precondition(
                    ax.count >= n && ay.count >= n && vx.count >= n && vy.count >= n && x.count >= n
                      && y.count >= n)
                  for i in 0..<n {
                    vx[i] += dt * ax[i]
                    vy[i] += dt * ay[i]
                    x[i] += dt * vx[i]
                    y[i] += dt * vy[i]
                  }
                }
              }
            }
          }
        }
      }
    case .velocityVerlet:
      stepVelocityVerlet(&state, of: system, dt: dt)
    case .rk4:
      stepRungeKutta(&state, of: system, dt: dt)
    }
  }

  @inlinable
  mutating func stepVelocityVerlet(
    _ state: inout ParticleState<T>, of system: ParticleSystem<T>, dt: T
  ) {
    let n = system.count
    let half = T(0.5) * dt
    if !hasCachedAcceleration || forcesDependOnVelocity { evaluate(system, state) }
    for i in 0..<n {
      state.vxs[i] += half * ax[i]  // half-step velocity
      state.vys[i] += half * ay[i]
      state.xs[i] += dt * state.vxs[i]
      state.ys[i] += dt * state.vys[i]
    }
    evaluate(system, state)
    for i in 0..<n {
      state.vxs[i] += half * ax[i]
      state.vys[i] += half * ay[i]
    }
    hasCachedAcceleration = true
  }

  @inlinable
  mutating func stepRungeKutta(_ state: inout ParticleState<T>, of system: ParticleSystem<T>, dt: T)
  {
    let n = system.count
    let half = T(0.5) * dt
    // sum accumulates k1 + 2·k2 + 2·k3 + k4 for x (in xs, ys) and v (in vxs, vys).
    evaluate(system, state)  // k1 = (v, a(x, v))
    for i in 0..<n {
      sum.xs[i] = state.vxs[i]
      sum.ys[i] = state.vys[i]
      sum.vxs[i] = ax[i]
      sum.vys[i] = ay[i]
      stage.xs[i] = state.xs[i] + half * state.vxs[i]
      stage.ys[i] = state.ys[i] + half * state.vys[i]
      stage.vxs[i] = state.vxs[i] + half * ax[i]
      stage.vys[i] = state.vys[i] + half * ay[i]
    }
    for (weight, fraction) in [(T(2), half), (T(2), dt)] {  // k2 then k3
      evaluate(system, stage)
      for i in 0..<n {
        let (vx, vy) = (stage.vxs[i], stage.vys[i])
        sum.xs[i] += weight * vx
        sum.ys[i] += weight * vy
        sum.vxs[i] += weight * ax[i]
        sum.vys[i] += weight * ay[i]
        stage.xs[i] = state.xs[i] + fraction * vx
        stage.ys[i] = state.ys[i] + fraction * vy
        stage.vxs[i] = state.vxs[i] + fraction * ax[i]
        stage.vys[i] = state.vys[i] + fraction * ay[i]
      }
    }
    evaluate(system, stage)  // k4
    let sixth = dt / T(6)
    for i in 0..<n {
      state.xs[i] += sixth * (sum.xs[i] + stage.vxs[i])
      state.ys[i] += sixth * (sum.ys[i] + stage.vys[i])
      state.vxs[i] += sixth * (sum.vxs[i] + ax[i])
      state.vys[i] += sixth * (sum.vys[i] + ay[i])
    }
  }
}
