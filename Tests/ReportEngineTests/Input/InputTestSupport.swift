import ClinicalData
import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// Reads `text` as a CSV file named `name`, written to a fresh temporary directory that is
/// removed afterwards; messages use `name`.
func inputTable(_ text: String, named name: String = "data.csv") throws -> DataTable {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("survfig-input-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let url = directory.appendingPathComponent(name)
  try Data(text.utf8).write(to: url)
  return try DataTable(contentsOfFile: url.path, displayName: name)
}

/// Survival columns from `text` as a CSV file named `name`.
func survivalColumns(
  _ text: String, named name: String = "data.csv", _ mapping: SurvivalColumnMapping
) throws -> SurvivalColumns {
  try SurvivalColumns(table: inputTable(text, named: name), mapping: mapping)
}

/// The description of the error that extracting survival columns throws, or nil.
func mappingError(
  _ text: String, named name: String = "data.csv", _ mapping: SurvivalColumnMapping
) throws -> String? {
  let table = try inputTable(text, named: name)
  do {
    _ = try SurvivalColumns(table: table, mapping: mapping)
    return nil
  } catch let error as ColumnMappingError {
    return error.description
  } catch let error as DataError {
    return error.description
  }
}

/// The first rows of R's survival::lung (status 1 = censored, 2 = dead).
let lungExcerpt = """
  inst,time,status,age,sex,ph.ecog,ph.karno,pat.karno,meal.cal,wt.loss
  3,306,2,74,1,1,90,100,1175,
  3,455,2,68,1,0,90,90,1225,15
  3,1010,1,56,1,0,90,90,,15
  5,210,2,57,1,1,90,60,1150,11
  1,883,2,60,1,0,100,90,,0
  12,1022,1,74,1,1,50,80,513,0
  7,310,2,68,2,2,70,60,384,10
  11,361,2,71,2,2,60,80,538,1

  """
