import Foundation

/// LSP's base protocol: messages framed by a `Content-Length` header, then a blank line.
public struct JSONRPCFraming: Sendable {
    private var buffer = Data()

    public init() {}

    /// Adds bytes read from the client.
    public mutating func append(_ data: Data) {
        buffer.append(data)
    }

    /// The next complete message body, when the buffer holds one.
    public mutating func next() throws(SMSPlanError) -> Data? {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = buffer.range(of: separator) else { return nil }
        let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        var length: Int?
        for line in header.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0 else { throw .refused("a message header without a valid Content-Length: \"\(header)\"") }
        guard buffer.count - (end.upperBound - buffer.startIndex) >= length else { return nil }
        let body = buffer[end.upperBound..<(end.upperBound + length)]
        buffer = Data(buffer[(end.upperBound + length)...])
        return Data(body)
    }

    /// A message body with its header, ready to write.
    public static func frame(_ body: Data) -> Data {
        Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
