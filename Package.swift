// swift-tools-version: 6.0
import PackageDescription

// Layers, each depending only on those above it:
//   ClinicalData, StatisticalFiles (data input) → SurvivalStatistics (pure) → FigureCore / SurvivalFigures (layout → Scene)
//   → CairoRendering (Canvas on Cairo + Pango) → ReportEngine (orchestration) → SurvfigCLI → survfig
let package = Package(
  name: "survfig",
  products: [
    .executable(name: "survfig", targets: ["survfig"]),
    .library(name: "SurvivalStatistics", targets: ["SurvivalStatistics"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
  ],
  targets: [
    // MARK: - Data input
    .target(name: "ClinicalData", dependencies: ["StatisticalFiles"]),
    // SAS transport, SAS, Stata and SPSS files through ReadStat. Debian's libreadstat-dev has no
    // pkg-config file: the module map links the library by name.
    .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
    .target(name: "StatisticalFiles", dependencies: ["CReadStat"]),

    // MARK: - Statistics (no I/O, no drawing)
    .target(name: "SurvivalStatistics"),

    // MARK: - Figure core and layout (no CSV, no Cairo)
    .target(name: "FigureCore"),
    .target(name: "SurvivalFigures", dependencies: ["FigureCore"]),

    // MARK: - Rendering backend
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo-ft",
      providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(
      name: "CPangoCairo", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"])]),
    // TIFF files (LZW, resolution tags) through libtiff; RGB to CMYK through littleCMS.
    .systemLibrary(name: "CTIFF", pkgConfig: "libtiff-4", providers: [.apt(["libtiff-dev"])]),
    .systemLibrary(name: "CLittleCMS", pkgConfig: "lcms2", providers: [.apt(["liblcms2-dev"])]),
    .target(name: "CairoRendering", dependencies: ["FigureCore", "CCairo", "CPangoCairo", "CTIFF", "CLittleCMS"]),

    // MARK: - Manuscript documents
    // Word (.docx, a stored ZIP of Office Open XML written directly) and RTF documents of report
    // tables and figures; zlib inflates the entries of a .docx that `check-text` reads.
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "ManuscriptDocuments", dependencies: ["FigureCore", "SurvivalFigures", "CZlib"]),

    // MARK: - Analyses, templates and reports
    // The shape of YAML text (nesting depth, keys that are not text) checked before Yams reads it.
    .target(name: "YAMLPreflight"),
    // The options of requests, declared once for the command line and templates.
    .target(name: "OptionSchema", dependencies: ["ClinicalData"]),
    // The expression language of filters and derived columns.
    .target(name: "Expressions", dependencies: ["ClinicalData", "SurvivalStatistics"]),
    // One request type per analysis and figure kind, its analysis, JSON, captions and figure.
    .target(
      name: "Analyses",
      dependencies: [
        "ClinicalData", "SurvivalStatistics", "FigureCore", "SurvivalFigures", "Expressions", "OptionSchema",
      ]),
    // Report templates: YAML with positions, styles, endpoints; requests built from their keys.
    .target(
      name: "ReportTemplates",
      dependencies: [
        "ClinicalData", "FigureCore", "SurvivalStatistics", "Expressions", "Analyses", "OptionSchema", "YAMLPreflight",
        .product(name: "Yams", package: "Yams"),
      ]),
    // Simulated cohorts from a specification (`survfig simulate`).
    .target(
      name: "SurvivalSimulation",
      dependencies: ["ClinicalData", "SurvivalStatistics", "YAMLPreflight", .product(name: "Yams", package: "Yams")]),
    // Orchestration: data in, figures and tables computed, files rendered and written.
    .target(
      name: "ReportEngine",
      dependencies: [
        "ClinicalData", "FigureCore", "SurvivalFigures", "CairoRendering", "Expressions", "Analyses",
        "ReportTemplates", "ManuscriptDocuments", "SurvivalStatistics",
        .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .target(
      name: "SurvfigCLI",
      dependencies: [
        "ReportEngine", "ReportTemplates", "Analyses", "OptionSchema", "SurvivalSimulation", "ClinicalData",
        "FigureCore", "ManuscriptDocuments",
        "SurvivalFigures",
        "SurvivalStatistics",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "survfig", dependencies: ["SurvfigCLI"]),
    // `make bench`: a synthetic million-patient cohort, timed stage by stage.
    .executableTarget(
      name: "survfig-bench",
      dependencies: ["ClinicalData", "SurvivalStatistics", "Analyses", "ReportTemplates", "ReportEngine"]),
    // Scripts/time-statistical-files.sh: a 1,000,000-row transport file against the same CSV.
    .executableTarget(
      name: "statistical-files-timing", dependencies: ["StatisticalFiles", "ClinicalData"]),

    // MARK: - Fuzzing
    // `make fuzz`: libFuzzer targets, built with --sanitize=fuzzer -DFUZZING into .build-fuzz. In
    // a normal build each is a small tool that runs its test function over the files given
    // (a corpus under Fuzz/Corpus, or a crash file to reproduce).
    .target(name: "FuzzSupport", path: "Sources/Fuzz/FuzzSupport"),
    .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", "ClinicalData"], path: "Sources/Fuzz/fuzz-csv"),
    .executableTarget(
      name: "fuzz-expressions", dependencies: ["FuzzSupport", "ClinicalData", "Expressions"],
      path: "Sources/Fuzz/fuzz-expressions"),
    .executableTarget(
      name: "fuzz-formula", dependencies: ["FuzzSupport", "SurvivalStatistics"], path: "Sources/Fuzz/fuzz-formula"),
    .executableTarget(
      name: "fuzz-captions", dependencies: ["FuzzSupport", "Analyses", "ReportEngine"],
      path: "Sources/Fuzz/fuzz-captions"),
    .executableTarget(
      name: "fuzz-templates", dependencies: ["FuzzSupport", "ReportTemplates"], path: "Sources/Fuzz/fuzz-templates"),

    // MARK: - Tests
    .testTarget(name: "ClinicalDataTests", dependencies: ["ClinicalData"]),
    .testTarget(
      name: "StatisticalFilesTests", dependencies: ["StatisticalFiles"],
      exclude: ["Fixtures"]),
    .testTarget(name: "SurvivalStatisticsTests", dependencies: ["SurvivalStatistics"]),
    .testTarget(name: "FigureCoreTests", dependencies: ["FigureCore"]),
    .testTarget(
      name: "ManuscriptDocumentsTests", dependencies: ["ManuscriptDocuments", "SurvivalFigures", "FigureCore"]),
    .testTarget(name: "SurvivalFiguresTests", dependencies: ["SurvivalFigures", "FigureCore"]),
    .testTarget(name: "CairoRenderingTests", dependencies: ["CairoRendering", "FigureCore", "CCairo"]),
    .testTarget(
      name: "ReportEngineTests",
      dependencies: [
        "ReportEngine", "ReportTemplates", "Analyses", "Expressions", "SurvivalSimulation", "ClinicalData",
        "SurvivalStatistics", "SurvivalFigures", "FigureCore", "CairoRendering",
        .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .testTarget(
      name: "SurvfigCLITests",
      dependencies: [
        "SurvfigCLI", "ReportTemplates", "Analyses", "OptionSchema",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["Fixtures"]),
  ]
)
