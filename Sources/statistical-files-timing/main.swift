// statistical-files-timing: times reading a SAS, Stata or SPSS file through StatisticalFiles and,
// for comparison, the same data as CSV through ClinicalData. A manual check, not a test:
//
//   Rscript Scripts/write-timing-data.R Output/bench
//   swift build -c release --product statistical-files-timing
//   .build/release/statistical-files-timing Output/bench/timing-1m.xpt Output/bench/timing-1m.csv
//
// Prints the best of five wall-clock times of each reader. For a transport file and for CSV it
// prints the lazy table alone (ClinicalData keeps the bytes) and the table with every column
// turned into numbers or text, the work StatisticalDataFile does up front.
import ClinicalData
import Foundation
import StatisticalFiles

/// The best of `repeats` wall-clock times of `work`, in seconds, and its last result.
func best<T>(of repeats: Int, _ work: () throws -> T) rethrows -> (Double, T) {
  var fastest = Double.infinity
  var last: T?
  for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    last = try work()
    fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return (fastest, last!)
}

func milliseconds(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
  FileHandle.standardError.write(
    Data("usage: statistical-files-timing FILE.(xpt|sas7bdat|dta|sav) [FILE.csv]\n".utf8))
  exit(64)
}
do {
  let (seconds, data) = try best(of: 5) { try StatisticalDataFile(contentsOfFile: path) }
  print(
    "\(milliseconds(seconds))  \(data.format): \(data.rowCount) rows × \(data.variables.count) variables (\(path))"
  )
  if path.lowercased().hasSuffix(".xpt") {
    let (open, _) = try best(of: 5) { try SASTransportFile(contentsOfFile: path) }
    print("\(milliseconds(open))  SAS transport file, lazy: read and checked, no value decoded")
    let (table, _) = try best(of: 5) { try DataTable(contentsOfFile: path) }
    print("\(milliseconds(table))  transport table (DataTable), lazy")
    let (typed, count) = try best(of: 5) {
      let table = try DataTable(contentsOfFile: path)
      var count = 0
      for column in table.columns {
        switch column.kind {
        case .numbers: count += try column.numericValues().count
        case .dates: count += column.dateValues()?.count ?? 0
        case .text, .logical: count += column.textValues().count
        }
      }
      return count
    }
    print("\(milliseconds(typed))  transport table with every column typed (\(count) values)")
  }
  if let csvPath = arguments.dropFirst().first {
    let (load, table) = try best(of: 5) { try DataTable(contentsOfFile: csvPath) }
    print(
      "\(milliseconds(load))  CSV table: \(table.rowCount) rows × \(table.columnNames.count) columns (\(csvPath))"
    )
    let (typed, count) = try best(of: 5) {
      let table = try DataTable(contentsOfFile: csvPath)
      var count = 0
      for column in table.columns {
        count += column.isNumeric ? try column.numericValues().count : column.textValues().count
      }
      return count
    }
    print("\(milliseconds(typed))  CSV table with every column typed (\(count) values)")
  }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
