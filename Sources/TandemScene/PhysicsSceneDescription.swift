/// The physics part of a scene, as written: the world, the particles and the
/// groups that make particles (grids, chains), the forces between them, how to
/// step it, and the loss on its end state.
///
/// Particle selectors are kept as written; ``expanded()`` turns grids and
/// chains into explicit particles and every selector into particle indices.
public struct PhysicsSceneDescription: Hashable, Sendable {
  /// Gravity, drag and the ground.
  public var world: WorldDescription
  /// The `particles:` list.
  public var particles: [SceneParticle]
  /// The `springs:` list.
  public var springs: [SceneSpring]
  /// The `potentials:` list.
  public var potentials: [PotentialDescription]
  /// The `grids:` list.
  public var grids: [GridDescription]
  /// The `chains:` list.
  public var chains: [ChainDescription]
  /// The `simulation:` block.
  public var simulation: SimulationSettings
  /// The `objective:` terms, summed; empty when the scene has no objective.
  public var objective: [SceneObjectiveTerm]

  /// A description from its parts.
  public init(
    world: WorldDescription = WorldDescription(), particles: [SceneParticle] = [],
    springs: [SceneSpring] = [], potentials: [PotentialDescription] = [],
    grids: [GridDescription] = [], chains: [ChainDescription] = [], simulation: SimulationSettings,
    objective: [SceneObjectiveTerm] = []
  ) {
    self.world = world
    self.particles = particles
    self.springs = springs
    self.potentials = potentials
    self.grids = grids
    self.chains = chains
    self.simulation = simulation
    self.objective = objective
  }
}

/// The `world:` block.
public struct WorldDescription: Hashable, Sendable {
  /// Gravitational acceleration; default `[0, -9.81]`.
  public var gravity: SceneVector
  /// Linear drag c: every free particle feels the acceleration −c·v; default 0.
  public var drag: SceneNumber
  /// A penalty ground plane, if any.
  public var ground: SceneGround?

  /// A world from its fields, each with the documented default.
  public init(
    gravity: SceneVector = SceneVector(x: 0, y: -9.81), drag: SceneNumber = 0,
    ground: SceneGround? = nil
  ) {
    self.gravity = gravity
    self.drag = drag
    self.ground = ground
  }
}

/// The `ground:` block: the plane y = height, pushing back with
/// U = ½·stiffness·(height − y)² below it, and damping the normal velocity
/// while in contact.
public struct SceneGround: Hashable, Sendable {
  /// The plane's height; default 0.
  public var height: SceneNumber
  /// The penalty stiffness (required).
  public var stiffness: SceneNumber
  /// Damping of the normal velocity in contact; default 0.
  public var damping: SceneNumber

  /// A ground from its fields.
  public init(height: SceneNumber = 0, stiffness: SceneNumber, damping: SceneNumber = 0) {
    self.height = height
    self.stiffness = stiffness
    self.damping = damping
  }
}
