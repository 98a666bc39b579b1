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

/// Writes `value` as indented JSON and a newline to standard output in one write.
func printJSON(_ value: JSONValue) {
  var bytes = value.utf8(pretty: true)
  bytes.append(UInt8(ascii: "\n"))
  FileHandle.standardOutput.write(Data(bytes))
}
