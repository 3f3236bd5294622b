import XCTest
@testable import SMSPlanKit

final class TextTableTests: XCTestCase {
    func testColumnsAlignByCharactersWithoutTrailingSpaces() {
        let text = TextTable.render([["id", "status", "path"], ["POL-001", "approved", "policies/a.md"], ["P-2", "", ""]])
        XCTAssertEqual(text, """
              id       status    path
              POL-001  approved  policies/a.md
              P-2

            """)
    }

    /// A cell whose characters take two UTF-16 units each (an emoji) or several scalars (an
    /// accent written apart) is padded by its characters and never cut short.
    func testCellsOutsideTheBasicPlaneAreNeitherCutNorMisaligned() {
        let text = TextTable.render([["😀😀", "x"], ["cafe\u{301}", "y"], ["ab", "z"]], indent: "")
        XCTAssertEqual(text.split(separator: "\n").map(String.init), ["😀😀    x", "cafe\u{301}  y", "ab    z"])
    }

    func testControlCharactersInCellsAreEscapedAndNoRowsGiveNoText() {
        XCTAssertEqual(TextTable.render([]), "")
        XCTAssertEqual(TextTable.render([["a\u{1B}[31m", "b"]], indent: ""), "a\\033[31m  b\n")
    }
}
