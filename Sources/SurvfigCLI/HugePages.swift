#if canImport(Glibc)
  import Glibc

  /// Backs the process's arrays with 2 MB pages when it reads a large data file on a machine that
  /// grants them only on request.
  ///
  /// Every array of ten million values is touched fresh at least once, and each 4 KB page of it
  /// costs a page fault that clears the page: at ten million rows those faults are a third of the
  /// work. Where transparent huge pages are in `madvise` mode, glibc asks for them on the heap and
  /// on its mapped chunks when the `glibc.malloc.hugetlb=1` tunable is set, which glibc reads only
  /// at start-up: the process starts itself again once with the tunable added. That costs about
  /// 15 ms (loading the libraries again, clearing 2 MB pages for a small heap), more than it saves
  /// below a few million rows, so it is done only when an argument names a file of at least
  /// ``largeFileBytes``. Results and files are the same; only the page size under them changes.
  public enum HugePages {
    private static let tunable = "glibc.malloc.hugetlb"
    /// About 2.5 million rows of a seven-column cohort CSV.
    static let largeFileBytes = 64 << 20

    /// Called first thing in `main`, before any work: restarts the process as described above
    /// or returns.
    public static func requestIfAdvised() {
      // Not for a set-user-ID or set-group-ID process (glibc drops the tunables there) nor when
      // the tunable is already set, by this process or by the user.
      guard getuid() == geteuid(), getgid() == getegid() else { return }
      let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
      if let current, current.contains(tunable) { return }
      guard namesLargeFile(CommandLine.arguments.dropFirst()) else { return }
      guard transparentHugePagesMode() == "madvise" else { return }
      let setting = "\(tunable)=1"
      let value = current.map { $0.isEmpty ? setting : "\($0):\(setting)" } ?? setting
      guard setenv("GLIBC_TUNABLES", value, 1) == 0 else { return }
      // On success execv does not return; on failure the process goes on as it is.
      _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// Whether an argument, or the value of an `--option=value` argument, is a regular file of
    /// at least ``largeFileBytes``.
    static func namesLargeFile(_ arguments: ArraySlice<String>) -> Bool {
      arguments.contains { argument in
        let path =
          argument.hasPrefix("-")
          ? argument.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) : argument
        guard let path else { return false }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        return status.st_size >= largeFileBytes
      }
    }

    /// The bracketed word of `/sys/kernel/mm/transparent_hugepage/enabled`
    /// (`always [madvise] never`), or nil.
    private static func transparentHugePagesMode() -> String? {
      guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return nil }
      defer { fclose(file) }
      var line = [CChar](repeating: 0, count: 128)
      guard fgets(&line, Int32(line.count), file) != nil else { return nil }
      let text = String(cString: line)
      guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else {
        return nil
      }
      return String(text[text.index(after: open)..<close])
    }
  }
#endif
