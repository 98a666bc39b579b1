import Analyses
import ArgumentParser
import FigureCore
import Foundation
import ReportEngine
import ReportTemplates
import SurvivalFigures
import SurvivalSimulation

/// Writes a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes `value` as indented JSON and a newline to standard output, a megabyte at a time
/// (a table of a million rows is streamed, never held as text).
func printJSON(_ value: JSONValue) {
  func write(_ bytes: [UInt8]) {
    do {
      try FileHandle.standardOutput.write(contentsOf: bytes)
    } catch {
      printError("error: cannot write the JSON to standard output: \(error.localizedDescription)")
      exit(1)
    }
  }
  value.write(pretty: true, write)
  write([UInt8(ascii: "\n")])
}
