import RealModule
import TandemAD
import TandemProcess

/// What a force is realised from: the system's particles realised on `T`,
/// the initial state, the parameters' values and the tape the step records
/// on (for index lists a bulk node reads, registered once).
public struct ForceContext<T: Scalar> {
  /// The tape of the system's force field.
  public let tape: Tape<T>
  /// The number of dimensions, 2 or 3.
  public let dimension: Int
  /// The number of particles.
  public let count: Int
  /// Mass of each particle.
  public let masses: [T]
  /// 1/m of each particle, 0 for a pinned one.
  public let inverseMasses: [T]
  /// Whether each particle is pinned.
  public let isPinned: [Bool]
  /// The initial state (rest lengths that default to the initial distance
  /// are measured on it).
  public let initialState: ParticleState<T>
  /// The parameters' values.
  public let parameters: [T]

  /// A context from its parts.
  @inlinable
  public init(
    tape: Tape<T>, dimension: Int, count: Int, masses: [T], inverseMasses: [T], isPinned: [Bool],
    initialState: ParticleState<T>, parameters: [T]
  ) {
    self.tape = tape
    self.dimension = dimension
    self.count = count
    self.masses = masses
    self.inverseMasses = inverseMasses
    self.isPinned = isPinned
    self.initialState = initialState
    self.parameters = parameters
  }

  /// The value of `quantity` with the context's parameters.
  @inlinable
  public func value(_ quantity: Quantity) -> T { quantity.value(in: parameters) }

  /// Axis `axis` of the recorded axis-major `positions` (every particle's
  /// coordinate along it).
  @inlinable
  public func axis(_ axis: Int, of positions: TracedVector<T>) -> TracedVector<T> {
    positions[(axis * count)..<((axis + 1) * count)]
  }
}
