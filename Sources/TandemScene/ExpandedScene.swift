import TandemPhysics
/// A physics scene flattened for a simulator: one list of particles (grids and
/// chains spelled out), springs and potentials that refer to particles by
/// index, and objective terms and the stop condition resolved to indices.
///
/// Numbers stay symbolic (``SceneNumber``). Build one with
/// ``PhysicsSceneDescription/expanded()``.
///
/// The order is fixed:
/// - particles: the `particles:` list in file order, then each grid in file
///   order, row-major (`cloth[0,0]`, `cloth[0,1]`, …), then each chain from
///   index 0;
/// - springs: the `springs:` list, then each grid's springs (horizontal
///   (r,c)–(r,c+1) row-major, then vertical (r,c)–(r+1,c) row-major, then with
///   shear for each cell row-major (r,c)–(r+1,c+1) followed by (r,c+1)–(r+1,c)),
///   then each chain's (i)–(i+1). The first index of a spring is the one listed first.
public struct ExpandedScene: Hashable, Sendable {
  /// One particle.
  public struct Particle: Hashable, Sendable {
    /// The id: as written, or `cloth[r,c]` and `rope[i]` for grid and chain particles.
    public var id: String
    /// The initial position.
    public var position: SceneVector
    /// The initial velocity (zero for grid and chain particles).
    public var velocity: SceneVector
    /// The mass.
    public var mass: SceneNumber
    /// Whether the particle never moves.
    public var isPinned: Bool

    /// A particle from its fields.
    public init(
      id: String, position: SceneVector, velocity: SceneVector = .zero, mass: SceneNumber,
      isPinned: Bool
    ) {
      self.id = id
      self.position = position
      self.velocity = velocity
      self.mass = mass
      self.isPinned = isPinned
    }
  }

  /// One spring between two particles given by index.
  public struct Spring: Hashable, Sendable {
    /// The index of one end.
    public var first: Int
    /// The index of the other end.
    public var second: Int
    /// The stiffness.
    public var stiffness: SceneNumber
    /// The rest length, or `nil` for the initial distance between the ends
    /// (always `nil` for grid and chain springs).
    public var rest: SceneNumber?
    /// Damping along the spring's axis.
    public var damping: SceneNumber

    /// A spring from its fields.
    public init(
      first: Int, second: Int, stiffness: SceneNumber, rest: SceneNumber? = nil,
      damping: SceneNumber = 0
    ) {
      self.first = first
      self.second = second
      self.stiffness = stiffness
      self.rest = rest
      self.damping = damping
    }
  }

  /// One pair potential between two particles given by index.
  public struct Potential: Hashable, Sendable {
    /// The potential's form.
    public var kind: PotentialDescription.Kind
    /// The index of one particle.
    public var first: Int
    /// The index of the other particle.
    public var second: Int
    /// The strength.
    public var strength: SceneNumber

    /// A potential from its fields.
    public init(
      kind: PotentialDescription.Kind = .inverseDistance, first: Int, second: Int,
      strength: SceneNumber
    ) {
      self.kind = kind
      self.first = first
      self.second = second
      self.strength = strength
    }
  }

  /// An objective term with its particles resolved to indices.
  public struct Term: Hashable, Sendable {
    /// What the term measures.
    public enum Measure: Hashable, Sendable {
      /// Mean over `particles` of (coordinate − target)².
      case coordinate(particles: [Int], axis: Axis, target: SceneNumber)
      /// Mean over `particles` of ‖x − target‖².
      case position(particles: [Int], target: SceneVector)
      /// (‖x_first − x_second‖ − target)².
      case distance(first: Int, second: Int, target: SceneNumber)
      /// Sum over `particles` of ½·m·‖v‖².
      case kineticEnergy(particles: [Int])
    }

    /// What the term measures.
    public var measure: Measure
    /// The term's weight.
    public var weight: SceneNumber

    /// A term from its fields.
    public init(measure: Measure, weight: SceneNumber = 1) {
      self.measure = measure
      self.weight = weight
    }
  }

  /// The stop condition with its particle resolved to an index.
  public struct Stop: Hashable, Sendable {
    /// The watched particle's index.
    public var particle: Int
    /// The watched coordinate.
    public var axis: Axis
    /// The direction of the crossing.
    public var crossing: StopCondition.Crossing
    /// The threshold.
    public var value: SceneNumber

    /// A stop condition from its fields.
    public init(
      particle: Int, axis: Axis, crossing: StopCondition.Crossing, value: SceneNumber
    ) {
      self.particle = particle
      self.axis = axis
      self.crossing = crossing
      self.value = value
    }
  }

  /// A grid or chain: where its particles sit in ``particles``.
  public struct Group: Hashable, Sendable {
    /// Its shape.
    public enum Shape: Hashable, Sendable {
      /// A grid of `rows`×`columns` particles, stored row-major.
      case grid(rows: Int, columns: Int)
      /// A chain of `count` particles.
      case chain(count: Int)
    }

    /// The grid's or chain's id.
    public var id: String
    /// Its shape.
    public var shape: Shape
    /// The indices of its particles, contiguous, in the documented order.
    public var particles: Range<Int>

    /// A group from its fields.
    public init(id: String, shape: Shape, particles: Range<Int>) {
      self.id = id
      self.shape = shape
      self.particles = particles
    }
  }

  /// Every particle, in the documented order.
  public var particles: [Particle]
  /// Every spring, in the documented order.
  public var springs: [Spring]
  /// Every pair potential, in file order.
  public var potentials: [Potential]
  /// Gravity, drag and the ground.
  public var world: WorldDescription
  /// The integrator.
  public var integrator: Integrator
  /// The time step.
  public var dt: SceneNumber
  /// The number of steps (the maximum with a stop condition).
  public var steps: Int
  /// The early stop, if any.
  public var stop: Stop?
  /// The objective's terms, in file order; empty when there is no objective.
  public var objective: [Term]
  /// The grids and chains, grids first, each in file order.
  public var groups: [Group]

  /// The index of the particle with this id (`ball`, `cloth[3,4]`, `rope[2]`), if any.
  /// Negative chain and grid indices are not accepted here; use ``resolve(_:)``.
  public func index(of id: String) -> Int? { indexByID[id] }

  var indexByID: [String: Int]
}
