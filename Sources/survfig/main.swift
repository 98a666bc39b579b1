import SurvfigCLI

#if canImport(Glibc)
  import Glibc

  // Arrays of a million values are allocated and freed stage after stage. With a fixed mmap
  // threshold (glibc's mallopt(M_MMAP_THRESHOLD, 256 KiB); M_MMAP_THRESHOLD is -3) each goes
  // back to the system when freed, so the peak memory is what is alive at once; glibc would
  // otherwise raise the threshold after the first such free and keep every later one in the heap.
  if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-3, 256 * 1024)
  }
#endif

SurvfigCommand.main()
