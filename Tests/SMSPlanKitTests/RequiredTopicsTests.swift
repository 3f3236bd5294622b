@testable import SMSPlanKit
import XCTest

/// A heading addresses a topic when its words, lowercased, contain the topic's: the byte by
/// byte comparison of ASCII text answers as the normalized strings do, for every heading.
final class RequiredTopicsTests: XCTestCase {
    func testHeadingsAddressTopicsAsTheirNormalizedTextsDo() {
        let headings = [
            "Objectives and measures", "OBJECTIVES", "  Objectives\tand\r\nmeasures  ", "Objectives-and-measures", "Objective",
            "Roles and responsibilities", "roles and-responsibilities", "Rôles and responsibilities", "Objectives – and measures",
            "", "   ", "-", "Service level targets (SLT)", "Service\u{00A0}level targets", "Review", "Reviews and audits",
            "a-b c", "A  B  C", "x\u{0B}y", "Über objectives", "Objectives\n", "obj ectives",
        ]
        let topics = ["objectives", "Objectives and Measures", "roles and responsibilities", "review", "service level",
                      "a b", "b c", "x y", "", " ", "ü", "objectives measures", "level targets (slt)", "-", "obj"]
        for heading in headings {
            for topic in topics {
                let wanted = RequiredTopics.normalized(topic)
                XCTAssertEqual(RequiredTopics.addresses(heading, wanted), RequiredTopics.normalized(heading).contains(wanted),
                               "heading \"\(heading)\", topic \"\(topic)\"")
            }
        }
        XCTAssertTrue(RequiredTopics.addresses("## Objectives and Measures", RequiredTopics.normalized("objectives and measures")))
        XCTAssertFalse(RequiredTopics.addresses("Objectives", RequiredTopics.normalized("objectives and measures")))
        XCTAssertTrue(RequiredTopics.addresses("Roles\tand-responsibilities", RequiredTopics.normalized("roles and responsibilities")))
    }
}
