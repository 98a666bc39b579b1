/// The version of survfig, as printed by `--version` and recorded in every sidecar and PDF.
public enum SurvfigVersion {
  public static let string = "0.1.0"
}
