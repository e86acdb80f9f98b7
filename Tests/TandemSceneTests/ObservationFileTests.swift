import Foundation
import TandemAD
import TandemPhysics
import TandemScene
import Testing

/// Reading recorded motion for `observations:` terms: the format (columns in
/// any order, velocities optional, ids quoted), the particles selected, the
/// rows sorted by time, the path rewritten for `tuned.yaml`, and every
/// error naming the CSV file, line and column.
@Suite struct ObservationFileTests {
  /// A 2-D scene of two bobs and a grid, observed by `motion.csv`
  /// (`term` is the observations term's body).
  static func scene(_ term: String = "data: motion.csv", dimension: Int = 2) -> String {
    let z = dimension == 3 ? ", 0" : ""
    return """
      parameters:
        dt: { value: 0.01, tune: true, min: 0.001 }
      particles:
        - { id: anchor, position: [0, 0\(z)], pinned: true }
        - { id: bob, position: [0.5, 0\(z)] }
        - { id: other, position: [1, 0\(z)] }
      grids:
        - { id: net, rows: 2, columns: 2, origin: [2, 0\(z)], spacing: 0.1, stiffness: 10 }
      springs:
        - { between: [anchor, bob], stiffness: 40 }
      simulation: { dt: $dt, steps: 100 }
      objective:
        - observations: { \(term) }
      """
  }

  /// Parses `text` with `csv` as `motion.csv` beside it.
  func parse(_ text: String, csv: String) throws -> SceneDescription {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-observations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try csv.write(
      to: folder.appendingPathComponent("motion.csv"), atomically: true, encoding: .utf8)
    return try SceneFile.parse(text, fileName: "fit.yaml", directory: folder)
  }

