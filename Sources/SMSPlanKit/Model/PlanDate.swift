import Foundation

/// A calendar date as written in front matter (`2026-03-01`), with no time or zone.
public struct PlanDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (such as 2026-02-30).
    public init?(_ text: String) {
        // Ten ASCII bytes `dddd-dd-dd`, as nearly every date is written: read on bytes.
        var text = text
        if let digits = text.withUTF8({ Self.digits(of: $0) }) {
            self.init(year: digits.year, month: digits.month, day: digits.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The three numbers of `dddd-dd-dd` (ASCII digits only); nil for any other text, which
    /// the general reading above takes.
    private static func digits(of bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= PlanDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar date of a point in time.
    public init(_ date: Date) {
        let value = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        // Clamped: a point beyond any calendar year is no reason to trap.
        let days = value.isNaN ? 0 : Int(max(-1e15, min(1e15, value)))
        self = PlanDate.epoch.adding(days: days)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static let epoch = PlanDate(unchecked: 1970, 1, 1)

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// This date moved by whole months; the day is clamped to the end of a shorter month.
    public func adding(months: Int) -> PlanDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return PlanDate(unchecked: newYear, newMonth, min(day, PlanDate.days(inMonth: newMonth, year: newYear)))
    }

    /// This date moved by whole days (negative values go back), in constant time whatever
    /// the distance (a commit dated near the end of time is one step away, not billions).
    public func adding(days: Int) -> PlanDate {
        let (sum, overflow) = PlanDate.daysSinceEpoch(year, month, day).addingReportingOverflow(days)
        let (year, month, day) = PlanDate.civil(fromDaysSinceEpoch: overflow ? (days > 0 ? Int.max / 2 : Int.min / 2) : sum)
        return PlanDate(unchecked: year, month, day)
    }

    /// Days from 1970-01-01 to the date (proleptic Gregorian calendar).
    static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func civil(fromDaysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
