import SurvivalStatistics
import Yams

extension _SpecReader {
  func groups(_ node: Node) throws(CohortSpecificationError) -> [PatientGroup] {
    guard let sequence = node.sequence else {
      throw error(node, "'groups' must be a list such as '- {size: 18, therapy: immunotherapy}'")
    }
    var result: [PatientGroup] = []
    for item in sequence {
      var size: PatientGroup.Size?
      var values: [(column: String, value: String)] = []
      for entry in try entries(item, allowed: nil, what: "a group") {
        switch entry.key {
        case "size": size = .count(try patientCount(entry.value, what: "'size'"))
        case "proportion": size = .proportion(try positive(entry.value, what: "'proportion'"))
        default:
          values.append((entry.key, try text(entry.value, what: "the value of '\(entry.key)'")))
        }
      }
      guard let size else { throw error(item, "a group needs 'size' (patients) or 'proportion'") }
      result.append(PatientGroup(size: size, values: values, origin: location(item)))
    }
    return result
  }

  static let covariateKeys = [
    "counts", "probabilities", "normal", "lognormal", "uniform", "distribution", "round", "min",
    "max",
    "derive", "map", "default",
  ]

  func covariates(_ node: Node) throws(CohortSpecificationError) -> [Covariate] {
    var result: [Covariate] = []
    for entry in try entries(node, allowed: nil, what: "'covariates'") {
      let fields = try entries(
        entry.value, allowed: Self.covariateKeys, what: "covariate '\(entry.key)'")
      let origin = location(entry.keyNode)
      let kind: Covariate.Kind
      if let counts = value(fields, "counts") {
        kind = .categorical(
          try conditional(counts, what: "'counts'") { (n) throws(CohortSpecificationError) in
            .counts(
              try self.levelList(n, what: "'counts'") { (v) throws(CohortSpecificationError) in
                try self.patientCount(v, what: "a count")
              })
          })
      } else if let probabilities = value(fields, "probabilities") {
        kind = .categorical(
          try conditional(probabilities, what: "'probabilities'") {
            (n) throws(CohortSpecificationError) in
            let levels = try self.levelList(n, what: "'probabilities'") {
              (v) throws(CohortSpecificationError) in
              try self.nonNegative(v, what: "a probability")
            }
            let total = levels.reduce(0) { $0 + $1.1 }
            guard abs(total - 1) < 1e-9 else {
              throw self.error(n, "probabilities add up to \(total), not 1")
            }
            return .probabilities(levels.map { ($0.0, $0.1) })
          })
      } else if let sources = value(fields, "derive") {
        let from = try texts(sources, what: "'derive'")
        var map: [String: String] = [:]
        if let mapNode = value(fields, "map") {
          for m in try entries(mapNode, allowed: nil, what: "'map'") {
            map[m.key] = try text(m.value, what: "a mapped value")
          }
        }
        let fallback = try value(fields, "default").map { (n) throws(CohortSpecificationError) in
          try text(n, what: "'default'")
        }
        kind = .derived(from: from, map: map, fallback: fallback)
      } else {
        let law: Conditional<Covariate.Distribution>
        if let d = value(fields, "distribution") {
          law = try conditional(d, what: "'distribution'") { (n) throws(CohortSpecificationError) in
            try self.distribution(n)
          }
        } else if fields.contains(where: { ["normal", "lognormal", "uniform"].contains($0.key) }) {
          law = .value(try distribution(entry.value, fields: fields))
        } else {
          throw error(
            entry.keyNode,
            "covariate '\(entry.key)' needs one of 'counts', 'probabilities', 'normal', 'lognormal', 'uniform', 'distribution' or 'derive'"
          )
        }
        let digits =
          try value(fields, "round").map { (n) throws(CohortSpecificationError) in
            try count(n, what: "'round'")
          } ?? 0
        let lower = try value(fields, "min").map { (n) throws(CohortSpecificationError) in
          try number(n, what: "'min'")
        }
        let upper = try value(fields, "max").map { (n) throws(CohortSpecificationError) in
          try number(n, what: "'max'")
        }
        kind = .continuous(law, digits: digits, lower: lower, upper: upper)
      }
      result.append(Covariate(name: entry.key, kind: kind, origin: origin))
    }
    return result
  }

  func levelList<T>(
    _ node: Node, what: String, _ read: (Node) throws(CohortSpecificationError) -> T
  )
    throws(CohortSpecificationError) -> [(String, T)]
  {
    var result: [(String, T)] = []
    for entry in try entries(node, allowed: nil, what: what) {
      result.append((entry.key, try read(entry.value)))
    }
    guard !result.isEmpty else { throw error(node, "\(what) needs at least one level") }
    return result
  }

  func distribution(_ node: Node, fields given: [(key: String, keyNode: Node, value: Node)]? = nil)
    throws(CohortSpecificationError) -> Covariate.Distribution
  {
    var fields = given ?? []
    if given == nil {
      fields = try entries(
        node, allowed: ["normal", "lognormal", "uniform"], what: "a distribution")
    }
    for (key, _, parameters) in fields {
      switch key {
      case "normal":
        let p = try entries(parameters, allowed: ["mean", "sd"], what: "'normal'")
        return .normal(
          mean: try number(require(p, "mean", in: parameters, what: "'normal'"), what: "'mean'"),
          standardDeviation: try positive(
            require(p, "sd", in: parameters, what: "'normal'"), what: "'sd'"))
      case "lognormal":
        let p = try entries(parameters, allowed: ["meanlog", "sdlog"], what: "'lognormal'")
        return .lognormal(
          meanlog: try number(
            require(p, "meanlog", in: parameters, what: "'lognormal'"), what: "'meanlog'"),
          sdlog: try positive(
            require(p, "sdlog", in: parameters, what: "'lognormal'"), what: "'sdlog'"))
      case "uniform":
        let p = try entries(parameters, allowed: ["min", "max"], what: "'uniform'")
        let a = try number(require(p, "min", in: parameters, what: "'uniform'"), what: "'min'")
        let b = try number(require(p, "max", in: parameters, what: "'uniform'"), what: "'max'")
        guard b > a else { throw error(parameters, "'uniform' needs 'max' greater than 'min'") }
        return .uniform(minimum: a, maximum: b)
      default: continue
      }
    }
    throw error(node, "a distribution needs 'normal', 'lognormal' or 'uniform'")
  }
}
