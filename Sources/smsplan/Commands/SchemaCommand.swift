import ArgumentParser
import Foundation
import SMSPlanKit

extension JSONOutputKind: ExpressibleByArgument {}

/// `smsplan schema`: the requirement schema in use, or the front matter's JSON Schema.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the requirement schema in use, or a JSON Schema of document front matter.",
        discussion: """
            The schema is the one smsplan.yaml names in standard: (a bundled id such as \
            iso20000-1:2011 or iso20000-1:2018, or a schema file in the plan repository).
            --json-schema prints a JSON Schema (draft 2020-12) of the front matter, with the \
            requirement ids and role ids of this plan, for editors that validate YAML:
              smsplan schema --json-schema > .smsplan-front-matter.schema.json
            --output KIND prints the JSON Schema of a JSON output (every one starts with \
            "version": 1 and "kind": KIND); it needs no plan repository:
              smsplan schema --output check > smsplan-check.schema.json
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .text

    @Flag(help: "Print the JSON Schema (draft 2020-12) of document front matter instead.")
    var jsonSchema = false

    @Option(help: ArgumentHelp("Print the JSON Schema (draft 2020-12) of a JSON output instead: \(JSONOutputKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "kind"))
    var output: JSONOutputKind?

    func validate() throws {
        if output != nil && jsonSchema { throw ValidationError("use one of --output and --json-schema") }
    }

    func run() throws {
        if let output {
            print(output.jsonSchema, terminator: "")
            return
        }
        let plan = try source.loadPlan(from: repository.directoryURL)
        if jsonSchema {
            print(FrontMatterJSONSchema.render(plan: plan), terminator: "")
            return
        }
        guard let schema = plan.schema else {
            FileHandle.standardError.write(Data("smsplan: error: no usable requirement schema; `smsplan check` says why\n".utf8))
            throw ExitCode(2)
        }
        print(SchemaReport(schema: schema).render(format), terminator: "")
    }
}
