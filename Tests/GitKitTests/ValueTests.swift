import Foundation
import GitKit
import XCTest

final class ValueTests: XCTestCase {
    func testObjectIDParsing() throws {
        let lower = "0123456789abcdef0123456789abcdef01234567"
        let id = try XCTUnwrap(ObjectID(hex: lower.uppercased()))

        XCTAssertEqual(id.hex, lower)
        XCTAssertEqual(id.description, lower)
        XCTAssertEqual(ObjectID(hex: lower), id)
        XCTAssertNil(ObjectID(hex: String(lower.dropLast())))
        XCTAssertNil(ObjectID(hex: lower + "0"))
        XCTAssertNil(ObjectID(hex: String(lower.dropLast()) + "g"))
        XCTAssertNil(ObjectID(hex: ""))
    }

    func testObjectIDOrdering() throws {
        let low = try XCTUnwrap(ObjectID(hex: "0" + String(repeating: "f", count: 39)))
        let high = try XCTUnwrap(ObjectID(hex: "1" + String(repeating: "0", count: 39)))

        XCTAssertLessThan(low, high)
        XCTAssertEqual([high, low].sorted(), [low, high])
        XCTAssertEqual(Set([low, high, low]).count, 2)
    }

    func testGitErrorDescription() {
        let error = GitError(code: -3, errorClass: 4, function: "git_thing", message: "it is gone")

        XCTAssertEqual(error.description, "git_thing failed: it is gone")
        XCTAssertTrue(error.isNotFound)
        XCTAssertFalse(GitError(code: -1, errorClass: 2, function: "f", message: "m").isNotFound)
    }
}
