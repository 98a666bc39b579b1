import Analyses
import ClinicalData
import Expressions
import FigureCore
import ManuscriptDocuments
import ReportTemplates
import SurvivalFigures

/// A table of a template, computed and ready to write.
struct BuiltTable: Sendable {
  var spec: TableSpec
  var table: ReportTable
  var sidecar: JSONValue
  var dataFiles: [String]
  /// Statistical caveats of the table's models.
  var notes: [String] = []

  /// Computes the table; a column missing from the data is reported at the template key that
  /// names it.
  static func build(
    _ spec: TableSpec, tables: [String: DataTable], detail: SidecarDetail = .summary, templateFolder: String = ""
  ) throws -> BuiltTable {
    try spec.columnKeys.locating {
      try uncheckedBuild(spec, tables: tables, detail: detail, templateFolder: templateFolder)
    }
  }

  private static func uncheckedBuild(
    _ spec: TableSpec, tables: [String: DataTable], detail: SidecarDetail, templateFolder: String
  ) throws -> BuiltTable {
    let data = FigureData(
      table: { path in
        guard let table = tables[path] else {
          throw TemplateError(file: spec.location, key: "data", message: "the data file '\(path)' was not loaded")
        }
        return try BuiltFigure.filtered(table, by: spec.filters)
      },
      unfilteredTable: { path in
        guard let table = tables[path] else {
          throw TemplateError(file: spec.location, key: "data", message: "the data file '\(path)' was not loaded")
        }
        return table
      }, isFiltered: !spec.filters.isEmpty)
    let computed = try spec.request.table(title: spec.title, data: data)
    let (table, statistics, files, notes) = (
      computed.table, computed.statistics, spec.request.dataFiles, computed.notes
    )
    let sidecar = JSONValue.object(
      [
        ("id", .string(spec.id)),
        ("label", .string(spec.label)),
        ("template", .string(SidecarPaths.location(spec.location))),
        ("survfig_version", .string(SurvfigVersion.string)),
        ("data", .array(files.map { .string(SidecarPaths.relative($0, to: templateFolder)) })),
        ("filter", spec.filters.isEmpty ? .null : .string(spec.filters.map(\.source).joined(separator: " and "))),
        ("title", spec.title.map { .string($0) } ?? .null),
      ] + computed.sidecar + [
        ("columns", .array(table.columns.indices.map { .string(table.headerTitle($0)) })),
        ("rows", .array(table.rows.map { row in .array(table.columns.indices.map { .string(table.cell(row, $0)) }) })),
        ("footnotes", .array(table.footnotes.map { .string($0) })),
        ("statistics", statistics),
      ])
    return BuiltTable(spec: spec, table: table, sidecar: sidecar, dataFiles: files, notes: notes)
  }

  /// The table's files: each format and the sidecar; documents (Word, RTF) in the template's font and TLF settings, the
  /// table titled with its label ("Table 2. …").
  func files(in folder: String, template: ReportTemplate) -> [(String, [UInt8])] {
    let settings = TLFDocuments.settings(template)
    let titles = TLFDocuments.section(self).titles
    var out: [(String, [UInt8])] = spec.formats.map { format in
      let bytes = TableFiles.bytes(
        format == .docx ? labelledTable : table, as: format, fontFamily: template.style.fontFamily, rtf: settings,
        rtfTitles: titles, autoOrientation: template.tlf.orientation == .auto)
      return ("\(folder)/\(spec.id).\(format.rawValue)", bytes)
    }
    out.append(("\(folder)/\(spec.id).json", sidecar.utf8(pretty: true) + [UInt8(ascii: "\n")]))
    return out
  }
}

extension BuiltTable {
  /// The table titled with its label, as documents set it: "Table 2. Cox models of death".
  var labelledTable: ReportTable {
    var titled = table
    titled.title = "\(spec.label). " + (table.title ?? spec.id)
    return titled
  }
}
