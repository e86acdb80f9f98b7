import TandemAD
import TandemPhysics

extension ExpandedScene {
  /// The simulation this scene describes, with every number a ``Quantity``
  /// indexing into the scene's parameter vector.
  func simulationDescription(parameterIndices indices: [String: Int]) -> SimulationDescription {
    let system = SystemDescription(
      particles: particles.map { particle in
        TandemPhysics.ParticleDescription(
          name: particle.id, position: particle.position.quantities(indices),
          velocity: particle.velocity.quantities(indices), mass: particle.mass.quantity(indices),
          isPinned: particle.isPinned)
      },
      springs: springs.map { spring in
        TandemPhysics.SpringDescription(
          between: (spring.first, spring.second), stiffness: spring.stiffness.quantity(indices),
          restLength: spring.rest?.quantity(indices), damping: spring.damping.quantity(indices))
      },
      pairPotentials: potentials.map { potential in
        PairPotentialDescription(
          between: (potential.first, potential.second),
          strength: potential.strength.quantity(indices))
      },
      gravity: world.gravity.quantities(indices),
      drag: world.drag.quantity(indices),
      ground: world.ground.map { ground in
        TandemPhysics.GroundDescription(
          height: ground.height.quantity(indices), stiffness: ground.stiffness.quantity(indices),
          damping: ground.damping.quantity(indices))
      })
    return SimulationDescription(
      system: system,
      integrator: integrator,
      timeStep: dt.quantity(indices),
      steps: steps,
      stop: stop.map { stop in
        TandemPhysics.StopCondition(
          particle: stop.particle, axis: stop.axis,
          crossing: stop.crossing,
          threshold: stop.value.quantity(indices))
      },
      objective: objective.map { term in
        TandemPhysics.ObjectiveTerm(
          term.measure.kind(indices), weight: term.weight.quantity(indices))
      })
  }
}

extension ExpandedScene.Term.Measure {
  /// The physics module's objective term for this measure.
  func kind(_ indices: [String: Int]) -> TandemPhysics.ObjectiveTerm.Kind {
    switch self {
    case let .coordinate(particles, axis, target):
      .coordinate(
        particles: particles, axis: axis,
        target: target.quantity(indices))
    case let .position(particles, target):
      .position(particles: particles, target: target.quantities(indices))
    case let .distance(first, second, target):
      .distance(between: (first, second), target: target.quantity(indices))
    case .kineticEnergy(let particles):
      .kineticEnergy(particles: particles)
    }
  }
}

extension SceneDescription {
  /// The simulation a physics scene describes, with its expansion (particle
  /// ids, groups) for output and drawing.
  ///
  /// - Throws: ``SceneError`` when the scene is a training scene or does not expand.
  public func simulation() throws -> (description: SimulationDescription, scene: ExpandedScene) {
    guard let physics else {
      throw SceneError(
        file: sourceMap.file, location: nil, path: ScenePath(),
        message: "this is a training scene, not a physics scene",
        suggestion: nil)
    }
    let expanded = try physics.expanded()
    return (expanded.simulationDescription(parameterIndices: parameterIndices), expanded)
  }
}
