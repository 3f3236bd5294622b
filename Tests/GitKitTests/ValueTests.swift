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

    /// Every byte at every place of an id: only a hexadecimal digit is taken there (only a
    /// lowercase one where asked), and as its value.
    func testObjectIDDigitsAreReadByTheirValueAtEveryPlace() throws {
        let zeros = [UInt8](repeating: UInt8(ascii: "0"), count: 40)
        for place in [0, 7, 15, 16, 31, 32, 39] {
            for byte in UInt8.min...UInt8.max {
                var digits = zeros
                digits[place] = byte
                let character = Character(Unicode.Scalar(byte))
                let value = character.isASCII ? character.hexDigitValue.map(UInt64.init) : nil
                let isUppercase = (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                // The value at `place`, in the number (of 16, 16 and 8 digits) that holds it.
                let expected = value.map { value -> [UInt64] in
                    switch place {
                    case 0..<16: [value << (4 * UInt64(15 - place)), 0, 0]
                    case 16..<32: [0, value << (4 * UInt64(31 - place)), 0]
                    default: [0, 0, value << (4 * UInt64(39 - place))]
                    }
                }
                let either = digits.withUnsafeBufferPointer { ObjectID.parse(hex: $0, lowercaseOnly: false) }
                let lowercase = digits.withUnsafeBufferPointer { ObjectID.parse(hex: $0, lowercaseOnly: true) }
                XCTAssertEqual(either.map { [$0.high, $0.middle, UInt64($0.low)] }, expected, "byte \(byte) at \(place)")
                XCTAssertEqual(lowercase.map { [$0.high, $0.middle, UInt64($0.low)] }, isUppercase ? nil : expected,
                               "byte \(byte) at \(place), lowercase only")
                XCTAssertEqual(ObjectID(hex: String(decoding: digits, as: UTF8.self)) != nil, expected != nil, "byte \(byte) at \(place)")
            }
        }
        XCTAssertNil([UInt8](repeating: UInt8(ascii: "a"), count: 39).withUnsafeBufferPointer { ObjectID.parse(hex: $0, lowercaseOnly: true) })
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
