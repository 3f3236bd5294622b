import Foundation

/// A JSON Schema (draft 2020-12) of document front matter, for editors: types, enums,
/// formats, required fields per type, the requirement ids of the schema in use and the
/// role ids of roles.yaml.
public enum FrontMatterJSONSchema {
    public static func render(plan: Plan) -> String {
        let roles = plan.roles?.roles.map(\.id) ?? []
        let requirements = plan.schema?.requirements.map(\.id) ?? []
        func string(_ description: String, _ extra: [String: Any] = [:]) -> [String: Any] {
            ["type": "string", "description": description].merging(extra) { _, new in new }
        }
        func list(_ item: [String: Any], _ description: String) -> [String: Any] {
            ["type": "array", "items": item, "description": description]
        }
        let id = string("document id: PREFIX-NUMBER", ["pattern": "^[A-Z][A-Z0-9]*-[0-9]+$"])
        let version = string("quoted MAJOR.MINOR", ["pattern": "^[0-9]+\\.[0-9]+$"])
        let date = string("a date YYYY-MM-DD", ["format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"])
        let role = roles.isEmpty ? string("a role id of roles.yaml") : string("a role id of roles.yaml", ["enum": roles])
        let requirement = requirements.isEmpty ? string("a requirement id") : string("a requirement id of \(plan.schema?.id ?? "the schema")", ["enum": requirements])
        let period = string("a period such as \"6 years\"", ["pattern": "^[0-9]+ (day|week|month|year)s?$"])
        let history: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["version", "date"],
            "properties": ["version": version, "date": date, "author": string("who made the change"), "summary": string("what changed")],
        ]
        let activity: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["id"],
            "properties": [
                "id": string("activity id"), "title": string("what the activity does"),
                "requirements": list(requirement, "requirements the activity serves"),
                "status": string("activity status", ["enum": ActivityStatus.allCases.map(\.rawValue)]),
                "evidence": list(id, "ids of the documents that show it done"),
            ],
        ]
        let heldIn: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["system", "last-checked"],
            "properties": ["system": string("the system of record (service desk, HR system)"),
                           "query": string("a saved query or filter that finds the records there"), "url": string("where the records are"),
                           "owner": string("who answers for the records there"), "last-checked": date],
            "description": "a record held in another system instead of in this file",
        ]
        let properties: [String: Any] = [
            "id": id, "title": string("document title"),
            "type": string("document type", ["enum": DocumentType.allCases.map(\.rawValue)]),
            "version": version,
            "status": string("draft, review, approved or obsolete; records: final", ["enum": DocumentStatus.allCases.map(\.rawValue)]),
            "owner": role, "author": string("who wrote it"), "approved-by": role, "approved-on": date, "next-review": date,
            "classification": string("who may read it", ["enum": Classification.allCases.map(\.rawValue)]),
            "satisfies": list(requirement, "requirements this document is evidence for"),
            "phase": ["type": "integer", "minimum": 1, "description": "the phase by which it must be approved"],
            "supersedes": list(id, "ids of the documents it replaces"), "superseded-by": id,
            "source": string("where an external document comes from"), "distribution": list(string("a group or role"), "who receives it"),
            "history": list(history, "change history, one entry per version"),
            "record-of": string("kind of record"), "recorded-on": date, "retention": period, "corrects": id, "disposes": list(id, "records a disposal record disposes of"),
            "activities": list(activity, "phase plan activities"),
            "template-for": string("the document type this template is for", ["enum": DocumentType.allCases.map(\.rawValue)]),
            "services": list(string("a service name"), "a catalogue's services; the services an agreement or record concerns"),
            "suppliers": list(string("a supplier name"), "the suppliers a catalogue's services depend on"),
            "party": string("an agreement's other party: a customer or a supplier"),
            "processes": list(id, "ids of the process documents it concerns"),
            "operated-by": string("the other party that operates this process; an approved agreement names it as party"),
            "held-in": heldIn,
        ]
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "urn:smsplan:front-matter:1",
            "title": "smsplan document front matter",
            "type": "object",
            "additionalProperties": false,
            "required": ["id", "title", "type", "status", "owner"],
            "properties": properties,
            "allOf": [
                ["if": ["required": ["type"], "properties": ["type": ["const": "record"]]],
                 "then": ["required": ["record-of", "recorded-on", "retention"], "properties": ["status": ["const": "final"]]],
                 "else": ["required": ["version"], "properties": ["status": ["enum": ["draft", "review", "approved", "obsolete"]]]]],
                ["if": ["required": ["status"], "properties": ["status": ["const": "approved"]]], "then": ["required": ["approved-by", "approved-on"]]],
                ["if": ["required": ["type"], "properties": ["type": ["const": "phase-plan"]]], "then": ["required": ["phase"]]],
                ["if": ["required": ["type"], "properties": ["type": ["const": "external"]]], "then": ["required": ["source"]]],
            ],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
