import RealModule
import TandemAD
import TandemProcess

/// A Hookean spring between two particles, U = ½·k·(‖xᵢ − xⱼ‖ − L)², with an
/// optional dashpot damping the relative velocity along the spring's axis
/// (realised by ``Dashpots``).
public struct SpringDescription: Sendable {
  /// The two particles' indices.
  public var between: (Int, Int)
  /// Stiffness k.
  public var stiffness: Quantity
  /// Rest length L; `nil` means the initial distance between the particles.
  public var restLength: Quantity?
  /// Dashpot coefficient: force −d·((vᵢ − vⱼ)·n̂)·n̂ on particle i.
  public var damping: Quantity

  /// Creates a spring.
  public init(
    between: (Int, Int), stiffness: Quantity, restLength: Quantity? = nil, damping: Quantity = 0
  ) {
    self.between = between
    self.stiffness = stiffness
    self.restLength = restLength
    self.damping = damping
  }
}

/// Hookean springs, U = Σ_s ½·k_s·(ℓ_s − L_s)² with ℓ_s the distance between
/// the spring's ends (their dashpots are ``Dashpots``).
///
/// Recorded as at most two bulk nodes whatever the number of springs: on
/// `Double` and duals over it the springs of ``SpringFamilies`` as one node
/// that saves its whole gradient, and the others as one fused edge-loop node
/// (``TandemAD/Tape/springEnergy(positions:dimension:first:second:stiffness:restLength:)``).
/// Its quantities are the stiffnesses, then the rest lengths, in the
/// springs' order. Guard: a zero-length spring gives a zero force, not NaN.
public struct Springs: HandReversibleForce {
  /// The springs, in order.
  public var springs: [SpringDescription]

  /// The springs `springs`.
  public init(_ springs: [SpringDescription]) { self.springs = springs }

  /// The springs' energy, recorded as families and an edge loop.
  @inlinable
  public func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    let values = RealisedSprings(springs, in: context)
    let (tape, dimension) = (context.tape, context.dimension)
    let layout = SpringLayout(
      ends: (values.first, values.second), stiffness: values.stiffness,
      restLength: values.restLength)
    let first = tape.register(indices: layout.otherEnds.first)
    let second = tape.register(indices: layout.otherEnds.second)
    return RealisedForce(
      quantities: values.stiffness + values.restLength,
      addEnergy: { x, total in
        if !layout.families.families.isEmpty {
          // Eight springs at a time on contiguous coordinates (see
          // SpringFamilies), the gradient saved whole.
          total = .adding(
            tape.springFamilyEnergy(positions: x, dimension: dimension, layout: layout), to: total)
        }
        if first.count > 0 {
          // The springs of no family: one fused node with its own
          // vector-Jacobian product (see Tape.springEnergy); a chain of
          // gathers, hypot and products cost several times as much.
          total = .adding(
            tape.springEnergy(
              positions: x, dimension: dimension, first: first, second: second,
              stiffness: layout.otherStiffness, restLength: layout.otherRestLength), to: total)
        }
      }, shape: values)
  }
}

/// A set of springs realised on `T`: ends, stiffnesses and rest lengths, one
/// entry per spring (a ``Springs`` force's ``RealisedForce/shape``).
public struct RealisedSprings<T: Scalar> {
  /// The first end of each spring.
  public var first: [Int]
  /// The second end of each spring.
  public var second: [Int]
  /// The stiffness of each spring.
  public var stiffness: [T]
  /// The rest length of each spring: given, or the initial distance.
  public var restLength: [T]

  /// Realises `springs` with `context`.
  @inlinable
  public init(_ springs: [SpringDescription], in context: ForceContext<T>) {
    first = springs.map(\.between.0)
    second = springs.map(\.between.1)
    stiffness = springs.map { context.value($0.stiffness) }
    restLength = springs.map { spring -> T in
      if let rest = spring.restLength { return context.value(rest) }
      return context.initialState.distance(between: spring.between.0, and: spring.between.1)
    }
  }

  /// No springs.
  public init() { (first, second, stiffness, restLength) = ([], [], [], []) }

  /// The number of springs.
  public var count: Int { first.count }
}

extension SystemDescription {
  /// Every spring of the system's ``Springs`` forces, in order.
  public var springs: [SpringDescription] {
    forces.flatMap { ($0 as? Springs)?.springs ?? [] }
  }
}

extension ParticleSystem {
  /// Every spring of the system's ``Springs`` forces, realised, in order
  /// (for drawing).
  public var springs: RealisedSprings<T> {
    var all = RealisedSprings<T>()
    for case let springs as RealisedSprings<T> in field.forces.map(\.shape) {
      all.first += springs.first
      all.second += springs.second
      all.stiffness += springs.stiffness
      all.restLength += springs.restLength
    }
    return all
  }
}

extension Springs: CatalogedForce {
  /// "springs".
  public static var catalogName: String { "springs" }
  /// A chain 0–1–2–3 and a diagonal 1–3: stiffnesses proportional to the
  /// parameter, one rest length the parameter plus 0.3, the others measured.
  public static func example(dimension: Int, parameter: Quantity) -> Springs {
    Springs([
      SpringDescription(between: (0, 1), stiffness: .scaled(parameter, by: 300)),
      SpringDescription(
        between: (1, 2), stiffness: .scaled(parameter, by: 200), restLength: parameter + 0.3),
      SpringDescription(between: (2, 3), stiffness: 150),
      SpringDescription(between: (1, 3), stiffness: .scaled(parameter, by: 80)),
    ])
  }
}
