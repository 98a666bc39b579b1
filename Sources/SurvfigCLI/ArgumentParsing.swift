import ArgumentParser
import Foundation
import ReportEngine
import FigureCore
import SurvivalFigures
import Analyses
import ReportTemplates
import SurvivalSimulation

/// Splits "a,b , c" into ["a", "b", "c"].
func splitList(_ text: String) -> [String] {
  text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Parses "1, 3, 5" as numbers, naming the option in the error.
func parseNumbers(_ text: String?, option: String) throws -> [Double] {
  guard let text else { return [] }
  return try splitList(text).map { item in
    guard let v = Double(item), v.isFinite else {
      throw ValidationError("'\(option)' expects comma-separated numbers, found '\(item)'.")
    }
    return v
  }
}

/// Parses "1=Male,2=Female" into a code → label map.
func parseLabels(_ text: String?) throws -> [String: String] {
  guard let text else { return [:] }
  var map: [String: String] = [:]
  for item in splitList(text) {
    let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw ValidationError("'--group-labels' expects code=label pairs such as \"1=Male,2=Female\", found '\(item)'.")
    }
    map[parts[0]] = parts[1]
  }
  return map
}

/// Parses a palette name or a list of #RRGGBB colours.
func parsePalette(_ text: String) throws -> [Color] {
  switch text {
  case "okabe-ito": return FigureTheme.okabeIto
  case "grayscale", "greyscale": return FigureTheme.grayscale
  default:
    return try splitList(text).map { item in
      guard let c = Color(hex: item) else {
        throw ValidationError("'--palette' expects 'okabe-ito', 'grayscale' or colours like '#0072B2', found '\(item)'.")
      }
      return c
    }
  }
}

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
