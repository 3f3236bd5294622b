import XCTest
@testable import SMSPlanKit

/// `heading-missing` compares headings lower-cased with their white space collapsed; ASCII
/// headings take a byte-by-byte way that must agree with the general one.
final class HeadingNormalizationTests: XCTestCase {
    private func general(_ heading: String) -> String {
        heading.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testASCIIHeadingsNormalizeAsTheGeneralWayDoes() {
        let alphabet = Array("aZ 09\t\r\n\u{0B}\u{0C}-_.Q ")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let heading = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(HeadingMissingRule.normalized(heading), general(heading), "heading \(heading.debugDescription)")
        }
        XCTAssertEqual(HeadingMissingRule.normalized("  Roles and\tResponsibilities \r\n"), "roles and responsibilities")
    }

    func testOtherHeadingsTakeTheGeneralWay() {
        for heading in ["Überblick  und Ziele", "Café\u{00A0}Menu", "ΣΚΟΠΟΣ", "Scope\u{2003}and aims"] {
            XCTAssertEqual(HeadingMissingRule.normalized(heading), general(heading))
        }
        XCTAssertEqual(HeadingMissingRule.normalized("  Überblick\u{00A0} UND  "), "überblick und")
    }
}
