import Foundation
import TandemAD
import TandemPhysics
import TandemProcess
import TandemTestSupport
import Testing

/// The spring families (`SpringFamilies`, `FamilyLaneValues`) and their node
/// (`Tape.springFamilyEnergy`), which the force field takes for every spring
/// in a family, against independent references: the generic chain of bulk
/// nodes (gathers, hypot, products, a sum), central differences, and the
/// `Double` route bit for bit.
@Suite struct SpringFamilyTests {
  /// A rows × columns sheet of springs, as a cloth scene makes it:
  /// structural, shear and (with `bending`) bending springs between
  /// particle r·columns + c and its neighbours, with some springs written
  /// second end first, one spring twice, and one irregular spring.
  struct Sheet {
    let rows, columns: Int
    var first: [Int] = []
    var second: [Int] = []

    init(rows: Int, columns: Int, bending: Bool) {
      (self.rows, self.columns) = (rows, columns)
      func id(_ r: Int, _ c: Int) -> Int { r * columns + c }
      var neighbours = [(0, 1), (1, 0), (1, 1), (1, -1)]
      if bending { neighbours += [(0, 2), (2, 0)] }
      for (dr, dc) in neighbours {
        for r in 0..<rows {
          for c in 0..<columns where r + dr < rows && c + dc >= 0 && c + dc < columns {
            // Every third spring second end first: the layout swaps it back.
            if (r + c) % 3 == 0 {
              (first, second) = (first + [id(r + dr, c + dc)], second + [id(r, c)])
            } else {
              (first, second) = (first + [id(r, c)], second + [id(r + dr, c + dc)])
            }
          }
        }
      }
      (first, second) = (first + [id(0, 1), 0], second + [id(0, 0), rows * columns - 1])
    }

    var points: Int { rows * columns }
  }

  /// A cloth's springs fall into one family per neighbour offset, and only
  /// the duplicate and the irregular spring are left for the edge loop.
  @Test func aClothsSpringsFormOneFamilyPerNeighbourOffset() {
    let sheet = Sheet(rows: 6, columns: 7, bending: true)
    let families = SpringFamilies(first: sheet.first, second: sheet.second)
    #expect(families.families.map(\.offset) == [1, 2, 6, 7, 8, 14])
    let count = sheet.first.count
    #expect(families.others == [count - 2, count - 1])
    // Every other spring is in exactly one lane, at its lower end.
    let laned = families.laneSprings.filter { $0 >= 0 }
    #expect(laned.sorted() == Array(0..<(count - 2)))
    for family in families.families {
      #expect(family.start % SpringFamilies.width == 0 && family.lanes % SpringFamilies.width == 0)
      for lane in 0..<family.lanes {
        let spring = families.laneSprings[family.base + lane]
        guard spring >= 0 else {
          #expect(families.presence[family.base + lane] == 0)
          continue
        }
        let ends = [sheet.first[spring], sheet.second[spring]]
        #expect(ends.min() == family.start + lane && ends.max()! - ends.min()! == family.offset)
        #expect(families.presence[family.base + lane] == 1)
      }
    }
  }

  /// Springs too few or too sparse for a family, and springs of zero
  /// offset, stay with the edge loop, in order.
  @Test func sparseOffsetsStayWithTheEdgeLoop() {
    // Seven springs of offset 1 (fewer than a vector), and offset 40 spread
    // over 80 lanes with 10 springs (less than half full).
    let first = Array(0..<7) + (0..<10).map { $0 * 8 } + [3]
    let second = Array(1..<8) + (0..<10).map { $0 * 8 + 40 } + [3]
    let families = SpringFamilies(first: first, second: second)
    #expect(families.families.isEmpty)
    #expect(families.others == Array(0..<first.count))
    let dense = SpringFamilies(first: Array(0..<8), second: Array(1..<9))
    #expect(dense.families.map(\.offset) == [1] && dense.others.isEmpty)
  }

