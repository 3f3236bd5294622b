import XCTest
@testable import SMSPlanKit

/// `id-duplicate` takes POL-1 and POL-001 for one number; ASCII ids are read on bytes, a
/// way that must agree with the one on characters.
final class IDNumberKeyTests: XCTestCase {
    func testASCIIIDsGiveTheKeyTheCharacterWayGives() {
        let alphabet = Array("POL-0019-x-00a ")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...9, using: &generator)
            let id = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(IDDuplicateRule.numberKey(id), IDDuplicateRule.characterNumberKey(id), "id \(id.debugDescription)")
        }
    }

    func testKeys() {
        XCTAssertEqual(IDDuplicateRule.numberKey("POL-001"), "POL-1")
        XCTAssertEqual(IDDuplicateRule.numberKey("POL-1"), "POL-1")
        XCTAssertEqual(IDDuplicateRule.numberKey("POL-000"), "POL-0")
        XCTAssertEqual(IDDuplicateRule.numberKey("POL-0"), "POL-0")
        XCTAssertEqual(IDDuplicateRule.numberKey("A-B-010"), "A-B-10")
        XCTAssertNil(IDDuplicateRule.numberKey("POL-"))
        XCTAssertNil(IDDuplicateRule.numberKey("POL-1a"))
        XCTAssertNil(IDDuplicateRule.numberKey("POL1"))
    }

    func testOtherIDsTakeTheCharacterWay() {
        for id in ["ПОЛ-007", "POL-0\u{301}1", "POL-\u{0661}", "Ü-01", "POL-\u{FF11}"] {
            XCTAssertEqual(IDDuplicateRule.numberKey(id), IDDuplicateRule.characterNumberKey(id), id)
        }
        XCTAssertEqual(IDDuplicateRule.numberKey("ПОЛ-007"), "ПОЛ-7")
        XCTAssertNil(IDDuplicateRule.numberKey("POL-\u{0661}"))
    }
}
