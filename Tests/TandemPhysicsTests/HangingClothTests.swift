import TandemAD
import TandemPhysics
import Testing

@Suite struct HangingClothTests {
  @Test func printsLoss() throws {
    var plain = Simulation(HangingCloth.description(), parameters: HangingCloth.defaults)
    try plain.run()
    print("loss", plain.loss())
    var dual = Simulation(HangingCloth.description(), parameters: Dual<3, Double>.seeding(HangingCloth.defaults))
    let clock = ContinuousClock()
    let t = try clock.measure { try dual.run() }
    print("dual loss", dual.loss(), t)
  }
}
