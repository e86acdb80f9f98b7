import Foundation
import TandemFiles
import TandemPhysics
import TandemAD
import TandemProcess
import TandemTraining

/// Reads recorded motion (`observations: { data: FILE.csv }`) into
/// ``ObservedMotion``, in the format `tandem run --record` writes.
///
/// The header names the columns, in any order: `t` and `particle`, the
/// position `x`, `y` (and `z` in 3-D), and optionally the velocity `vx`,
/// `vy` (and `vz`). Any other column is an error, as is a velocity without
/// all of its components. Each row is one particle at one time: `t` in
/// simulated seconds from 0, within the run; `particle` an id of the scene
/// (quoted when it holds a comma, as in `"cloth[2,3]"`).
///
/// Errors are ``SceneError``s at the scene's key `at`, their message
/// naming the CSV file, line and column: `data/pendulum.csv:14:9: …`.
struct ObservationReader {
  /// The path as the scene writes it, and where it leads.
  let file: DataFile
  /// The scene's dimension.
  let dimension: Int
  /// The scene's particles.
  let layout: ParticleLayout
  /// The scene key the errors are reported at.
  let at: ScenePath
  /// The rows already read by other terms, for the `observations` limit.
  let limits: SceneLimits

  /// The coordinate columns of a position and of a velocity.
  var positionColumns: [String] { ["x", "y", "z"].prefix(dimension).map { $0 } }
  var velocityColumns: [String] { positionColumns.map { "v" + $0 } }

  /// Reads the file, keeping the rows of the particles in `selected` (every
  /// particle named in the file when `nil`), and checks that every time lies
  /// in `0...end` (the run's end at the parameters' values, within
  /// `tolerance`).
  func read(selecting selected: Set<Int>?, end: Double, tolerance: Double) throws -> ObservedMotion
  {
    let text: String
    do {
      text = try TextFile.read(file.url)
    } catch {
      let place = error.location.map { ":\($0.line):\($0.column)" } ?? ""
      throw SceneError(
        path: at, message: "cannot load `\(file.path)`: \(file.url.path)\(place): \(error.reason)",
        suggestion: error.location == nil ? "the path is relative to the scene file's folder" : nil)
    }
    let rows = CSVTable.rows(of: text)
    guard let header = rows.first else {
      throw failure(
        nil, "the file is empty",
        "write a header row: t,particle,\(positionColumns.joined(separator: ","))")
    }
    let columns = try columns(of: header)
    let velocities = columns["vx"] != nil
    guard rows.count > 1 else { throw failure(header.line, "the header is followed by no rows") }
    if rows.count - 1 > limits.observations {
      var error = limits.exceeded("observations", "rows of recorded motion", count: rows.count - 1)
      error.path = at
      throw error
    }
    var motion = ObservedMotion(file: file.path, dimension: dimension, hasVelocities: velocities)
    let numbers = positionColumns + (velocities ? velocityColumns : [])
    for row in rows.dropFirst() {
      guard row.fields.count == header.fields.count else {
        throw failure(
          row.line, "\(row.fields.count) fields, but the header has \(header.fields.count)")
      }
      func field(_ name: String) -> (text: String, column: Int) {
        let index = columns[name]!
        return (row.fields[index], CSVTable.column(ofField: index, in: row.text))
      }
      func number(_ name: String) throws -> Double {
        let (text, column) = field(name)
        guard let value = Double(text), value.isFinite else {
          throw failure(
            row.line, column: column,
            "`\(MessageText.quotable(text))` in column `\(name)` is not a finite number")
        }
        return value
      }
      let (id, idColumn) = field("particle")
      guard let particle = layout.index(of: id) else {
        throw failure(
          row.line, column: idColumn,
          "no particle of the scene is called `\(MessageText.quotable(id))`",
          NearestName.nearest(to: id, among: layout.ids).map { "did you mean `\($0)`?" })
      }
      if let selected, !selected.contains(particle) { continue }
      let time = try number("t")
      guard time >= -tolerance && time <= end + tolerance else {
        throw failure(
          row.line, column: field("t").column,
          "the time \(SceneNumberFormat.string(time)) is outside the run, which goes from 0 to \(SceneNumberFormat.string(end))",
          "record within the run, or take more steps")
      }
      motion.append(
        time: time, particle: particle, observed: try numbers.map(number), line: row.line)
    }
    guard motion.count > 0 else {
      throw failure(
        nil, "no row observes a selected particle",
        "select particles the file names, or leave out `particles` to use every one it names")
    }
    return motion.sorted()
  }

  /// The position of each column by name, checked: the required ones
  /// present, no other, each once, a velocity whole or absent.
  func columns(of header: CSVTable.Row) throws -> [String: Int] {
    let allowed = ["t", "particle"] + positionColumns + velocityColumns
    var columns: [String: Int] = [:]
    for (index, name) in header.fields.enumerated() {
      let column = CSVTable.column(ofField: index, in: header.text)
      guard allowed.contains(name) else {
        let hint =
          name == "z" || name == "vz"
          ? "the scene is 2-D: remove the column"
          : NearestName.suggestion(for: name, among: allowed, listing: "columns")
        throw failure(
          header.line, column: column, "unknown column `\(MessageText.quotable(name))`", hint)
      }
      guard columns[name] == nil else {
        throw failure(header.line, column: column, "the column `\(name)` appears twice")
      }
      columns[name] = index
    }
    for name in ["t", "particle"] + positionColumns where columns[name] == nil {
      throw failure(
        header.line, "no column `\(name)`",
        "the header is t,particle,\(positionColumns.joined(separator: ","))[,\(velocityColumns.joined(separator: ","))]"
      )
    }
    let velocities = velocityColumns.filter { columns[$0] != nil }
    if !velocities.isEmpty && velocities.count < dimension {
      let missing = velocityColumns.filter { columns[$0] == nil }
      throw failure(
        header.line,
        "a velocity needs every component: missing \(missing.map { "`\($0)`" }.joined(separator: ", "))"
      )
    }
    return columns
  }

  /// An error at the scene key, its message placed in the CSV file.
  func failure(_ line: Int?, column: Int? = nil, _ message: String, _ suggestion: String? = nil)
    -> SceneError
  {
    let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
    return SceneError(path: at, message: "\(file.path)\(place): \(message)", suggestion: suggestion)
  }
}
