import TandemPhysics
/// One term of a physics scene's `objective:`, the end-state loss; the loss
/// is the sum of weight·term over the list.
public struct SceneObjectiveTerm: Hashable, Sendable {
  /// What the term measures.
  public enum Measure: Hashable, Sendable {
    /// `coordinate: { particles, axis, target }`: the mean over the selected
    /// particles of (coordinate − target)².
    case coordinate(particles: ParticleSelector, axis: Axis, target: SceneNumber)
    /// `position: { particles, target: [x, y] }`: the mean over the selected
    /// particles of ‖x − target‖².
    case position(particles: ParticleSelector, target: SceneVector)
    /// `distance: { between: [a, b], target }`: (‖xa − xb‖ − target)².
    case distance(between: ParticleSelector, and: ParticleSelector, target: SceneNumber)
    /// `kinetic-energy: {}` (or `{ particles }`, default `all`): the sum of ½·m·‖v‖².
    case kineticEnergy(particles: ParticleSelector)

    /// The keys a term may use: `coordinate`, `position`, `distance`, `kinetic-energy`.
    public static let names = ["coordinate", "position", "distance", "kinetic-energy"]
  }

  /// What the term measures.
  public var measure: Measure
  /// The term's weight; default 1.
  public var weight: SceneNumber

  /// A term from its fields.
  public init(_ measure: Measure, weight: SceneNumber = 1) {
    self.measure = measure
    self.weight = weight
  }
}
