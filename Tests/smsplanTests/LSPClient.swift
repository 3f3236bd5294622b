import Foundation
import TestSupport
import XCTest

/// `smsplan lsp` run as a subprocess, spoken to over stdio as an editor does.
final class LSPClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe(), output = Pipe()
    private let lock = NSCondition()
    private var received: [[String: Any]] = []
    private var pending = Data()
    private var nextID = 1

    init(in folder: URL, environment: [String: String]) throws {
        process.executableURL = SMSPlanBinary.url
        process.arguments = ["lsp"]
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.take(handle.availableData) }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    private func take(_ data: Data) {
        lock.lock()
        pending.append(data)
        while let end = pending.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
            guard let length = Int(header.replacingOccurrences(of: "Content-Length:", with: "").trimmingCharacters(in: .whitespaces)),
                pending.count - (end.upperBound - pending.startIndex) >= length
            else { break }
            let body = pending[end.upperBound..<(end.upperBound + length)]
            if let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any] { received.append(message) }
            pending = Data(pending[(end.upperBound + length)...])
        }
        lock.broadcast()
        lock.unlock()
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) throws {
        try write(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        try write(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return try wait("the response to \(method)") { ($0["id"] as? Int) == id }
    }

    /// The first message received that matches, taken off the queue; waits up to 20 s.
    func wait(_ what: String, _ matches: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(20)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            guard lock.wait(until: deadline) else { throw LSPTimeout(what: what) }
        }
    }

    /// The next diagnostics published for `uri`.
    func diagnostics(for uri: String) throws -> [[String: Any]] {
        let message = try wait("diagnostics for \(uri)") {
            $0["method"] as? String == "textDocument/publishDiagnostics" && ($0["params"] as? [String: Any])?["uri"] as? String == uri
        }
        return (message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
    }

    /// Every message received and not yet taken.
    var unread: [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    private func write(_ message: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: message)
        input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }
}

struct LSPTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "no \(what) within 20 s" }
}
