import Analyses
import ArgumentParser
import ClinicalData
import ReportEngine

/// `survfig cox`: Cox proportional hazards regression.
struct CoxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cox",
    abstract: "Cox proportional hazards regression from an R model formula.",
    discussion: """
      Fits the model as R's coxph does (Efron ties by default) on the complete cases. \
      Categorical columns and factor(x) become indicator terms against the first level \
      (relevel(x, "B") chooses another); strata(x) stratifies.

      Examples:
        survfig cox --data lung.csv --model "Surv(time, status) ~ age + sex + ph.ecog"
        survfig cox --data veteran.csv --model "Surv(time, status) ~ trt + factor(celltype)" --json
        survfig cox --data lung.csv --model "Surv(time, status) ~ age + sex" --out cox.docx --out cox.rtf
        survfig cox --data ima.csv --model "Surv(os_months, os_event) ~ age + sex + m_stage" \\
          --select backward --entry-p 0.15 --stay-p 0.05
      """)

  @Option(help: CoxRequest.options.help("data")) var data: String?
  @Option(help: CoxRequest.options.help("model")) var model: String?
  @Option(help: CoxRequest.options.help("event-value")) var eventValue: String?
  @Option(help: CoxRequest.options.help("censor-value")) var censorValue: [String] = []
  @OptionGroup(title: "Rows") var rows: RowSelectionOptions
  @Option(help: CoxRequest.options.help("weights")) var weights: String?
  @Option(help: CoxRequest.options.help("ties")) var ties: String?
  @Option(help: CoxRequest.options.help("conf-level")) var confLevel: String?
  @Flag(help: CoxRequest.options.help("ph-test")) var phTest = false
  @Option(help: CoxRequest.options.help("select")) var select: String?
  @Option(help: CoxRequest.options.help("entry-p")) var entryP: String?
  @Option(help: CoxRequest.options.help("stay-p")) var stayP: String?
  @Option(help: CoxRequest.options.help("select-by")) var selectBy: String?
  @Option(help: CoxRequest.options.help("out")) var out: [String] = []
  @Option(help: CoxRequest.options.help("title")) var title: String?
  @Flag(help: "Print the results as one JSON object.") var json = false

  func validate() throws { _ = try request() }

  func request() throws -> CoxRequest {
    try CommandLineOptions.request(self, options: CoxRequest.options, from: CoxRequest(dataPath: "", formula: ""))
  }

  func run() throws {
    let request = try request()
    try TableFiles.check(request.tableOutput.paths)
    let analysis = try runCox(request)
    for warning in analysis.warnings { printError("warning: \(warning)") }
    if !request.tableOutput.paths.isEmpty { try writeTable(request) }
    if json { printJSON(analysis.json) } else { print(analysis.textTable) }
  }

  /// The model's table, as a template's `type: cox` table with `univariable: false` makes it.
  func writeTable(_ request: CoxRequest) throws {
    let forest = request.forestRequest
    let title = request.tableOutput.title ?? CoxRequest.defaultTableTitle
    let analysis = try ForestAnalysis(table: try DataTable(contentsOfFile: request.dataPath), request: forest)
    let table = analysis.table(
      title: title, confidenceLevel: forest.confidenceLevel, ties: forest.ties, decimals: forest.decimals)
    try TableFiles.write(table, title: title, to: request.tableOutput.paths, fontFamily: .sans)
  }
}

extension CoxCommand: DocumentedCommand {
  static var referencePage: String {
    ReferenceDocumentation.commandPage(
      self, CoxRequest.options, templateNote: ReferenceDocumentation.coxNote, own: ReferenceDocumentation.jsonFlag)
  }
}