  /// A quantity that all springs of a family share is stored once, and one
  /// that differs in any component (a tangent included) once per lane.
  @Test func sharedValuesAreStoredOnce() {
    typealias D = Dual<1, Double>
    let sheet = Sheet(rows: 4, columns: 5, bending: false)
    let families = SpringFamilies(first: sheet.first, second: sheet.second)
    let shared = [D](repeating: D(100, tangents: [1]), count: sheet.first.count)
    var varied = shared
    varied[0] = D(100, tangents: [2])  // spring 0 is in the offset-1 family
    let a = FamilyLaneValues(of: shared, components: 2, families: families)
    let b = FamilyLaneValues(of: varied, components: 2, families: families)
    #expect(a.isShared == families.families.map { _ in true })
    #expect(a.doubles == families.families.flatMap { _ in [100.0, 1] })
    #expect(b.isShared == [false, true, true, true])
    let family = families.families[0]
    let lane = families.laneSprings[0..<family.lanes].firstIndex(of: 0)!
    #expect(b.doubles[family.lanes + lane] == 2)
  }

  /// The positions of a sheet, perturbed, with particles 8 and 9 made to
  /// coincide (a zero-length spring of the offset-1 family).
  func positions(of sheet: Sheet, dimension: Int, seed: UInt64) -> [[Double]] {
    var random = SplitMix64(seed: seed)
    var axes = (0..<dimension).map { a in
      (0..<sheet.points).map { i -> Double in
        let grid = a == 0 ? Double(i % sheet.columns) : a == 1 ? Double(i / sheet.columns) : 0
        return 0.1 * grid + 0.03 * (random.uniform(0...1) - 0.5)
      }
    }
    for a in 0..<dimension { axes[a][9] = axes[a][8] }
    return axes
  }

  /// On `Double`, the families' energy and gradient equal the generic
  /// chain's and central differences, in 2-D and 3-D, with a zero-length
  /// spring, swapped ends and springs left to the edge loop.
  @Test(arguments: [2, 3]) func familiesMatchTheChainAndFiniteDifferences(dimension: Int) {
    let sheet = Sheet(rows: 5, columns: 6, bending: dimension == 3)
    let coordinates = positions(of: sheet, dimension: dimension, seed: 3)
    var random = SplitMix64(seed: 4)
    let k = sheet.first.indices.map { _ in 50 + random.uniform(0...1) * 100 }
    let rest = sheet.first.indices.map { _ in 0.05 + random.uniform(0...1) * 0.1 }
    func families(_ coordinates: [[Double]]) -> [Double] {
      springFamilyEnergyAndGradient(
        coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
        restLength: rest
      ).values
    }
    let (values, layout) = springFamilyEnergyAndGradient(
      coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
      restLength: rest)
    #expect(layout.families.families.count == (dimension == 3 ? 6 : 4))
    let chain = springEnergyAndGradient(
      coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
      restLength: rest, fused: false)
    #expect(abs(values[0] - chain[0]) <= 1e-13 * abs(chain[0]))
    for (index, (a, b)) in zip(values.dropFirst(), chain.dropFirst()).enumerated() {
      #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "coordinate \(index)")
    }
    let points = sheet.points
    let differences = FiniteDifference.gradient(at: coordinates.flatMap { $0 }) { flat in
      families((0..<dimension).map { Array(flat[($0 * points)..<(($0 + 1) * points)]) })[0]
    }
    for (index, (a, b)) in zip(values.dropFirst(), differences).enumerated() {
      #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "coordinate \(index)")
    }
  }

  /// On duals of 1 to 8 tangents, the families' energy and gradient carry
  /// the generic chain's tangents: tangents on the coordinates, on
  /// stiffnesses one per spring, on a stiffness every spring shares whose
  /// value is exactly 0, and on rest lengths (a tuned rest length), in 2-D
  /// and 3-D. With zero tangents the values equal the `Double` route's bit
  /// for bit.
  @Test(arguments: [2, 3]) func familiesOnDualsMatchTheChainAndDouble(dimension: Int) {
    check(Dual<1, Double>.self, dimension: dimension)
    check(Dual<2, Double>.self, dimension: dimension)
    check(Dual<3, Double>.self, dimension: dimension)
    check(Dual<4, Double>.self, dimension: dimension)
    check(Dual<8, Double>.self, dimension: dimension)
  }

