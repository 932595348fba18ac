import ManuscriptReader

/// libFuzzer's test function: one input is one manuscript file, its first byte naming the kind
/// (`SingleFileReader.tags`). A crash, a hang or runaway memory is a bug in the reader; findings
/// are its normal answer to a bad file.
nonisolated(unsafe) private let reader = SingleFileReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzTest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    _ = reader.findings(tagged: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver, linked in by -sanitize=fuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; it hands the command line to
/// libFuzzer's driver, which is what libFuzzer's own `main` would do.
@_cdecl("ReaderFuzzer_main")
public func readerFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
        runFuzzerDriver(&count, argumentsPointer, readerFuzzTest)
    }
}
