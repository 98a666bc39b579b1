import SurvfigCLI

#if canImport(Glibc)
  import Glibc

  // Arrays of a million values are allocated and freed stage after stage, and on a virtual
  // machine the first touch of a page costs more than the work done on it. glibc's malloc keeps
  // them where the next stage reuses their pages instead of faulting in new ones:
  // - a fixed mmap threshold of 64 MiB (M_MMAP_THRESHOLD, -3) keeps them in the heap;
  // - a trim threshold of 256 MiB (M_TRIM_THRESHOLD, -1) keeps a freed top of the heap for the
  //   next stage instead of giving it back at once;
  // - one arena (M_ARENA_MAX, -8) lets an array freed by a worker thread serve the main thread.
  // The million-patient figure runs about a tenth faster, the Cox fit a tenth faster, both in
  // less peak memory; the numbers and files are the same.
  if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-3, 64 << 20)
    _ = mallopt(-1, 256 << 20)
    _ = mallopt(-8, 1)
  }

  HugePages.requestIfAdvised()
#endif

SurvfigCommand.main()
