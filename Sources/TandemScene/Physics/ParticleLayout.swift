/// Where a physics scene's particles came from: each particle's id and each
/// grid or chain, so that selectors (`cloth[15,*]`, `rope[-1]`) can be
/// resolved to the engine's particle indices.
///
/// The engine's `SystemDescription` lists particles and springs in this order:
/// - particles: the `particles:` list in file order, then each grid in file
///   order, row-major (`cloth[0,0]`, `cloth[0,1]`, …), then each chain from
///   index 0;
/// - springs: the `springs:` list, then each grid's springs (horizontal
///   (r,c)–(r,c+1) row-major, then vertical (r,c)–(r+1,c) row-major, then with
///   shear for each cell row-major (r,c)–(r+1,c+1) followed by (r,c+1)–(r+1,c),
///   then with bending (r,c)–(r,c+2) row-major, then (r,c)–(r+2,c) row-major),
///   then each chain's (i)–(i+1). The first index of a spring is the one listed first.
public struct ParticleLayout: Hashable, Sendable {
  /// A grid or chain: where its particles sit in the particle list.
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

  /// Every particle's id, in particle order: as written, or `cloth[r,c]` and
  /// `rope[i]` for grid and chain particles.
  public private(set) var ids: [String] = []
  /// The grids and chains, grids first, each in file order.
  public private(set) var groups: [Group] = []
  private var indexByID: [String: Int] = [:]

  /// An empty layout.
  public init() {}

  /// The index of the particle with this id (`ball`, `cloth[3,4]`, `rope[2]`), if any.
  /// Negative chain and grid indices are not accepted here; use ``resolve(_:)``.
  public func index(of id: String) -> Int? { indexByID[id] }

  /// Appends a particle; the caller has checked that its id is new.
  mutating func append(particle id: String) {
    indexByID[id] = ids.count
    ids.append(id)
  }

  /// Records a grid or chain whose particles were just appended.
  mutating func append(group id: String, shape: Group.Shape, from start: Int) {
    groups.append(Group(id: id, shape: shape, particles: start..<ids.count))
  }

  /// Whether a particle, grid or chain already has this id.
  func isTaken(_ id: String) -> Bool {
    indexByID[id] != nil || groups.contains { $0.id == id }
  }
}
