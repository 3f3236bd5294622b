/// `smsplan migrate` as text, Markdown (for the pull request of the migration) and JSON.
extension MigrationReport {
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: JSONOutput.render(self, kind: .migrate)
        }
    }

    private var heading: String {
        "\(dryRun ? "would migrate" : "migrated") the plan's claims from \(from) to \(to)"
            + (dryRun ? " (--dry-run: nothing written)" : "")
    }

    private var rewrittenFiles: Int { Set(rewrites.map(\.path)).count }

    /// What a person decides for one clause.
    static func choice(_ decision: Decision) -> String {
        if decision.candidates.isEmpty { return "no counterpart: remove it or name the clauses the document covers" }
        if !decision.fits {
            return "maps to \(decision.candidates.joined(separator: ", ")), none of which this document can be evidence for: remove the claim or name the clauses it covers"
        }
        let mapped = decision.through.map { "not mapped itself; \($0), which holds it, maps to" } ?? "maps to"
        return "\(mapped) \(decision.candidates.joined(separator: ", ")): keep the ones the document covers"
    }

    private var text: String {
        var out = heading + "\n"
        out += "rewritten: \(rewrites.count) clause ids in \(rewrittenFiles) files\(merged); files \(dryRun ? "to write" : "written"): \(files.count)\n"
        out += "\ndecisions (\(decisions.count)): clauses that map to several clauses of \(to) or to none, written as a placeholder that `smsplan check` reports until it is replaced\n"
        out += decisions.isEmpty ? "  none\n" : TextTable.render(decisions.map {
            ["\($0.path):\($0.line)", $0.clause, "\"\($0.written)\"", Self.choice($0)]
        })
        out += "\nuncovered in \(to) (\(uncovered.count)): clauses no document claims after the migration, with the evidence each needs\n"
        out += uncovered.isEmpty ? "  none\n" : uncovered.map {
            "  \($0.id) \"\($0.title)\"\($0.newInEdition ? " (new)" : ""): \($0.evidence.isEmpty ? "evidence from its sub-clauses" : $0.evidence.joined(separator: "; "))\n"
        }.joined()
        out += "\n" + nextStep + "\n"
        return out
    }

    /// How many rewritten ids an earlier item of their list already held (removed), when any.
    private var merged: String {
        let count = rewrites.filter(\.merged).count
        return count == 0 ? "" : " (\(count) removed: the list already held the clause)"
    }

    /// What to do after the migration: the decisions, then one commit a reviewer can read.
    private var nextStep: String {
        let decide = decisions.isEmpty ? "" : "make the decisions above, "
        return dryRun ? "next: smsplan migrate --to \(to) without --dry-run writes these changes (it makes no commit)"
            : "next: \(decide)run smsplan check, then commit the migration as one commit (smsplan makes none), so a reviewer reads it whole"
    }

    private var markdown: String {
        var out = "# \(heading.prefix(1).uppercased() + heading.dropFirst())\n\n"
        out += "\(rewrites.count) clause ids rewritten in \(rewrittenFiles) files through the `maps-to` mapping of \(to); smsplan.yaml names \(to) in `standard:` and `claims-edition:`.\n\n"
        out += "## Decisions (\(decisions.count))\n\n"
        out += decisions.isEmpty ? "None.\n" : "Each clause below maps to several clauses of \(to) or to none; the migration wrote a placeholder that `smsplan check` reports until a person replaces it.\n\n"
            + MarkdownTable.render(["Where", "Clause", "Written", "Decide"], decisions.map {
                ["`\($0.path):\($0.line)`", $0.clause, "`\($0.written)`", Self.choice($0)]
            })
        out += "\n## Uncovered in \(to) (\(uncovered.count))\n\n"
        out += uncovered.isEmpty ? "None.\n" : MarkdownTable.render(["Clause", "Title", "New", "Evidence needed"], uncovered.map {
            [$0.id, $0.title, $0.newInEdition ? "yes" : "", $0.evidence.isEmpty ? "from its sub-clauses" : $0.evidence.joined(separator: "; ")]
        })
        out += "\n" + nextStep.prefix(1).uppercased() + nextStep.dropFirst() + ".\n"
        out += "\n## Rewritten (\(rewrites.count))\n\n"
        out += rewrites.isEmpty ? "None.\n" : MarkdownTable.render(["Where", "From", "To"], rewrites.map {
            ["`\($0.path):\($0.line)`", $0.from, $0.merged ? "\($0.to) (listed already: removed)" : $0.to]
        })
        return out
    }
}
