import SMSPlanKit

/// The version smsplan reports with `--version`.
enum SMSPlanVersion {
    static let current = SMSPlanKitInfo.version
}
