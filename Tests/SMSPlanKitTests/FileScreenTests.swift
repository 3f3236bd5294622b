import XCTest
@testable import SMSPlanKit

final class FileScreenTests: XCTestCase {
    private func line(_ text: String) -> Int? {
        FileScreen.conflictMarkerLine(in: Data(text.utf8))
    }

    func testConflictMarkersAreFoundWithEitherLineEndAndAtTheEdgesOfTheFile() {
        XCTAssertEqual(line("---\nid: POL-1\n<<<<<<< HEAD\nstatus: draft\n=======\nstatus: approved\n>>>>>>> topic\n---\n"), 3)
        XCTAssertEqual(line("a\r\n<<<<<<< ours\r\nx\r\n=======\r\ny\r\n>>>>>>> theirs\r\n"), 2)
        // The shortest conflict, with no line end after its last marker.
        XCTAssertEqual(line("<<<<<<<\n=======\n>>>>>>>"), 1)
        XCTAssertEqual(line("<<<<<<< a\n\n=======\n>>>>>>> b"), 1)
    }

    func testTextThatOnlyLooksLikeAConflictIsNotOne() {
        XCTAssertNil(line(""))
        XCTAssertNil(line("======="))
        XCTAssertNil(line("# Title\n=======\n\nA setext heading underlined with equals signs.\n"))
        XCTAssertNil(line("<<<<<<< HEAD\nno divider\n>>>>>>> topic\n"))
        XCTAssertNil(line("<<<<<<< HEAD\n=======\nnever closed\n"))
        XCTAssertNil(line("text\n ======= indented\n<<<<<<< a\n>>>>>>> b\n"))
    }
}
