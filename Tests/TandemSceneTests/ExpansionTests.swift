import TandemAD
import TandemPhysics
import TandemProcess
import TandemScene
import Testing

/// A physics scene as the reader gives it: the engine's system and the layout.
struct Placed {
  let system: SystemDescription
  let layout: ParticleLayout
  var particles: [ParticleDescription] { system.particles }
  var springs: [SpringDescription] { system.springs }
}

@Suite("Expanding grids and chains")
struct ExpansionTests {
  func expand(_ yaml: String) throws -> Placed {
    let scene = try SceneFile.parse(yaml)
    return Placed(
      system: try #require(scene.simulation).system, layout: try #require(scene.layout))
  }

  @Test func shearGridOf16By16Has256ParticlesAnd930Springs() throws {
    let scene = try expand(
      """
      grids: [{ id: cloth, rows: 16, columns: 16, origin: [1, 2], spacing: 0.1, stiffness: 400, shear: true }]
      simulation: { dt: 0.002, steps: 1 }
      """)
    #expect(scene.particles.count == 256)
    #expect(scene.springs.count == 930)
    // Horizontal row-major, then vertical row-major, then both diagonals per cell.
    let pairs = scene.springs.map { ends($0.between) }
    #expect(pairs[0] == [0, 1] && pairs[14] == [14, 15] && pairs[15] == [16, 17])
    #expect(pairs[239] == [254, 255])
    #expect(pairs[240] == [0, 16] && pairs[241] == [1, 17] && pairs[479] == [239, 255])
    #expect(
      pairs[480] == [0, 17] && pairs[481] == [1, 16] && pairs[482] == [1, 18]
        && pairs[483] == [2, 17])
    #expect(pairs[928] == [238, 255] && pairs[929] == [239, 254])
    let (x, y) = values(scene.particles[3 * 16 + 5].position)
    #expect(scene.particles[3 * 16 + 5].name == "cloth[3,5]")
    #expect(x == 1 + 5 * 0.1 && y == 2 - 3 * 0.1)
    #expect(scene.particles.allSatisfy { !$0.isPinned && $0.mass == 1 })
    #expect(
      scene.layout.groups == [
        ParticleLayout.Group(id: "cloth", shape: .grid(rows: 16, columns: 16), particles: 0..<256)
      ])
  }

  @Test func gridWithoutShearHasStructuralSpringsOnly() throws {
    let scene = try expand(
      """
      grids: [{ id: net, rows: 3, columns: 4, spacing: 1, stiffness: 10, damping: 0.5, pinned: [[0, -1], [-1, 0]] }]
      simulation: { dt: 0.01, steps: 1 }
      """)
    #expect(scene.particles.count == 12)
    #expect(scene.springs.count == 3 * 3 + 2 * 4)
    #expect(scene.springs.allSatisfy { $0.damping == 0.5 && $0.restLength == nil })
    #expect(scene.particles.filter(\.isPinned).map(\.name) == ["net[0,3]", "net[2,0]"])
  }

  @Test func parametricGridPositionsStaySymbolic() throws {
    let scene = try expand(
      """
      parameters: { s: 0.5, x0: 1 }
      grids: [{ id: g, rows: 2, columns: 3, origin: [$x0, 0], spacing: $s, stiffness: 1 }]
      simulation: { dt: 0.01, steps: 1 }
      """)
    let position = scene.particles[1 * 3 + 2].position
    // `$s` is parameter 0 and `$x0` parameter 1, in the order of the file.
    #expect(position[0] == .sum(.parameter(1), .scaled(.parameter(0), by: 2)))
    #expect(position[1] == .scaled(.parameter(0), by: -1))
    let (x, y) = values(position, [0.25, 3])
    #expect(x == 3.5 && y == -0.25)
  }

  @Test func chainSpacesItsParticlesEvenly() throws {
    let scene = try expand(
      """
      chains: [{ id: rope, from: [0, 1], to: [2, -1], segments: 4, mass: 0.1, stiffness: 300, pinned: [0, -1] }]
      simulation: { dt: 0.01, steps: 1 }
      """)
    #expect(scene.particles.map(\.name) == ["rope[0]", "rope[1]", "rope[2]", "rope[3]", "rope[4]"])
    let positions = scene.particles.map { values($0.position) }
    #expect(positions.map(\.x) == [0, 0.5, 1, 1.5, 2])
    #expect(positions.map(\.y) == [1, 0.5, 0, -0.5, -1])
    #expect(scene.particles.map(\.isPinned) == [true, false, false, false, true])
    #expect(scene.particles.allSatisfy { $0.mass == 0.1 })
    #expect(scene.springs.map { ends($0.between) } == [[0, 1], [1, 2], [2, 3], [3, 4]])
    #expect(
      scene.springs.allSatisfy { $0.stiffness == 300 && $0.restLength == nil && $0.damping == 0 })
  }

  @Test func orderIsParticlesThenGridsThenChains() throws {
    let scene = try expand(
      """
      chains: [{ id: rope, from: [0, 0], to: [1, 0], segments: 2, stiffness: 1 }]
      grids: [{ id: g, rows: 2, columns: 2, spacing: 1, stiffness: 1 }]
      particles: [{ id: p, position: [5, 5] }]
      springs: [{ between: ["rope[-1]", "g[1,1]"], stiffness: 7 }]
      simulation: { dt: 0.01, steps: 1 }
      """)
    #expect(
      scene.particles.map(\.name) == [
        "p", "g[0,0]", "g[0,1]", "g[1,0]", "g[1,1]", "rope[0]", "rope[1]", "rope[2]",
      ])
    #expect(scene.springs.first.map { ends($0.between) } == [7, 4])
    #expect(scene.springs.first?.stiffness == 7)
    #expect(scene.springs.count == 1 + 4 + 2)
    #expect(scene.layout.index(of: "g[1,0]") == 3)
    #expect(scene.layout.index(of: "rope[-1]") == nil)
  }

  @Test func selectorsResolveToIndices() throws {
    let scene = try expand(
      """
      particles: [{ id: ball, position: [0, 0] }]
      grids: [{ id: cloth, rows: 3, columns: 4, spacing: 1, stiffness: 1 }]
      chains: [{ id: rope, from: [0, 0], to: [1, 0], segments: 5, stiffness: 1 }]
      simulation: { dt: 0.01, steps: 1 }
      """)
    #expect(try scene.layout.resolve("ball") == [0])
    #expect(try scene.layout.resolve("cloth[1,2]") == [1 + 4 + 2])
    #expect(try scene.layout.resolve("cloth[2,*]") == [9, 10, 11, 12])
    #expect(try scene.layout.resolve("cloth[*,0]") == [1, 5, 9])
    #expect(try scene.layout.resolve("cloth[-1,-1]") == [12])
    #expect(try scene.layout.resolve("cloth[*,*]") == Array(1...12))
    #expect(try scene.layout.resolve("cloth") == Array(1...12))
    #expect(try scene.layout.resolve("rope[0]") == [13])
    #expect(try scene.layout.resolve("rope[-1]") == [18])
    #expect(try scene.layout.resolve("rope[-6]") == [13])
    #expect(try scene.layout.resolve("rope[*]") == Array(13...18))
    #expect(try scene.layout.resolve("all") == Array(0...18))
    #expect(try scene.layout.resolve(" cloth[ 0 , 1 ] ") == [2])
  }

  @Test func badSelectorsNameTheSelector() throws {
    let scene = try expand(
      """
      particles: [{ id: ball, position: [0, 0] }]
      grids: [{ id: cloth, rows: 3, columns: 4, spacing: 1, stiffness: 1 }]
      chains: [{ id: rope, from: [0, 0], to: [1, 0], segments: 5, stiffness: 1 }]
      simulation: { dt: 0.01, steps: 1 }
      """)
    func message(_ selector: ParticleSelector) -> String {
      do {
        _ = try scene.layout.resolve(selector)
        return "no error"
      } catch { return "\(error)" }
    }
    #expect(message("bal") == "unknown particle `bal` (did you mean `ball`?)")
    #expect(message("clth[0,0]") == "unknown grid `clth` in `clth[0,0]` (did you mean `cloth`?)")
    #expect(
      message("rope[6]")
        == "index 6 in `rope[6]` is out of range (indices run from 0 to 5, or from -6 to -1 counting from the end)"
    )
    #expect(message("rope[-7]").hasPrefix("index -7 in `rope[-7]` is out of range"))
    #expect(
      message("cloth[3,0]")
        == "row 3 in `cloth[3,0]` is out of range (rows run from 0 to 2, or from -3 to -1 counting from the end)"
    )
    #expect(message("cloth[0,4]").hasPrefix("column 4 in `cloth[0,4]` is out of range"))
    #expect(
      message("rope[1,1]") == "`rope` is a chain, not a grid (select its particles with `rope[i]`)")
    #expect(
      message("cloth[1]")
        == "`cloth` is a grid, not a chain (select its particles with `cloth[r,c]`)")
    #expect(throws: SceneError.self) { try ParticleSelector(parsing: "cloth[1,x]") }
    #expect(throws: SceneError.self) { try ParticleSelector(parsing: "cloth[1,2,3]") }
    #expect(throws: SceneError.self) { try ParticleSelector(parsing: "cloth[1") }
  }
}

/// A position's coordinates at the parameters' values.
func values(_ vector: [Quantity], _ parameters: [Double] = []) -> (x: Double, y: Double) {
  (vector[0].value(in: parameters), vector[1].value(in: parameters))
}
