import RealModule
import TandemAD

/// Advances a ``ParticleState`` by one step of an ``Integrator``.
///
/// Holds the force field and every scratch buffer an integrator needs, so a
/// step allocates nothing once the stepper exists. The state's coordinates
/// and velocities are flat arrays (see ``ParticleState``), so every update
/// is one loop over all of them, whatever the dimension.
public struct TimeStepper<T: Scalar> {
  /// The scheme.
  public let integrator: Integrator
  /// The force field (and its tape).
  public let field: ForceField<T>
  /// The acceleration at the last evaluated state, axis-major.
  @usableFromInline var acceleration: [T]
  @usableFromInline var stage: ParticleState<T>
  @usableFromInline var sum: ParticleState<T>
  /// Whether `acceleration` holds the acceleration at the current state
  /// (velocity Verlet without velocity-dependent forces).
  @usableFromInline var hasCachedAcceleration = false
  @usableFromInline let forcesDependOnVelocity: Bool

  /// Creates a stepper for `system`.
  public init(_ integrator: Integrator, for system: ParticleSystem<T>) {
    self.integrator = integrator
    field = ForceField(for: system)
    stage = ParticleState(dimension: system.dimension, zerosFor: system.count)
    acceleration = stage.positions
    sum = stage
    forcesDependOnVelocity = system.forcesDependOnVelocity
  }

  /// Forgets any cached acceleration; call after changing the state or the
  /// system other than by ``step(_:of:dt:)``.
  @inlinable
  public mutating func invalidateCache() { hasCachedAcceleration = false }

  /// Evaluates a(x, v) of `state` into the stepper's acceleration buffer.
  @inlinable
  @discardableResult
  mutating func evaluate(_ system: ParticleSystem<T>, _ state: ParticleState<T>) -> T {
    field.accelerations(of: system, at: state, into: &acceleration)
  }

  /// Advances `state` by `dt`.
  @inlinable
  public mutating func step(_ state: inout ParticleState<T>, of system: ParticleSystem<T>, dt: T) {
    switch integrator {
    case .euler:
      evaluate(system, state)
      for k in state.positions.indices {
        state.positions[k] += dt * state.velocities[k]
        state.velocities[k] += dt * acceleration[k]
      }
    case .semiImplicitEuler:
      evaluate(system, state)
      // On buffers: one uniqueness and bounds check per array per step, not
      // per element.
      acceleration.withUnsafeBufferPointer { a in
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
    let half = T(0.5) * dt
    if !hasCachedAcceleration || forcesDependOnVelocity { evaluate(system, state) }
    for k in state.positions.indices {
      state.velocities[k] += half * acceleration[k]  // half-step velocity
      state.positions[k] += dt * state.velocities[k]
    }
    evaluate(system, state)
    for k in state.velocities.indices { state.velocities[k] += half * acceleration[k] }
    hasCachedAcceleration = true
  }

  @inlinable
  mutating func stepRungeKutta(_ state: inout ParticleState<T>, of system: ParticleSystem<T>, dt: T)
  {
    let half = T(0.5) * dt
    let indices = state.positions.indices
    // sum accumulates k1 + 2·k2 + 2·k3 + k4 for x (in positions) and v (in velocities).
    evaluate(system, state)  // k1 = (v, a(x, v))
    for k in indices {
      sum.positions[k] = state.velocities[k]
      sum.velocities[k] = acceleration[k]
      stage.positions[k] = state.positions[k] + half * state.velocities[k]
      stage.velocities[k] = state.velocities[k] + half * acceleration[k]
    }
    for (weight, fraction) in [(T(2), half), (T(2), dt)] {  // k2 then k3
      evaluate(system, stage)
      for k in indices {
        let v = stage.velocities[k]
        sum.positions[k] += weight * v
        sum.velocities[k] += weight * acceleration[k]
        stage.positions[k] = state.positions[k] + fraction * v
        stage.velocities[k] = state.velocities[k] + fraction * acceleration[k]
      }
    }
    evaluate(system, stage)  // k4
    let sixth = dt / T(6)
    for k in indices {
      state.positions[k] += sixth * (sum.positions[k] + stage.velocities[k])
      state.velocities[k] += sixth * (sum.velocities[k] + acceleration[k])
    }
  }
}
