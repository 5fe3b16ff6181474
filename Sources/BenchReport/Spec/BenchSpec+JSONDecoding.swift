import StreamingIO

#if canImport(Glibc)
import Glibc
#endif

extension BenchSpec {
    /// Reads and checks a bench spec file. Scenario paths are resolved against
    /// the file's folder and must name existing files.
    ///
    /// - Parameter path: The spec file (`-` for standard input; paths then resolve against the working folder).
    /// - Throws: `BenchError.input` for unreadable files and JSON syntax errors,
    ///   `BenchError.invalidSpec` (with line, column and JSON path) for wrong contents.
    public static func load(path: String) throws(BenchError) -> BenchSpec {
        let reader: JSONReader
        do {
            reader = try JSONReader(path: path)
        } catch {
            throw .input(error)
        }
        let folder = path == "-" ? "." : FilePaths.directory(of: path)
        var locations: [SourceLocation] = []
        let spec = try BenchSpec(reading: reader, relativeTo: folder, scenarioLocations: &locations)
        for (scenario, location) in zip(spec.scenarios, locations) where !Self.isRegularFile(scenario.path) {
            throw .invalidSpec(location, message: "scenario file '\(MessageText.excerpt(scenario.path, limit: 400))' does not exist or is not a file")
        }
        return spec
    }

    /// Decodes a bench spec from `reader` without touching the file system.
    ///
    /// - Parameters:
    ///   - reader: A reader positioned at the spec's object; it must end after it.
    ///   - folder: The folder relative scenario paths are resolved against.
    /// - Throws: `BenchError.input` for JSON syntax errors, `BenchError.invalidSpec` for wrong contents.
    public init(reading reader: JSONReader, relativeTo folder: String) throws(BenchError) {
        var locations: [SourceLocation] = []
        try self.init(reading: reader, relativeTo: folder, scenarioLocations: &locations)
    }

    private init(
        reading reader: JSONReader, relativeTo folder: String, scenarioLocations: inout [SourceLocation]
    ) throws(BenchError) {
        let allowed = ["format", "version", "name", "scenarios", "policies", "seeds", "sweep"]
        var format: String?
        var version: Int64?
        var name = "bench"
        var scenarios: [BenchScenario]?
        var policies: [String]?
        var seeds: [UInt64]?
        var sweep: ParameterSweep?
        var locations: [SourceLocation] = []
        let start = try Self.locate(reader)
        try Self.translatingErrors(at: start) {
            try reader.readObject { key in
                switch key {
                case "format":
                    format = try reader.readString()
                    if format != Self.formatName {
                        throw BenchError.invalidSpec(
                            reader.location(), message: "expected format '\(Self.formatName)', found '\(MessageText.excerpt(format ?? ""))'")
                    }
                case "version":
                    version = try reader.readInt64()
                    if version != Int64(Self.formatVersion) {
                        throw BenchError.invalidSpec(
                            reader.location(),
                            message: "unsupported version \(version ?? 0) (this build reads version \(Self.formatVersion))")
                    }
                case "name":
                    name = try reader.readString()
                    if name.isEmpty { throw BenchError.invalidSpec(reader.location(), message: "the name is empty") }
                case "scenarios":
                    scenarios = try Self.readScenarios(reader, folder: folder, locations: &locations)
                case "policies":
                    policies = try Self.readPolicies(reader)
                case "seeds":
                    seeds = try Self.readSeeds(reader)
                case "sweep":
                    sweep = try Self.readSweep(reader)
                default:
                    throw BenchError.invalidSpec(
                        reader.location(),
                        message: "unknown key '\(MessageText.excerpt(key))' in a bench spec (allowed: \(allowed.joined(separator: ", ")))")
                }
            }
            try reader.expectEnd()
        }
        guard format != nil else { throw .invalidSpec(start, message: "missing key 'format' (\"\(Self.formatName)\")") }
        guard version != nil else { throw .invalidSpec(start, message: "missing key 'version' (\(Self.formatVersion))") }
        guard let scenarios else { throw .invalidSpec(start, message: "missing key 'scenarios'") }
        guard let policies else { throw .invalidSpec(start, message: "missing key 'policies'") }
        guard let seeds else { throw .invalidSpec(start, message: "missing key 'seeds'") }
        self.init(name: name, scenarios: scenarios, policies: policies, seeds: seeds, sweep: sweep)
        if let problem = problem() { throw .invalidSpec(start, message: problem) }
        scenarioLocations = locations
    }

    // MARK: - Members

