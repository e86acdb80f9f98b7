import TandemAD
import TandemTraining

extension Training: ProcessRun {}
