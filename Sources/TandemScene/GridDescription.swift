/// One entry of `grids:`: a rectangular net of particles `id[r,c]`, row 0 at
/// the top, joined by springs whose rest lengths are their initial lengths.
///
/// Particle (r, c) starts at `origin + (c·spacing, −r·spacing)`. Structural
/// springs join horizontal and vertical neighbours; with `shear` both
/// diagonals of every cell are joined too.
public struct GridDescription: Hashable, Sendable {
  /// The grid's id, the stem of its particles' ids.
  public var id: String
  /// The number of rows (a plain whole number ≥ 1).
  public var rows: Int
  /// The number of columns (a plain whole number ≥ 1).
  public var columns: Int
  /// The position of particle (0, 0), the top left; default `[0, 0]`.
  public var origin: SceneVector
  /// The distance between neighbours (required, positive).
  public var spacing: SceneNumber
  /// The mass of each particle; default 1.
  public var mass: SceneNumber
  /// The stiffness of every spring (required).
  public var stiffness: SceneNumber
  /// The damping of every spring; default 0.
  public var damping: SceneNumber
  /// Whether both diagonals of every cell get a spring; default `false`.
  public var shear: Bool
  /// The pinned particles as (row, column), in the order written; negative
  /// numbers count from the end (`[0, -1]` is the top right).
  public var pinned: [GridIndex]

  /// A grid from its fields.
  public init(
    id: String, rows: Int, columns: Int, origin: SceneVector = .zero, spacing: SceneNumber,
    mass: SceneNumber = 1, stiffness: SceneNumber, damping: SceneNumber = 0, shear: Bool = false,
    pinned: [GridIndex] = []
  ) {
    self.id = id
    self.rows = rows
    self.columns = columns
    self.origin = origin
    self.spacing = spacing
    self.mass = mass
    self.stiffness = stiffness
    self.damping = damping
    self.shear = shear
    self.pinned = pinned
  }

  /// The number of particles: rows·columns.
  public var particleCount: Int { rows * columns }

  /// The number of springs: rows·(columns−1) + (rows−1)·columns structural,
  /// plus 2·(rows−1)·(columns−1) with shear.
  public var springCount: Int {
    let structural = rows * (columns - 1) + (rows - 1) * columns
    return structural + (shear ? 2 * (rows - 1) * (columns - 1) : 0)
  }
}

/// A (row, column) position in a grid, as written (negative counts from the end).
public struct GridIndex: Hashable, Sendable {
  /// The row, from 0 at the top.
  public var row: Int
  /// The column, from 0 at the left.
  public var column: Int

  /// A position from its row and column.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}

/// One entry of `chains:`: `segments + 1` particles `id[0]` … `id[segments]`
/// evenly spaced from `from` to `to`, each joined to the next by a spring whose
/// rest length is its initial length.
public struct ChainDescription: Hashable, Sendable {
  /// The chain's id, the stem of its particles' ids.
  public var id: String
  /// The position of particle 0 (required).
  public var from: SceneVector
  /// The position of the last particle (required).
  public var to: SceneVector
  /// The number of springs (a plain whole number ≥ 1).
  public var segments: Int
  /// The mass of each particle; default 1.
  public var mass: SceneNumber
  /// The stiffness of every spring (required).
  public var stiffness: SceneNumber
  /// The damping of every spring; default 0.
  public var damping: SceneNumber
  /// The pinned particles' indices as written; negative counts from the end.
  public var pinned: [Int]

  /// A chain from its fields.
  public init(
    id: String, from: SceneVector, to: SceneVector, segments: Int, mass: SceneNumber = 1,
    stiffness: SceneNumber, damping: SceneNumber = 0, pinned: [Int] = []
  ) {
    self.id = id
    self.from = from
    self.to = to
    self.segments = segments
    self.mass = mass
    self.stiffness = stiffness
    self.damping = damping
    self.pinned = pinned
  }

  /// The number of particles: segments + 1.
  public var particleCount: Int { segments + 1 }
}
