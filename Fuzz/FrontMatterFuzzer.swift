// libFuzzer target: the front-matter parser and the document decoder on arbitrary bytes.
// Built and run by `make fuzz` (scripts/fuzz); see docs/robustness.md.
import Foundation
import SMSPlanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let parsed = FrontMatterParser.parse(data)
    let decoded = DocumentDecoder.decode(data, path: "policies/fuzz.md")
    // Every finding names a real place: line and column from 1, no line past the end.
    let lines = data.reduce(into: 1) { count, byte in if byte == 0x0A || byte == 0x0D { count += 1 } }
    for finding in parsed.findings + decoded.findings {
        let location = finding.location
        if location.line < 1 || location.column < 1 || location.line > lines {
            fatalError("finding outside the file: \(location.line):\(location.column) of \(lines) lines: \(finding.message)")
        }
    }
    if parsed.frontMatter == nil && parsed.findings.isEmpty {
        fatalError("no front matter and no finding to say why")
    }
    return 0
}

/// Parses one document before fuzzing starts, so that lazily made globals are not taken for
/// leaks of the first input.
@_cdecl("LLVMFuzzerInitialize")
public func initializeFrontMatter(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    let sample = Array("---\nid: POL-001\nhistory: [{ version: \"1.0\", date: 2026-03-01 }]\n---\n# Title\n".utf8)
    _ = sample.withUnsafeBufferPointer { fuzzFrontMatter($0.baseAddress, $0.count) }
    return 0
}
