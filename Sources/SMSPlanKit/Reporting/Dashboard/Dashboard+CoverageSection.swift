/// Coverage: the heat map of every clause, and the evidence of each clause it links to.
extension Dashboard {
    static let statusMeanings: [(status: String, meaning: String)] = [
        ("covered", "each evidence item met by an approved document or a final record"),
        ("partial", "some items met, or listed only by unapproved documents"),
        ("uncovered", "no evidence yet"),
        ("excluded", "an in-house requirement of a custom schema excluded with a reason (dashed outline); ISO/IEC 20000-1 accepts none"),
    ]

    var coverageSection: Markup {
        guard let coverage else {
            return "<section id=\"coverage\"><h2>Coverage</h2><p>No usable requirement schema; <code>smsplan check</code> says why.</p></section>"
        }
        let statuses = RequirementCoverage.Status.allCases.map(\.rawValue)
        let leaves = statuses.map { coverage.totals[$0] ?? 0 }.reduce(0, +)
        let totals = statuses.map { "\(coverage.totals[$0] ?? 0) \($0)" }.joined(separator: ", ")
        let all = Dictionary(grouping: coverage.requirements, by: \.status).mapValues(\.count)
        let data: Markup = "data-clauses=\"\(coverage.requirements.count)\" data-covered=\"\(all["covered"] ?? 0)\" "
            + "data-partial=\"\(all["partial"] ?? 0)\" data-uncovered=\"\(all["uncovered"] ?? 0)\" data-excluded=\"\(all["excluded"] ?? 0)\""
        let legend: [Markup] = Self.statusMeanings.map { status, meaning in
            let colours = Palette.coverage(status)
            return "<li><span class=\"swatch\" style=\"background:\(colours.fill)\"></span><strong>\(status)</strong> \(meaning)</li>"
        }
        let bar = DashboardCharts.stackedBar(statuses.map { (label: $0, count: coverage.totals[$0] ?? 0, colours: Palette.coverage($0)) },
                                             ariaLabel: "Clauses without sub-clauses: \(totals)")
        return """
            <section id="coverage">
            <h2>Coverage heat map</h2>
            <p class="lead">All \(coverage.requirements.count) clauses of \(schemaTitle ?? coverage.schema). Of the \(leaves) clauses \
            without sub-clauses: \(totals).</p>
            <figure class="chart">\(bar)<figcaption>Clauses without sub-clauses, by status.</figcaption></figure>
            <ul class="legend">\(legend)<li><span class="swatch parent"></span><strong>bar on top</strong> a clause with sub-clauses, \
            which takes its status from them</li></ul>
            <figure class="chart heatmap-figure" \(data)>\(CoverageHeatMap(rows: coverage.requirements).svg)\
            <figcaption>Every clause of the schema; select a cell for the clause's evidence.</figcaption></figure>
            </section>
            """
    }

    var evidenceSection: Markup {
        guard let coverage else { return "" }
        var children: [String: [String]] = [:]
        for row in coverage.requirements {
            if let parent = row.parent { children[parent, default: []].append(row.id) }
        }
        let anchors = documentAnchors
        let articles: [Markup] = coverage.requirements.map { row in
            let colours = Palette.coverage(row.status)
            var details: [Markup] = []
            if !row.applicable {
                details.append("<p class=\"meta\">Excluded: \(row.exclusionReason ?? "no reason given").</p>")
            } else {
                details.append("<p class=\"meta\">Due by phase \(row.duePhase).</p>")
            }
            if let subClauses = children[row.id] {
                let links: [Markup] = subClauses.map { "<a href=\"#\(Markup.anchor("clause", $0))\">\($0)</a>" }
                details.append("<p class=\"meta\">Takes its status from its sub-clauses: \(links.joined(separator: ", ")).</p>")
            }
            if !row.evidence.isEmpty {
                let items: [Markup] = row.evidence.map { item in
                    let inFiles = item.documents.filter { item.heldIn[$0] == nil }
                    let documents: Markup = inFiles.isEmpty ? (item.heldIn.isEmpty ? "<em>missing</em>" : "")
                        : inFiles.map { documentLink($0, anchors: anchors) }.joined(separator: ", ")
                    let held: [Markup] = item.heldIn.keys.sorted().map { id in
                        "<span class=\"held\">\(documentLink(id, anchors: anchors)) held in \(item.heldIn[id] ?? "")</span>"
                    }
                    let heldText: Markup = held.isEmpty ? "" : " " + held.joined(separator: " ")
                    let level: Markup = item.level == "required" ? "" : " <em>(\(item.level), not blocking)</em>"
                    let missing: Markup = item.missing.isEmpty ? "" : "; missing \(item.missing.joined(separator: ", "))"
                    return "<li class=\"\(item.met ? "met" : "missing")\" data-item=\"\(item.id)\">\(item.item)\(level): \(documents)\(heldText)\(missing)</li>"
                }
                details.append("<ul class=\"evidence\">\(items)</ul>")
            }
            if !row.parties.isEmpty {
                details.append("<p class=\"meta\">\(row.parties.joined(separator: "; ")).</p>")
            }
            let evidence = Set(row.evidence.flatMap(\.documents))
            let others = row.listedBy.filter { !evidence.contains($0) }
            if !others.isEmpty {
                let links = others.map { documentLink($0, anchors: anchors) }.joined(separator: ", ")
                details.append("<p class=\"meta\">Also listed by (not evidence: not approved, of a type no item accepts, or needed by none): \(links).</p>")
            }
            return """
                <article class="clause" id="\(Markup.anchor("clause", row.id))" data-clause="\(row.id)" data-status="\(row.status)">\
                <h3><span class="status" style="background:\(colours.fill);color:\(colours.text)">\(row.status)</span> \
                \(row.id) \(row.title)</h3>\(details)</article>
                """
        }
        return """
            <section id="evidence">
            <h2>Evidence by clause</h2>
            <p class="lead">What covers each clause: its evidence items and the approved documents and final records that \
            meet them. Document ids link to the registers.</p>
            <div class="clauses">
            \(articles.joined(separator: "\n"))
            </div>
            </section>
            """
    }

    /// A document id linked to its row in a register, or the bare id when it has none.
    func documentLink(_ id: String, anchors: Set<String>) -> Markup {
        anchors.contains(id) ? "<a href=\"#\(Markup.anchor("doc", id))\">\(id)</a>" : "\(id)"
    }

    /// Ids that have a row (and so an anchor) in the document or records register.
    var documentAnchors: Set<String> {
        Set((documents.documents.map(\.id) + records.records.map(\.id)).filter { !$0.isEmpty })
    }
}
