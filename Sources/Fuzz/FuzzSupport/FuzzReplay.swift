import Foundation

/// Runs a fuzz target's test function outside libFuzzer: over each file given, or each file of
/// each folder given (a corpus, or a crash file to reproduce under the debugger), then prints how
/// many inputs it ran. The fuzz targets call it from their `main` when they are built without
/// `--sanitize=fuzzer` (`make fuzz` builds them with it, and libFuzzer's `main` drives them).
public func replayFuzzInputs(_ arguments: [String], _ testOne: ([UInt8]) -> Void) {
  let tool = (arguments.first as NSString?)?.lastPathComponent ?? "fuzz"
  guard arguments.count > 1 else {
    print("usage: \(tool) FILE|FOLDER…  (built by make fuzz, libFuzzer runs it instead)")
    return
  }
  var count = 0
  for path in arguments.dropFirst() {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      print("\(tool): no file or folder '\(path)'")
      continue
    }
    let files =
      isFolder.boolValue
      ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
      : [path]
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      testOne([UInt8](data))
      count += 1
    }
  }
  print("\(tool): ran \(count) inputs")
}

/// The bytes of one libFuzzer input.
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
  Array(UnsafeBufferPointer(start: data, count: size))
}
