extension StatusReport {
    /// Bump when the encoding changes.
    static let formatVersion = 1

    /// The report in the byte encoding of the decode cache, for the whole-plan memo
    /// (`Checker.status`): read back in a fraction of JSON's time.
    var encoded: [UInt8] {
        var writer = ByteWriter(formatVersion: Self.formatVersion)
        for text in [organization, schema, edition, claimsEdition] { writer.optional(text) { $0.string($1) } }
        writer.string(date)
        writer.int(currentPhase)
        writer.array(phases) { writer, phase in
            writer.int(phase.phase)
            writer.string(phase.state)
            for count in [phase.activitiesDone, phase.activitiesTotal, phase.requirementsDue, phase.requirementsCovered] { writer.int(count) }
            for list in [phase.openActivities, phase.uncoveredRequirements, phase.partialRequirements] { writer.array(list) { $0.string($1) } }
        }
        writer.array(documents.sorted { $0.key < $1.key }) { writer, count in
            writer.string(count.key)
            writer.int(count.value)
        }
        writer.array(underRevision) { writer, revision in
            for text in [revision.id, revision.path, revision.inForce, revision.revised, revision.state] { writer.string(text) }
        }
        writer.array(proposedPlans) { writer, plan in
            for text in [plan.id, plan.path, plan.status] { writer.string(text) }
            writer.int(plan.phase)
            writer.int(plan.activities)
        }
        for list in [reviewsDue, recordsDue] {
            writer.array(list) { writer, due in
                for text in [due.id, due.path, due.what, due.due] { writer.string(text) }
                writer.bool(due.overdue)
            }
        }
        writer.int(errors)
        writer.int(warnings)
        return writer.bytes
    }

    /// The report `encoded` wrote; nil for anything else.
    init?(encoded bytes: [UInt8]) {
        guard var reader = ByteReader(bytes, formatVersion: Self.formatVersion) else { return nil }
        do {
            organization = try reader.optional { try $0.string() }
            schema = try reader.optional { try $0.string() }
            edition = try reader.optional { try $0.string() }
            claimsEdition = try reader.optional { try $0.string() }
            date = try reader.string()
            currentPhase = try reader.int()
            phases = try reader.array { reader in
                let (phase, state) = (try reader.int(), try reader.string())
                let counts = try (0..<4).map { _ in try reader.int() }
                let lists = try (0..<3).map { _ in try reader.array { try $0.string() } }
                return Phase(phase: phase, state: state, activitiesDone: counts[0], activitiesTotal: counts[1], openActivities: lists[0],
                             requirementsDue: counts[2], requirementsCovered: counts[3], uncoveredRequirements: lists[1], partialRequirements: lists[2])
            }
            documents = Dictionary(try reader.array { reader in (try reader.string(), try reader.int()) }, uniquingKeysWith: { first, _ in first })
            underRevision = try reader.array { reader in
                let texts = try (0..<5).map { _ in try reader.string() }
                return Revision(id: texts[0], path: texts[1], inForce: texts[2], revised: texts[3], state: texts[4])
            }
            proposedPlans = try reader.array { reader in
                let texts = try (0..<3).map { _ in try reader.string() }
                return ProposedPlan(id: texts[0], path: texts[1], phase: try reader.int(), status: texts[2], activities: try reader.int())
            }
            let dues = try (0..<2).map { _ in
                try reader.array { reader in
                    let texts = try (0..<4).map { _ in try reader.string() }
                    return Due(id: texts[0], path: texts[1], what: texts[2], due: texts[3], overdue: try reader.bool())
                }
            }
            (reviewsDue, recordsDue) = (dues[0], dues[1])
            errors = try reader.int()
            warnings = try reader.int()
            guard reader.atEnd else { return nil }
        } catch {
            return nil
        }
    }
}
