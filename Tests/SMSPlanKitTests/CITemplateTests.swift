import Foundation
import TestSupport
import XCTest

/// What plan-template's CI files and the pre-commit manifest must do, read from the files.
/// (scripts/check-ci-templates runs actionlint and the vendored schemas on them, and
/// scripts/check-pre-commit-framework `pre-commit validate-manifest`.)
final class CITemplateTests: XCTestCase {
    private func read(_ path: String) throws -> String {
        try String(contentsOf: ProjectFiles.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The workflow's jobs by name, each job's text.
    private func jobs(_ workflow: String) -> [String: String] {
        let body = workflow.components(separatedBy: "\njobs:\n").last ?? ""
        var jobs: [String: String] = [:]
        var current: String?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
            } else if let current {
                jobs[current, default: ""] += line + "\n"
            }
        }
        return jobs
    }

    func testTheWorkflowPostsTheReviewWhereGhIsAndFailsWhenItCannot() throws {
        let workflow = try read("plan-template/.github/workflows/smsplan.yml")
        let posting = try XCTUnwrap(jobs(workflow).first { $0.value.contains("gh pr comment") }, "a job posts the review")
        XCTAssertFalse(posting.value.contains("container:"), "job \(posting.key) runs in a container without gh")
        XCTAssertFalse(posting.value.contains("|| true"), "job \(posting.key) hides a failure to post")
        XCTAssertTrue(workflow.contains("GITHUB_STEP_SUMMARY"), "the full review goes to the job summary")
    }

    func testTheWorkflowUsesCurrentActionsAndUploadsSARIFOnMainWhenWritten() throws {
        let workflow = try read("plan-template/.github/workflows/smsplan.yml")
        let current = ["actions/checkout": 5, "github/codeql-action/upload-sarif": 4, "actions/upload-artifact": 5, "actions/download-artifact": 5]
        for line in workflow.split(separator: "\n") where line.contains("uses: ") {
            let uses = line.components(separatedBy: "uses: ").last ?? ""
            let parts = uses.components(separatedBy: "@v")
            guard parts.count == 2, let minimum = current[parts[0]] else { continue }
            XCTAssertGreaterThanOrEqual(Int(parts[1].prefix { $0.isNumber }) ?? 0, minimum, uses)
        }
        let upload = try XCTUnwrap(workflow.components(separatedBy: "- name: ").first { $0.contains("upload-sarif@") })
        XCTAssertFalse(upload.contains("pull_request"), "SARIF is uploaded on pushes to main too: \(upload)")
        XCTAssertTrue(upload.contains("hashFiles('smsplan.sarif')"), "only when the file was written: \(upload)")
    }

    func testGitLabPostsTheReviewAndLinksFindingsToFiles() throws {
        let pipeline = try read("plan-template/.gitlab-ci.yml")
        XCTAssertTrue(pipeline.contains("/merge_requests/$CI_MERGE_REQUEST_IID/notes"), "the review is posted on the merge request")
        XCTAssertTrue(pipeline.contains("--format junit-gitlab"), "test cases carry the file GitLab links")
        XCTAssertFalse(pipeline.contains("--format junit "), "the Jenkins flavour lacks the file on test cases")
    }

    func testThePreCommitHookDeclaresThePreCommitItsStagesNeed() throws {
        let manifest = try read(".pre-commit-hooks.yaml")
        XCTAssertTrue(manifest.contains("stages: [pre-commit, pre-push]"))
        XCTAssertTrue(manifest.contains("\n  minimum_pre_commit_version: 3.2.0\n"), manifest)
    }
}
