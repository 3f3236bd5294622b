import Foundation
import TestSupport
import XCTest

/// `baseline verify` follows baseline.sign as smsplan.yaml says at HEAD, not only at the tag.
final class BaselineSigningTests: PlanSessionTestCase {
    func testSigningAskedForLaterMakesAnUnsignedBaselineFail() throws {
        let created = try session.run("baseline", "create", "1")
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        XCTAssertEqual(try session.run("baseline", "verify", "baseline/phase-1").status, 0)

        try session.repository.write("smsplan.yaml", try session.read("smsplan.yaml").replacingOccurrences(of: "sign: false", with: "sign: true"))
        XCTAssertEqual(try session.commit("baselines are signed from now on").status, 0)
        let verify = try session.run("baseline", "verify", "baseline/phase-1")
        XCTAssertEqual(verify.status, 1, verify.output + verify.errors)
        XCTAssertTrue((verify.output + verify.errors).contains("baseline/phase-1 is not signed, but smsplan.yaml asks for signed baselines (baseline.sign: true)"),
                      verify.output + verify.errors)
    }
}
