import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan baseline create|verify|list|diff`: phase baselines as annotated tags.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Freeze, verify, list and compare phase baselines (annotated, optionally signed tags).",
        discussion: """
            A baseline is the annotated tag <tag-prefix>phase-N (baseline/phase-1) on a commit \
            that met the phase gate: no error findings, every requirement due by the phase \
            covered, every activity of the phase done, every earlier phase baselined. Its \
            message holds a summary and a manifest (tool, schema, every document and record with \
            id, version, status, path and blob id, coverage) that `verify` recomputes. smsplan \
            never moves, deletes or overwrites a tag.
            """,
        subcommands: [Create.self, Verify.self, List.self, Diff.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Baseline a phase: check HEAD against the phase gate and tag it.",
            discussion: """
                Checks the committed HEAD, never the working tree. Uncommitted changes are \
                refused (and named) unless --allow-dirty, which still baselines HEAD only. \
                --sign (or baseline.sign: true in smsplan.yaml) signs the tag with git's own \
                settings, as `git tag -s` would (OpenPGP, or SSH with gpg.format=ssh).

                Examples:
                  smsplan baseline create 1 --dry-run
                  smsplan baseline create 1 --sign
                  smsplan baseline create 1 --revision 2     # baseline/phase-1.r2, keeps phase-1
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The phase to baseline.")
        var phase: Int

        @Option(help: "Make a revised baseline of a phase already baselined (phase-N.rR).")
        var revision: Int?

        @Flag(help: "Print what would be tagged, the gate's shortfalls and whether the gate is met, without tagging.")
        var dryRun = false

        @Flag(help: "With --dry-run: print the whole tag message, manifest included.")
        var manifest = false

        @Flag(help: "Baseline HEAD although the working tree or index has uncommitted changes.")
        var allowDirty = false

        @Flag(help: "Sign the tag (git tag -s).")
        var sign = false

        func validate() throws {
            if phase < 1 { throw ValidationError("the phase must be 1 or more") }
            if let revision, revision < 2 { throw ValidationError("--revision starts at 2 (the first baseline is revision 1)") }
            if manifest && !dryRun { throw ValidationError("--manifest goes with --dry-run (a tag's message is shown by git show TAG)") }
        }

        func run() throws {
            let request = Baselines.CreateRequest(directory: repository.directoryURL, phase: phase, revision: revision, dryRun: dryRun,
                                                  allowDirty: allowDirty, sign: sign, toolVersion: SMSPlanVersion.current)
            let creation = try CommandFailure.running { try Baselines.create(request) }
            KeptUntilExit.value = creation.plan
            if !creation.uncommitted.isEmpty && allowDirty {
                print("note: uncommitted changes are not part of the baseline: \(creation.uncommitted.joined(separator: ", "))")
            }
            if let exists = creation.alreadyExists {
                print(exists)
                throw ExitCode(1)
            }
            if dryRun { try printDryRun(creation) }
            if !creation.shortfalls.isEmpty {
                print("phase \(phase) cannot be baselined yet:")
                for shortfall in creation.shortfalls { print("  - \(shortfall)") }
                throw ExitCode(1)
            }
            print("created \(creation.signed ? "signed " : "")tag \(creation.tag) at \(creation.commit.prefix(12))")
        }

        /// The tag's summary (its whole message with --manifest), the shortfalls, then one
        /// closing line: gate met or not met. Exits 0 when met, 1 when not.
        private func printDryRun(_ creation: Baselines.Creation) throws -> Never {
            let kind = creation.signed ? "signed tag" : "tag"
            print("dry run: \(kind) \(creation.tag) at \(creation.commit.prefix(12)) would have this \(manifest ? "message" : "summary"):\n")
            let message = manifest ? creation.message : creation.summary
            print(message.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  \($0)" }.joined(separator: "\n"))
            print("")
            guard creation.shortfalls.isEmpty else {
                print("shortfalls:")
                for shortfall in creation.shortfalls { print("  - \(shortfall)") }
                print("gate not met: phase \(phase) cannot be baselined yet (\(creation.shortfalls.count) shortfall\(creation.shortfalls.count == 1 ? "" : "s"))")
                throw ExitCode(1)
            }
            print("gate met: smsplan baseline create \(phase)\(revision.map { " --revision \($0)" } ?? "") would create \(creation.tag)\(manifest ? "" : " (--manifest shows the whole message)")")
            throw ExitCode(0)
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute a baseline's manifest from its commit, compare it with the tag's, and check the signature.",
            discussion: "Exits 0 when everything matches, 1 naming every mismatch, 2 when the tag does not exist."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The baseline tag, such as baseline/phase-1.")
        var tag: String

        @Option(help: "Output format: text, json, markdown.")
        var format: OutputFormat = .text

        func run() throws {
            let verification = try CommandFailure.running {
                try Baselines.verify(tag: tag, directory: repository.directoryURL, toolVersion: SMSPlanVersion.current)
            }
            let signature = verification.signed ? "signature good\(verification.signer.map { " (\($0))" } ?? "")" : "not signed"
            let matches = "manifest matches commit \(verification.commit.prefix(12)); \(signature)"
            switch format {
            case .json:
                print(JSONOutput.render(VerifyPayload(verification), kind: .baselineVerify), terminator: "")
            case .markdown:
                print("# Baseline \(tag)\n")
                if verification.problems.isEmpty { print("The \(matches).") }
                for problem in verification.problems { print("- \(problem)") }
            case .text:
                for problem in verification.problems { print("\(tag): \(problem)") }
                if verification.problems.isEmpty { print("\(tag): \(matches)") }
            }
            guard verification.problems.isEmpty else { throw ExitCode(1) }
        }

        /// The verification as `baseline verify --format json` prints it.
        private struct VerifyPayload: Encodable {
            var tag: String
            var commit: String
            var verified: Bool
            var signed: Bool
            var signer: String?
            var problems: [String]

            init(_ verification: Baselines.Verification) {
                tag = verification.tag
                commit = verification.commit
                verified = verification.problems.isEmpty
                signed = verification.signed
                signer = verification.signer
                problems = verification.problems
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(tag, forKey: .tag)
                try container.encode(commit, forKey: .commit)
                try container.encode(verified, forKey: .verified)
                try container.encode(signed, forKey: .signed)
                try container.encode(signer, forKey: .signer)
                try container.encode(problems, forKey: .problems)
            }

            private enum CodingKeys: String, CodingKey { case tag, commit, verified, signed, signer, problems }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the baselines: phase, tag, date, signer, summary.")

        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Output format: text, json, markdown.")
        var format: OutputFormat = .text

        func run() throws {
            let baselines = try CommandFailure.running { try Baselines.list(directory: repository.directoryURL) }
            switch format {
            case .json:
                struct Payload: Encodable { var baselines: [Baselines.Summary] }
                print(JSONOutput.render(Payload(baselines: baselines), kind: .baselineList), terminator: "")
            case .markdown:
                print("| Phase | Tag | Date | Tagger | Signed | Summary |\n| --- | --- | --- | --- | --- | --- |")
                for baseline in baselines {
                    print("| \(baseline.phase) | \(baseline.tag) | \(baseline.date ?? "") | \(baseline.tagger ?? "") | \(baseline.signed ? "yes" : "no") | \(baseline.summary) |")
                }
            case .text:
                if baselines.isEmpty { print("no baselines yet; `smsplan baseline create 1` makes the first") }
                for baseline in baselines {
                    print("phase \(baseline.phase)  \(baseline.tag)  \(baseline.date ?? "-")  \(baseline.tagger ?? "-")\(baseline.signed ? "  signed" : "")  \(baseline.summary)")
                }
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two baselines (or any two revisions), in an auditor's words.",
            discussion: "Example: smsplan baseline diff baseline/phase-1 HEAD --format markdown"
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The earlier revision (a baseline tag, a branch, a commit).")
        var from: String

        @Argument(help: "The later revision.")
        var to: String

        @Option(help: "Output format: text, json, markdown.")
        var format: OutputFormat = .text

        func run() throws {
            let diff = try CommandFailure.running {
                try BaselineDiff.between(from, to, directory: repository.directoryURL, toolVersion: SMSPlanVersion.current)
            }
            print(diff.render(format), terminator: "")
        }
    }
}
