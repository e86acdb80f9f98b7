import TandemAD
import TandemPhysics

extension Simulation: ProcessRun {}
