/// The front end an option arrives through, which decides how messages name it.
public enum OptionSpelling: Hashable, Sendable {
  /// `--group-labels`.
  case commandLine
  /// `group-labels`, at the template position of its value.
  case template
}

/// How the command line spells an option of a request, if it has one.
public enum CommandLineName: Hashable, Sendable {
  /// `--key`, as the template key.
  case same
  /// Another long name (`--id` for the key `id-column`).
  case named(String)
  /// A flag that sets the key's boolean to false (`--no-p-value` for `p-value: false`), with
  /// its own help (`Omit the P value.`).
  case negatedFlag(String, help: String)
  /// Template only (`variables` of a characteristics table).
  case none
}

/// The part of a command's help and of the reference an option is listed under.
public enum OptionSection: String, Hashable, Sendable, CaseIterable {
  case data = "Data"
  case statistics = "Statistics"
  case figure = "Figure"
  case output = "Output"
}
