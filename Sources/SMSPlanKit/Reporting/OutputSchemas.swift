/// The JSON Schema (draft 2020-12) of each JSON output, as `smsplan schema --output KIND`
/// prints it. The schemas are files in Resources/OutputSchemas; every test of a JSON output
/// validates it against its schema.
extension JSONOutputKind {
    /// The JSON Schema of this output.
    public var jsonSchema: String {
        String(decoding: bytes, as: UTF8.self)
    }

    private var bytes: [UInt8] {
        switch self {
        case .check: PackageResources.output_check_schema_json
        case .status: PackageResources.output_status_schema_json
        case .coverage: PackageResources.output_coverage_schema_json
        case .register: PackageResources.output_register_schema_json
        case .review: PackageResources.output_review_schema_json
        case .baselineList: PackageResources.output_baseline_list_schema_json
        case .baselineVerify: PackageResources.output_baseline_verify_schema_json
        case .baselineDiff: PackageResources.output_baseline_diff_schema_json
        case .rules: PackageResources.output_rules_schema_json
        case .schema: PackageResources.output_schema_schema_json
        case .migrate: PackageResources.output_migrate_schema_json
        }
    }
}
