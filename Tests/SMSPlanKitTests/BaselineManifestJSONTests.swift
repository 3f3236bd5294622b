import Foundation
import XCTest
@testable import SMSPlanKit

/// The manifest a baseline tag carries is written entry by entry; it must read exactly as
/// `JSONEncoder` wrote it (pretty-printed, keys sorted, slashes as they are), whatever it
/// holds, so that tags made before and after read the same.
final class BaselineManifestJSONTests: XCTestCase {
    private func encoded(_ manifest: BaselineManifest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(manifest), as: UTF8.self)
    }

    private func entry(_ id: String, title: String = "A title", version: String? = "1.0", inForce: Bool = false) -> BaselineManifest.Entry {
        BaselineManifest.Entry(id: id, title: title, type: "policy", version: version, status: "approved", path: "policies/\(id).md",
                               blob: String(repeating: "a", count: 40), inForceVersion: inForce ? "0.9" : nil,
                               inForceBlob: inForce ? String(repeating: "b", count: 40) : nil)
    }

    private func manifest(documents: [BaselineManifest.Entry], records: [BaselineManifest.Entry], covered: [String],
                          schema: String? = "iso20000-1:2018", edition: String? = "2018") -> BaselineManifest {
        var manifest = try! JSONDecoder().decode(BaselineManifest.self, from: Data("""
            {"format": 1, "tool": "smsplan 0.1.0", "phase": 2, "commit": "\(String(repeating: "c", count: 40))", "date": "2026-12-03",
             "documents": [], "records": [],
             "coverage": {"covered": 3, "partial": 1, "uncovered": 0, "excluded": 2, "dueByPhase": 5, "coveredDueByPhase": 3, "coveredRequirements": []}}
            """.utf8))
        manifest.schema = schema
        manifest.edition = edition
        manifest.documents = documents
        manifest.records = records
        manifest.coverage.coveredRequirements = covered
        return manifest
    }

    func testWrittenAsJSONEncoderWritesIt() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let awkward = "quote \" backslash \\ slash / controls \(controls) delete \u{7F} é 日本 🙂 \u{2028} \u{FEFF}"
        let shapes = [
            manifest(documents: [], records: [], covered: []),
            manifest(documents: [entry("POL-001")], records: [], covered: ["4.1"], schema: nil, edition: nil),
            manifest(documents: [entry("POL-001", inForce: true), entry("POL-002", title: awkward, version: nil)],
                     records: [entry("REC-001", title: "")], covered: ["4.1", "8.2.3", awkward]),
            manifest(documents: (1...50).map { entry("PRC-\($0)", title: "Procedure \($0) / part \($0 % 3)") },
                     records: (1...5).map { entry("REC-\($0)") }, covered: (1...20).map { "clause \($0)" }),
        ]
        for manifest in shapes {
            let expected = try encoded(manifest)
            XCTAssertEqual(ManifestJSON.write(manifest), expected)
            XCTAssertEqual(BaselineManifest.parse(message: "summary\n\n" + manifest.block), manifest)
        }
    }
}
