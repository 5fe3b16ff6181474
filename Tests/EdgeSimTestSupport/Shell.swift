internal import Foundation

/// Runs processes for end-to-end tests and captures what they print.
public enum Shell {
    /// What a finished process left behind.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `arguments[0]` with the rest as arguments, optionally feeding `input`.
    @discardableResult
    public static func run(_ arguments: [String], input: [UInt8]? = nil, environment: [String: String]? = nil) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        do {
            try process.run()
        } catch {
            return Outcome(status: -1, standardOutput: "", standardError: "\(error)")
        }
        if let input { inputPipe.fileHandleForWriting.write(Data(input)) }
        try? inputPipe.fileHandleForWriting.close()
        // Drain both pipes concurrently so a chatty process cannot block.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// The `edgesim` executable built next to the test bundle.
    public static var edgesimExecutable: String {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [Bundle.main.bundleURL, bundle] {
            let path = candidate.appendingPathComponent("edgesim").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return Bundle.main.bundleURL.appendingPathComponent("edgesim").path
    }

    /// Runs `edgesim` with `arguments`.
    @discardableResult
    public static func edgesim(_ arguments: [String], input: [UInt8]? = nil) -> Outcome {
        run([edgesimExecutable] + arguments, input: input)
    }

    /// The bytes of a file, or nil when it cannot be read.
    public static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Writes bytes to a file (test set-up only).
    public static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// Writes text to a file (test set-up only).
    public static func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    /// True when the path exists.
    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// The names in a folder.
    public static func listing(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
    }

    /// Gzip-compresses bytes with the system `gzip -n` (no name, no time).
    public static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        let directory = TemporaryDirectory()
        let path = directory.file("data")
        write(bytes, to: path)
        run(["/bin/gzip", "-n", "-f", path])
        return contents(path + ".gz") ?? []
    }
}
