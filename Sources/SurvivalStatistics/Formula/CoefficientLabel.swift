/// The name of one model coefficient, both as R prints it and in structured form.
///
/// R: the column names of `model.matrix` — `age`, `celltypesmallcell`, `factor(x)2`,
/// `log(bili)`, `sex:ph.ecog`, `celltypeadeno:karno`.
public struct CoefficientLabel: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// One variable of the coefficient's term.
  public struct Component: Equatable, Hashable, Sendable {
    /// The variable as written in the formula (`celltype`, `factor(x)`, `log(bili)`).
    public let variable: String
    /// The factor level this column indicates, or nil for a numeric variable.
    public let level: String?
    /// The factor's reference level when the column is a contrast against it; nil for a
    /// numeric variable or for full indicator coding.
    public let reference: String?

    /// Creates a component.
    public init(variable: String, level: String? = nil, reference: String? = nil) {
      self.variable = variable
      self.level = level
      self.reference = reference
    }
  }

  /// The name R gives the column (term variable names with factor levels appended, joined by
  /// `:` for interactions).
  public let name: String
  /// The label of the term the column belongs to (R `term.labels`), e.g. `celltype`.
  public let term: String
  /// The variables of the term, in order.
  public let components: [Component]

  /// Creates a label.
  public init(name: String, term: String, components: [Component]) {
    self.name = name
    self.term = term
    self.components = components
  }

  /// A label for a plain numeric column that is its own term.
  public init(numeric name: String) {
    self.init(name: name, term: name, components: [Component(variable: name)])
  }

  /// The level of a single-factor coefficient (nil for numeric and interaction columns).
  public var level: String? { components.count == 1 ? components[0].level : nil }
  /// The reference level of a single-factor coefficient.
  public var reference: String? { components.count == 1 ? components[0].reference : nil }
  /// True for an interaction column.
  public var isInteraction: Bool { components.count > 1 }

  /// The levels of the column's factor variables joined by `:`, in term order: `smallcell` for
  /// `celltypesmallcell`, `2:4` for `factor(trt)2:factor(celltype)4`, `2` for
  /// `factor(trt)2:karno`; nil when no variable of the term is a factor.
  public var levels: String? {
    let factors = components.compactMap(\.level)
    return factors.isEmpty ? nil : factors.joined(separator: ":")
  }

  /// The reference levels of the column's factor variables joined by `:` (`1:1` for
  /// `factor(trt)2:factor(celltype)4`); nil when no variable is a factor or one of them is
  /// coded by indicators of all its levels (no reference).
  public var references: String? {
    let factors = components.filter { $0.level != nil }
    guard !factors.isEmpty, factors.allSatisfy({ $0.reference != nil }) else { return nil }
    return factors.compactMap(\.reference).joined(separator: ":")
  }

  /// The R name.
  public var description: String { name }
}
