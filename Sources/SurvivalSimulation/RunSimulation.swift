import Foundation
import SurvivalStatistics

/// What `survfig simulate` did.
public struct SimulationSummary: Sendable, Equatable {
  public let patients: Int
  public let columns: [String]
  public let seed: UInt64
}

/// A simulation output that cannot be written.
public struct SimulationOutputError: Error, Equatable, Sendable, CustomStringConvertible {
  public let path: String
  public let message: String
  public var description: String { "\(path): \(message)" }
}

/// Reads a cohort specification, draws the cohort (with `seed`, else the specification's) and
/// writes it as CSV to `outputPath` atomically (temporary file, then rename), so a failure
/// leaves no partial file.
public func runSimulation(specificationPath: String, outputPath: String, seed: UInt64? = nil) throws
  -> SimulationSummary
{
  let folder = (outputPath as NSString).deletingLastPathComponent
  var isDirectory: ObjCBool = false
  if !folder.isEmpty,
    !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
      || !isDirectory.boolValue
  {
    throw SimulationOutputError(path: outputPath, message: "the folder '\(folder)' does not exist")
  }
  let specification = try CohortSpecification(contentsOf: specificationPath)
  let usedSeed = seed ?? specification.seed
  let cohort = try SimulatedCohort(design: specification.design, seed: usedSeed)
  do {
    try Data(cohort.csvText.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
  } catch {
    throw SimulationOutputError(path: outputPath, message: "cannot be written")
  }
  return SimulationSummary(patients: cohort.rows.count, columns: cohort.columns, seed: usedSeed)
}