  func check<let N: Int>(_: Dual<N, Double>.Type, dimension: Int) {
    typealias D = Dual<N, Double>
    let sheet = Sheet(rows: 5, columns: 7, bending: dimension == 3)
    var random = SplitMix64(seed: 17)
    func lift(_ v: Double) -> D {
      D(v, tangents: InlineArray<N, Double> { _ in random.uniform(0...1) - 0.5 })
    }
    let plainCoordinates = positions(of: sheet, dimension: dimension, seed: 9)
    let coordinates = plainCoordinates.map { $0.map(lift) }
    let springs = sheet.first.indices
    let perSpring = springs.map { _ in lift(50 + random.uniform(0...1) * 100) }
    // A stiffness tuned from exactly 0: the value 0, the tangent the seed.
    let sharedZero = springs.map { _ in D(0, tangents: InlineArray<N, Double> { $0 == 0 ? 1 : 0 }) }
    let tunedRest = springs.map { _ in lift(0.05 + random.uniform(0...1) * 0.1) }
    let constantRest = springs.map { _ in D(0.1) }
    for (k, rest, label) in [
      (perSpring, tunedRest, "per-spring k, tuned L"), (sharedZero, constantRest, "k = 0, shared"),
      (perSpring, constantRest, "per-spring k, shared L"),
    ] {
      let families = springFamilyEnergyAndGradient(
        coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
        restLength: rest)
      #expect(!families.layout.families.families.isEmpty)
      let chain = springEnergyAndGradient(
        coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
        restLength: rest, fused: false)
      for (index, (a, b)) in zip(families.values, chain).enumerated() {
        #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)), "\(label): \(index)")
        for d in 0..<N {
          #expect(
            abs(a.tangents[d] - b.tangents[d]) <= 1e-11 * max(1, abs(b.tangents[d])),
            "\(label), \(N) tangents: value \(index), tangent \(d)")
        }
      }
    }
    // Stiffness tuned from 0: the energy's tangent is Σ ½·(ℓ − L)², not 0.
    let atZero = springFamilyEnergyAndGradient(
      coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: sharedZero,
      restLength: constantRest)
    #expect(atZero.values[0].value == 0 && atZero.values[0].tangents[0] > 0)
    // With no tangents, the same values as on Double, bit for bit.
    let k = perSpring.map(\.value)
    let constant = springFamilyEnergyAndGradient(
      coordinates: plainCoordinates.map { $0.map { D($0) } }, first: sheet.first,
      second: sheet.second, stiffness: k.map { D($0) }, restLength: constantRest)
    let plain = springFamilyEnergyAndGradient(
      coordinates: plainCoordinates, first: sheet.first, second: sheet.second, stiffness: k,
      restLength: constantRest.map(\.value))
    #expect(
      constant.values.map(\.value.bitPattern) == plain.values.map(\.bitPattern), "\(N) tangents")
  }

  /// A sheet of more points than one block of the family kernel (512): the
  /// blocks' partials meet where a spring crosses from one block to the
  /// next, and the energy and gradient still equal the generic chain's, on
  /// `Double` and on duals, in 2-D and 3-D.
  @Test(arguments: [2, 3]) func familiesOverSeveralBlocksMatchTheChain(dimension: Int) {
    typealias D = Dual<2, Double>
    let sheet = Sheet(rows: 30, columns: 37, bending: dimension == 3)
    #expect(sheet.points > 2 * 512)
    let plain = positions(of: sheet, dimension: dimension, seed: 23)
    var random = SplitMix64(seed: 29)
    let coordinates = plain.map { axis in
      axis.map { D($0, tangents: [random.uniform(-1...1), random.uniform(-1...1)]) }
    }
    let k = sheet.first.indices.map { _ in D(100, tangents: [1, 0]) }
    let rest = sheet.first.indices.map { _ in D(0.1) }
    let families = springFamilyEnergyAndGradient(
      coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
      restLength: rest)
    let chain = springEnergyAndGradient(
      coordinates: coordinates, first: sheet.first, second: sheet.second, stiffness: k,
      restLength: rest, fused: false)
    for (index, (a, b)) in zip(families.values, chain).enumerated() {
      #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)), "value \(index)")
      for d in 0..<2 {
        #expect(
          abs(a.tangents[d] - b.tangents[d]) <= 1e-11 * max(1, abs(b.tangents[d])),
          "value \(index), tangent \(d)")
      }
    }
  }
}
