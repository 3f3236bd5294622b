import GitKit
import XCTest

/// `MarkdownName.matches` answers as `lowercased().hasSuffix(".md")` does, and
/// `endsInLowercase` as `hasSuffix(".md")`, for every name.
final class MarkdownNameTests: XCTestCase {
    func testAgreesWithTheUnicodeSuffixOnAwkwardNames() {
        let names = [
            "", "m", "md", ".md", ".MD", "a.md", "a.Md", "a.mD", "a.mdx", "a.markdown", "a.m", "amd", "a..md", "folder/a.md",
            "a.md/", "a.md ", " a.md", "café.md", "cafe\u{301}.md", "a\u{301}.md", "a.md\u{301}", "a.m\u{301}d", "\u{0600}.md",
            "x\u{0600}.md", "\u{1F600}\u{200D}.md", "\u{FF2D}\u{FF24}", "a.\u{FF4D}\u{FF44}", "a.\u{212A}", "A.MD", "\r.md",
            "\u{0130}.md", "a\u{0300}.md", "\u{FEFF}.md", "日本語.md", "日本語.MD", "\u{0D4E}.md", "a.mdd", "a.dm",
        ]
        for name in names {
            XCTAssertEqual(MarkdownName.matches(name), name.lowercased().hasSuffix(".md"), "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(MarkdownName.endsInLowercase(name), name.hasSuffix(".md"), "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testAgreesOnEveryScalarBeforeAndAfterTheSuffix() {
        // A prepended mark (such as U+0600) joins the "." that follows it: the name then does not end in ".md".
        XCTAssertFalse(MarkdownName.matches("\u{0600}.md"))
        for value in stride(from: 0x20, through: 0x2FFF, by: 1) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for name in ["x\(scalar).md", "\(scalar).md", "a.md\(scalar)", "a.m\(scalar)", "a.\(scalar)d", "\(scalar)"] {
                XCTAssertEqual(MarkdownName.matches(name), name.lowercased().hasSuffix(".md"), "U+\(String(value, radix: 16)) in \(name.debugDescription)")
                XCTAssertEqual(MarkdownName.endsInLowercase(name), name.hasSuffix(".md"), "U+\(String(value, radix: 16)) in \(name.debugDescription)")
            }
        }
    }
}
