/// What a characteristics table ("Table 1") describes: the variables, the grouping, and how
/// each variable is summarised and tested.
public struct CharacteristicsRequest: Sendable {
  /// How a variable is described.
  public enum Kind: String, Sendable, CaseIterable {
    /// Counts and percentages per level.
    case categorical
    /// A location and spread.
    case continuous
  }

  /// The summary of a continuous variable.
  public enum Summary: String, Sendable, CaseIterable {
    /// Median [first quartile–third quartile] (R: `quantile`, type 7).
    case medianIQR = "median-iqr"
    /// Mean (standard deviation).
    case meanSD = "mean-sd"
    /// Median (minimum–maximum).
    case medianRange = "median-range"
  }

  /// The test of a variable between the groups.
  public enum Test: String, Sendable, CaseIterable {
    /// Categorical: Fisher's exact test when an expected count is below 5, else the chi-square
    /// test; continuous: Wilcoxon rank-sum (two groups) or Kruskal–Wallis for medians, Welch's t
    /// (two groups) or one-way ANOVA for means.
    case automatic = "auto"
    /// Pearson's chi-square test, Yates-corrected for 2 × 2 tables (R: `chisq.test`).
    case chiSquare = "chisq"
    /// Fisher's exact test (R: `fisher.test`).
    case fisher
    /// Welch's two-sample t-test (R: `t.test`).
    case tTest = "t-test"
    /// Wilcoxon rank-sum test (R: `wilcox.test`).
    case wilcoxon
    /// One-way analysis of variance (R: `aov`).
    case anova
    /// Kruskal–Wallis rank-sum test (R: `kruskal.test`).
    case kruskal
    /// No test.
    case none
  }

  /// One variable (one block of rows) of the table.
  public struct Variable: Sendable {
    /// The data column.
    public var column: String
    /// The text of its row; the column name when nil.
    public var label: String?
    /// Categorical or continuous; nil infers it: text columns and numeric columns with fewer
    /// than 10 distinct values are categorical (as R's gtsummary does).
    public var kind: Kind?
    /// The summary of a continuous variable.
    public var summary: Summary = .medianIQR
    /// The order of a categorical variable's levels (R's factor order when nil).
    public var levelOrder: [String]?
    /// Display labels of levels, by the value in the data.
    public var levelLabels: [String: String] = [:]
    /// A level shown alone on the variable's row ("Female, n (%)") instead of every level.
    public var shownLevel: String?
    /// The test between groups.
    public var test: Test = .automatic
    /// Decimals of a continuous summary.
    public var decimals: Int = 1
    /// Where the variable is written in the template, for messages (`file:line`).
    public var location: String?

    public init(column: String) {
      self.column = column
    }
  }

  /// The CSV file (for messages and dependencies).
  public var dataPath: String
  /// The patients described: a population, an expression.
  public var rowSelection = RowSelection()
  /// The grouping column; nil for a single column of all patients.
  public var groupColumn: String?
  /// The groups' order (R's factor order when nil).
  public var groupOrder: [String]?
  /// Display labels of groups, by the value in the data.
  public var groupLabels: [String: String] = [:]
  /// A column of all patients beside the groups (always shown without a grouping).
  public var showsOverall = true
  /// A P value per variable (only with a grouping).
  public var showsTests = true
  /// A "Missing" row under variables with missing values.
  public var showsMissing = true
  /// Small-cell suppression: counts from 1 to one below this print as `<N`; nil prints every count.
  public var suppressBelow: Int?
  /// The variables, in order.
  public var variables: [Variable]

  public init(dataPath: String, variables: [Variable]) {
    self.dataPath = dataPath
    self.variables = variables
  }
}