    private static func readScenarios(
        _ reader: JSONReader, folder: String, locations: inout [SourceLocation]
    ) throws -> [BenchScenario] {
        let listLocation = try locate(reader)
        var paths: [String] = []
        var names: [String?] = []
        var nameLocations: [SourceLocation] = []
        try reader.readArray { _ in
            let location = try locate(reader)
            locations.append(location)
            nameLocations.append(location)
            if try reader.peekKind() == .string {
                paths.append(try nonEmptyString(reader, what: "scenario path"))
                names.append(nil)
                return
            }
            var path: String?
            var name: String?
            try reader.readObject { key in
                switch key {
                case "path": path = try nonEmptyString(reader, what: "scenario path")
                case "name": name = try nonEmptyString(reader, what: "scenario name")
                default:
                    throw BenchError.invalidSpec(
                        reader.location(), message: "unknown key '\(MessageText.excerpt(key))' in a scenario (allowed: path, name)")
                }
            }
            guard let path else {
                throw BenchError.invalidSpec(location, message: "a scenario object needs a 'path'")
            }
            paths.append(path)
            names.append(name)
        }
        if paths.isEmpty { throw BenchError.invalidSpec(listLocation, message: "a bench needs at least one scenario") }
        let resolved = paths.map { FilePaths.resolve($0, from: folder) }
        let defaults = BenchScenario.uniqueDefaultNames(forPaths: paths)
        var seen: [String: Int] = [:]
        var seenPaths: [String: Int] = [:]
        var scenarios: [BenchScenario] = []
        for index in paths.indices {
            let name = names[index] ?? defaults[index]
            if let first = seen[name] {
                throw BenchError.invalidSpec(
                    nameLocations[index], message: "scenario name '\(MessageText.excerpt(name))' is already used by $.scenarios[\(first)]")
            }
            if let first = seenPaths[resolved[index]] {
                throw BenchError.invalidSpec(
                    nameLocations[index], message: "scenario file '\(MessageText.excerpt(paths[index], limit: 400))' is already listed at $.scenarios[\(first)]")
            }
            seen[name] = index
            seenPaths[resolved[index]] = index
            scenarios.append(BenchScenario(name: name, path: resolved[index]))
        }
        return scenarios
    }

    private static func readPolicies(_ reader: JSONReader) throws -> [String] {
        let location = try locate(reader)
        var policies: [String] = []
        try reader.readArray { _ in policies.append(try reader.readString()) }
        if let problem = BenchListSyntax.namesProblem(policies, what: "policy") {
            throw BenchError.invalidSpec(location, message: problem)
        }
        return policies
    }

    private static func readSeeds(_ reader: JSONReader) throws -> [UInt64] {
        let location = try locate(reader)
        if try reader.peekKind() == .string {
            switch BenchListSyntax.seeds(try reader.readString()) {
            case .success(let seeds): return seeds
            case .failure(let problem): throw BenchError.invalidSpec(location, message: problem.message)
            }
        }
        guard try reader.peekKind() == .array else {
            throw BenchError.invalidSpec(location, message: "expected a list of seeds or a string such as \"1..10\"")
        }
        var seeds: [UInt64] = []
        var seen: Set<UInt64> = []
        try reader.readArray { _ in
            let value = try reader.readInt64()
            guard value >= 0 else { throw BenchError.invalidSpec(reader.location(), message: "seeds are non-negative") }
            guard seen.insert(UInt64(value)).inserted else {
                throw BenchError.invalidSpec(reader.location(), message: "seed \(value) appears twice")
            }
            guard seeds.count < BenchListSyntax.maximumSeedCount else {
                throw BenchError.invalidSpec(location, message: "more than \(BenchListSyntax.maximumSeedCount) seeds")
            }
            seeds.append(UInt64(value))
        }
        if seeds.isEmpty { throw BenchError.invalidSpec(location, message: "expected at least one seed") }
        return seeds
    }

    private static func readSweep(_ reader: JSONReader) throws -> ParameterSweep {
        let location = try locate(reader)
        var parameter: String?
        var values: [Double]?
        var from: Double?
        var to: Double?
        var steps: Int64?
        var label: String?
        try reader.readObject { key in
            switch key {
            case "parameter": parameter = try reader.readString()
            case "values":
                var list: [Double] = []
                try reader.readArray { _ in list.append(try reader.readDouble()) }
                values = list
            case "from": from = try reader.readDouble()
            case "to": to = try reader.readDouble()
            case "steps": steps = try reader.readInt64()
            case "label": label = try nonEmptyString(reader, what: "label")
            default:
                throw BenchError.invalidSpec(
                    reader.location(),
                    message: "unknown key '\(MessageText.excerpt(key))' in a sweep (allowed: parameter, values, from, to, steps, label)")
            }
        }
        guard let parameter else { throw BenchError.invalidSpec(location, message: "a sweep needs a 'parameter'") }
        let sweep: ParameterSweep
        switch (values, from, to, steps) {
        case (let values?, nil, nil, nil):
            sweep = ParameterSweep(parameter: parameter, values: values, label: label)
        case (nil, let from?, let to?, let steps?):
            let count = Int(clamping: steps)
            if let problem = BenchListSyntax.rangeProblem(from: from, to: to, steps: count) {
                throw BenchError.invalidSpec(location, message: problem)
            }
            sweep = ParameterSweep(parameter: parameter, from: from, to: to, steps: count, label: label)
        default:
            throw BenchError.invalidSpec(
                location, message: "a sweep needs either 'values' or all of 'from', 'to' and 'steps'")
        }
        if let problem = sweep.problem() { throw BenchError.invalidSpec(location, message: problem) }
        return sweep
    }

    // MARK: - Helpers

    private static func nonEmptyString(_ reader: JSONReader, what: String) throws -> String {
        let text = try reader.readString()
        if text.isEmpty { throw BenchError.invalidSpec(reader.location(), message: "empty \(what)") }
        return text
    }

    /// The location of the next value (its first byte), without consuming it.
    private static func locate(_ reader: JSONReader) throws(BenchError) -> SourceLocation {
        do {
            _ = try reader.peekKind()
        } catch {
            throw .input(error)
        }
        return reader.location()
    }

    private static func translatingErrors(at location: SourceLocation, _ body: () throws -> Void) throws(BenchError) {
        do {
            try body()
        } catch let error as BenchError {
            throw error
        } catch let error as StreamingIOError {
            throw .input(error)
        } catch {
            throw .invalidSpec(location, message: "\(error)")
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
