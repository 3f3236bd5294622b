import Foundation
import GitKit

extension Baselines {
    /// What `baseline verify` found.
    public struct Verification: Sendable {
        public var tag: String
        public var commit: String
        public var signed: Bool
        /// The signer as git reports it, when the signature is good.
        public var signer: String?
        /// Every mismatch or failure; empty when the baseline verifies.
        public var problems: [String]
    }

    /// Recomputes the manifest from the tagged commit and compares it with the tag's own,
    /// and checks the signature (git verify-tag) when there is one.
    public static func verify(tag name: String, directory: URL, toolVersion: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(SMSPlanError) -> Verification {
        let repository = try Checker.openRepository(CheckRequest(directory: directory, environment: environment))
        guard let tag = try Checker.git({ try repository.tag(named: name) }) else {
            throw .refused("no tag \(name); `smsplan baseline list` shows the baselines")
        }
        var verification = Verification(tag: name, commit: tag.target.hex, signed: tag.isSigned, signer: nil, problems: [])
        guard tag.isAnnotated, let message = tag.message else {
            verification.problems.append("\(name) is a lightweight tag; a baseline is an annotated tag with a manifest")
            return verification
        }
        guard let manifest = BaselineManifest.parse(message: message) else {
            verification.problems.append("\(name) has no readable smsplan manifest in its message")
            return verification
        }
        let plan = try Checker.load(CheckRequest(directory: directory, target: .revision(tag.target.hex), environment: environment))
        var recomputed = BaselineManifest(plan: plan, phase: manifest.phase, commit: tag.target.hex,
                                          blobs: try blobMap(of: tag.target, in: repository), toolVersion: toolVersion)
        recomputed.tool = manifest.tool
        // A manifest made before editions were recorded is compared without one.
        if manifest.edition == nil { recomputed.edition = nil }
        verification.problems += manifest.differences(from: recomputed)
        if verification.problems.isEmpty && Self.unsigned(message) != tagMessage(manifest: recomputed, plan: plan, tag: name) {
            verification.problems.append("the tag message differs from the one smsplan writes for this commit; it was edited after tagging")
        }
        if let parsed = parse(tag: name, prefix: plan.config.baseline.tagPrefix), parsed.phase != manifest.phase {
            verification.problems.append("the tag name says phase \(parsed.phase), its manifest phase \(manifest.phase)")
        }
        if tag.isSigned {
            let result = try GitCommand.attempt(["verify-tag", "--raw", name], repository: repository, environment: environment)
            let detail = (result.errors + result.output).trimmingCharacters(in: .whitespacesAndNewlines)
            if result.status == 0 {
                verification.signer = detail.split(separator: "\n").first { $0.contains("Good") || $0.contains("GOODSIG") }.map(String.init)
                    ?? tag.taggerEmail
            } else {
                verification.problems.append("the signature does not verify: \(detail.split(separator: "\n").last.map(String.init) ?? "git verify-tag failed")")
            }
        } else if plan.config.baseline.sign || signingAskedAtHead(directory: directory, environment: environment) {
            verification.problems.append("\(name) is not signed, but smsplan.yaml asks for signed baselines (baseline.sign: true)")
        }
        return verification
    }

    /// True when smsplan.yaml at HEAD asks for signed baselines: a rule set after a baseline
    /// was tagged applies to it too.
    static func signingAskedAtHead(directory: URL, environment: [String: String]) -> Bool {
        (try? Checker.load(CheckRequest(directory: directory, target: .revision("HEAD"), environment: environment)))?.config.baseline.sign ?? false
    }

    /// One baseline tag, as `baseline list` shows it.
    public struct Summary: Sendable, Encodable {
        public var phase: Int
        public var revision: Int?
        public var tag: String
        public var date: String?
        public var commit: String
        public var tagger: String?
        public var signed: Bool
        public var summary: String
    }

    /// Every baseline tag of the plan, by phase and revision.
    public static func list(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SMSPlanError) -> [Summary] {
        let repository = try Checker.openRepository(CheckRequest(directory: directory, environment: environment))
        let prefix = (try? Checker.load(CheckRequest(directory: directory, target: .revision("HEAD"), environment: environment)))?
            .config.baseline.tagPrefix ?? PlanConfig.BaselineSettings().tagPrefix
        return try Checker.git { try repository.tags(prefix: prefix) }.compactMap { tag -> Summary? in
            guard let parsed = parse(tag: tag.name, prefix: prefix) else { return nil }
            let summary = tag.message?.split(separator: "\n").first.map(String.init) ?? "(lightweight tag)"
            let tagger = tag.taggerName.map { name in tag.taggerEmail.map { "\(name) <\($0)>" } ?? name }
            return Summary(phase: parsed.phase, revision: parsed.revision, tag: tag.name, date: tag.date.map { PlanDate($0).description },
                           commit: tag.target.hex, tagger: tagger, signed: tag.isSigned, summary: summary)
        }.sorted { ($0.phase, $0.revision ?? 1) < ($1.phase, $1.revision ?? 1) }
    }

    /// A tag message without the signature block git appends to a signed tag.
    static func unsigned(_ message: String) -> String {
        for marker in ["-----BEGIN PGP SIGNATURE-----", "-----BEGIN SSH SIGNATURE-----", "-----BEGIN SIGNED MESSAGE-----"] {
            if let range = message.range(of: marker) { return String(message[..<range.lowerBound]) }
        }
        return message
    }
}