  /// The message of the error that parsing `csv` (with `term`) throws.
  func message(_ csv: String, term: String = "data: motion.csv", dimension: Int = 2) -> String {
    do {
      _ = try parse(Self.scene(term, dimension: dimension), csv: csv)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func readsColumnsInAnyOrderSortedByTime() throws {
    let csv = """
      x,particle,vy,t,y,vx
      0.5,bob,1,0.5,0.25,2
      1,other,3,0.25,-0.5,4
      2.1,"net[1,0]",5,0.25,0,6

      0.4,bob,7,0,0,8
      """
    let scene = try parse(Self.scene(), csv: csv)
    let data = try #require(scene.simulation?.observations.first?.data)
    #expect(data.hasVelocities && data.dimension == 2 && data.count == 4)
    #expect(data.times == [0, 0.25, 0.25, 0.5])
    let ids = try #require(scene.layout?.ids)
    #expect(data.particles.map { ids[$0] } == ["bob", "other", "net[1,0]", "bob"])
    #expect(data.lines == [6, 3, 4, 2])  // the blank line still counts
    #expect(Array(data.observed(0)) == [0.4, 0, 8, 7])  // x, y, then vx, vy
    #expect(Array(data.observed(2)) == [2.1, 0, 6, 5])
    #expect(scene.simulation?.observations.first?.weight == 1)
    #expect(scene.dataFiles.map(\.key) == ["objective[0].observations.data"])
  }

  /// The cursor a restarted run takes: the first row after a time, rows at
  /// equal times all before it.
  @Test func firstRowAfterATimeBisects() {
    var motion = ObservedMotion(file: "m.csv", dimension: 2, hasVelocities: false)
    for (line, time) in [0.0, 0.1, 0.1, 0.1, 0.25, 0.4].enumerated() {
      motion.append(time: time, particle: 0, observed: [0, 0], line: line + 2)
    }
    let expected = [(-1.0, 0), (0, 1), (0.05, 1), (0.1, 4), (0.2, 4), (0.25, 5), (0.4, 6), (9, 6)]
    for (time, row) in expected {
      #expect(motion.firstRow(after: time) == row, "after \(time)")
      #expect(motion.firstRow(after: time) == (motion.times.firstIndex { $0 > time } ?? 6))
    }
  }

  @Test func selectsParticlesAndReadsThreeDimensions() throws {
    let csv = "t,particle,x,y,z\n0,bob,0.5,0,0\n0.1,other,1,0,0\n0.2,bob,0.5,-0.1,0.01\n"
    let scene = try parse(
      Self.scene("data: motion.csv, particles: bob, weight: 3", dimension: 3), csv: csv)
    let term = try #require(scene.simulation?.observations.first)
    #expect(term.data.count == 2 && term.data.dimension == 3 && !term.data.hasVelocities)
    #expect(term.weight == 3)
  }

  @Test func errorsNameTheFileLineAndColumn() {
    let header = "t,particle,x,y\n"
    #expect(
      message(header + "0,bob,0,0\n0.1,bobb,1,2\n")
        == "fit.yaml:13:27: objective[0].observations.data: motion.csv:3:5: no particle of the scene is called `bobb` (did you mean `bob`?)"
    )
    #expect(
      message(header + "0,bob,0,0\n2,bob,1,2\n").hasPrefix(
        "fit.yaml:13:27: objective[0].observations.data: motion.csv:3:1: the time 2 is outside the run, which goes from 0 to 1"
      ))
    #expect(
      message(header + "-0.5,bob,1,2\n").contains(
        "motion.csv:2:1: the time -0.5 is outside the run"))
    #expect(
      message(header + "0,bob,1,oops\n").hasSuffix(
        "motion.csv:2:9: `oops` in column `y` is not a finite number"))
    #expect(
      message(header + "0,bob,1,nan\n").hasSuffix("`nan` in column `y` is not a finite number"))
    #expect(
      message("t,particle,x,y,speed\n0,bob,0,0,1\n").contains(
        "motion.csv:1:16: unknown column `speed`"))
    #expect(
      message("t,particle,x,y,z\n0,bob,0,0,1\n").contains(
        "motion.csv:1:16: unknown column `z` (the scene is 2-D: remove the column)"))
    #expect(
      message("t,particle,x,x,y\n0,bob,0,0,1\n").contains(
        "motion.csv:1:14: the column `x` appears twice"))
    #expect(message("t,particle,x\n0,bob,0\n").contains("motion.csv:1: no column `y`"))
    #expect(
      message("t,particle,x,y,vx\n0,bob,0,0,1\n").contains(
        "motion.csv:1: a velocity needs every component: missing `vy`"))
    #expect(message(header + "0,bob,0\n").contains("motion.csv:2: 3 fields, but the header has 4"))
    #expect(message("").contains("motion.csv: the file is empty"))
    #expect(message(header).contains("motion.csv:1: the header is followed by no rows"))
    #expect(
      message(header + "0,other,0,0\n", term: "data: motion.csv, particles: bob").contains(
        "motion.csv: no row observes a selected particle"))
    #expect(
      message(header + "0,bob,0,0\n", term: "data: missing.csv").contains(
        "cannot load `missing.csv`"))
    #expect(
      message(header + "0,bob,0,0\n", term: "data: motion.csv, weight: -1").contains(
        "must not be negative"))
    #expect(
      message(header + "0,bob,0,0\n", term: "data: motion.csv, particles: nobody").contains(
        "nobody"))
  }

  /// A run that ends before an observed time (here: a shorter dt, set when
  /// the file was already read at the scene's own) stops with the row named.
  @Test func aRunEndingBeforeARowNamesIt() throws {
    let scene = try parse(Self.scene(), csv: "t,particle,x,y\n0,bob,0.5,0\n0.95,bob,0.4,0\n")
    let process = try #require(scene.simulation)
    var parameters = scene.parameterVector
    parameters[0] = 0.009  // 100 steps now end at 0.9
    var run = Simulation(process, parameters: parameters)
    #expect(
      throws: SimulationError.observationAfterEnd(
        file: "motion.csv", line: 3, time: 0.95, end: 100 * 0.009)
    ) { try run.run() }
    let error = SimulationError.observationAfterEnd(
      file: "motion.csv", line: 3, time: 0.95, end: 100 * 0.009)
    #expect(
      "\(error)".hasPrefix(
        "motion.csv:3: the observation at t = 0.95 is after the run's end at t = 0.9."))
  }

  @Test func tunedSceneTextPointsAtTheSameFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-observations-\(UUID().uuidString)")
    let scenes = folder.appendingPathComponent("scenes")
    try FileManager.default.createDirectory(at: scenes, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "t,particle,x,y\n0,bob,0.5,0\n".write(
      to: folder.appendingPathComponent("motion.csv"), atomically: true, encoding: .utf8)
    let text = Self.scene("data: ../motion.csv")
    let scene = try SceneFile.parse(text, fileName: "fit.yaml", directory: scenes)
    let output = folder.appendingPathComponent("output/fit")
    let rewritten = try SceneFile.rewritingDataPath(in: text, of: scene, movingTo: output)
    #expect(rewritten.contains("- observations: { data: ../../motion.csv }"))
    // And it reads back from there.
    _ = try SceneFile.parse(rewritten, fileName: "tuned.yaml", directory: output)
  }
}
