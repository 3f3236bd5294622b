/// The version smsplan reports with `--version`.
enum SMSPlanVersion {
    static let current = "0.1.0"
}
