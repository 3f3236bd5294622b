/// The master list of controlled documents and the records register, as tables. The
/// columns are those of `smsplan register`, but the path goes under the title, so the
/// table fits the page.
extension Dashboard {
    var documentSection: Markup {
        let header = DocumentRegister.header.filter { $0 != "Path" }
        let rows: [Markup] = zip(zip(documents.documents, documents.rows), rowAnchors.documents).map { row, id in
            let (entry, values) = row
            let anchor: Markup = id.map { " id=\"\($0)\"" } ?? ""
            var cells = values.prefix(10).enumerated().map { column, value in Self.cell(value, class: [7, 8].contains(column) ? "date" : nil) }
            cells[1] = Self.titleCell(entry.title ?? "", path: entry.path)
            return "<tr\(anchor) class=\"status-\(entry.status ?? "unknown")\">\(cells)</tr>"
        }
        return """
            <section id="documents">
            <h2>Master list of controlled documents</h2>
            <p class="lead">\(documents.documents.count) documents (every document but records), by id. Next review: \
            next-review, else approved-on + \(documents.reviewInterval).</p>
            \(Self.table(header, rows, class: "register documents"))
            </section>
            """
    }

    var recordSection: Markup {
        let anchors = documentAnchors
        let header = RecordsRegister.header.filter { $0 != "Path" }.map { $0 == "For disposal" ? "Disposal" : $0 }
        let rows: [Markup] = zip(zip(records.records, records.rows), rowAnchors.records).map { row, id in
            let (entry, values) = row
            let anchor: Markup = id.map { " id=\"\($0)\"" } ?? ""
            var cells = values.prefix(8).enumerated().map { column, value in Self.cell(value, class: [3, 5].contains(column) ? "date" : nil) }
            let held: Markup = entry.heldIn.map { " <span class=\"held\">held in \($0), last checked \(entry.lastChecked ?? "never")</span>" } ?? ""
            cells[1] = Self.titleCell(entry.title ?? "", path: entry.path, note: held)
            cells[6] = entry.forDisposal ? "<td><strong class=\"dispose\">dispose</strong></td>" : Self.cell("", class: nil)
            cells[7] = corrections(entry, anchors: anchors)
            return "<tr\(anchor)\(entry.forDisposal ? " class=\"dispose\"" : "")>\(cells)</tr>"
        }
        let count = records.forDisposalCount
        return """
            <section id="records">
            <h2>Records register</h2>
            <p class="lead">\(records.records.count) records, by id. Disposal is due at recorded-on + retention; \
            \(count == 0 ? "no record is past its retention" : "\(count) past retention, marked for disposal") as of \(records.date). \
            \(records.records.filter { $0.heldIn != nil }.count) held in other systems (dashed), counted from their last check.</p>
            \(Self.table(header, rows, class: "register records"))
            </section>
            """
    }

    /// The HTML id of each row of the two registers, documents first: `doc-ID` on the first
    /// row whose anchor it is, none on a later one, so that a document id given twice (an
    /// id-duplicate finding) or two ids escaped alike never give two elements one id.
    private var rowAnchors: (documents: [String?], records: [String?]) {
        var used = Set<String>()
        func anchor(_ id: String) -> String? {
            guard !id.isEmpty else { return nil }
            let anchor = Markup.anchor("doc", id)
            return used.insert(anchor).inserted ? anchor : nil
        }
        let documentAnchors = documents.documents.map { anchor($0.id) }
        return (documentAnchors, records.records.map { anchor($0.id) })
    }

    /// "corrects REC-006", "corrected by REC-016", with the ids linked to their rows.
    private func corrections(_ entry: RecordsRegister.Entry, anchors: Set<String>) -> Markup {
        var parts: [Markup] = []
        if let corrects = entry.corrects { parts.append("corrects \(documentLink(corrects, anchors: anchors))") }
        if !entry.correctedBy.isEmpty {
            parts.append("corrected by \(entry.correctedBy.map { documentLink($0, anchors: anchors) }.joined(separator: ", "))")
        }
        return parts.isEmpty ? Self.cell("", class: nil) : "<td>\(parts.joined(separator: "; "))</td>"
    }

    /// A table cell; an empty one shows a dash.
    static func cell(_ value: String, class name: String?) -> Markup {
        let classes = [name, value.isEmpty ? "empty" : nil].compactMap { $0 }.joined(separator: " ")
        let attribute: Markup = classes.isEmpty ? "" : " class=\"\(classes)\""
        return value.isEmpty ? "<td\(attribute)>-</td>" : "<td\(attribute)>\(value)</td>"
    }

    /// The title with the document's path under it; the path may break after each slash.
    static func titleCell(_ title: String, path: String, note: Markup = "") -> Markup {
        let parts: [Markup] = path.split(separator: "/", omittingEmptySubsequences: false).map { "\(String($0))" }
        return "<td>\(title.isEmpty ? "-" : title)\(note)<span class=\"path\">\(parts.joined(separator: "/<wbr/>"))</span></td>"
    }

    /// A table with a header row and body rows, or a line saying there is nothing.
    static func table(_ header: [String], _ rows: [Markup], class name: String) -> Markup {
        guard !rows.isEmpty else { return "<p class=\"none\">None.</p>" }
        let head: [Markup] = header.map { "<th scope=\"col\">\($0)</th>" }
        return """
            <div class="table-wrap"><table class="\(name)"><thead><tr>\(head)</tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            """
    }
}
