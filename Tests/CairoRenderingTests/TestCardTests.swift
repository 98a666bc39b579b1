import CairoRendering
import FigureCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the test card in every format to `$CAIRO_TEST_CARD_DIR`, for looking at; does
/// nothing when the variable is unset.
@Test("Test card (written only when CAIRO_TEST_CARD_DIR is set)")
func writeTestCard() throws {
  guard let folder = getenv("CAIRO_TEST_CARD_DIR").map({ String(cString: $0) }) else { return }
  let scene = TestCard.scene(measurer: testRenderer.measurer)
  for format in OutputFormat.allCases {
    try testRenderer.write(scene, to: "\(folder)/test-card.\(format.fileExtension)")
  }
  try testRenderer.write(SampleScenes.figure(), to: "\(folder)/sample.pdf")
  try testRenderer.write(SampleScenes.figure(), to: "\(folder)/sample.png")
  let km = BenchmarkScene.kaplanMeier(measurer: testRenderer.measurer)
  for format in OutputFormat.allCases {
    try testRenderer.write(km, to: "\(folder)/km.\(format.fileExtension)")
  }
}
