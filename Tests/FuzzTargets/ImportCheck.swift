#if canImport(Glibc)
import Glibc
#endif
import ScenarioModel
import StreamingIO
@_spi(Testing) import TopologyImport

/// The properties every topology import must have, whatever the input:
/// errors name the input (an invalid *output* would be an importer bug); a
/// successful import writes a canonical topology that validates and reads
/// back equal, and whose GraphML export (when XML can carry the text)
/// imports back to the same nodes, links and media.
enum ImportCheck {
    /// Imports the input (byte 0 picks the options) and checks the properties above.
    static func run(_ bytes: [UInt8], scratch: FuzzScratch, suffix: String, formats: [TopologyFormat]) -> String? {
        guard let choice = bytes.first else { return nil }
        let options = options(choice, formats: formats)
        let path = scratch.write(Array(bytes.dropFirst()), suffix: suffix)
        let result: TopologyImportResult
        let output = scratch.outputPath(suffix: ".topology.json")
        do {
            result = try TopologyImporter.importTopology(path: path, options: options)
        } catch {
            if case .invalidTopology = error { return "an input problem reported on the output: \(error)" }
            if let finding = streamedDiffers(path, options, output, expected: .failure(Failure(message: error.description))) { return finding }
            return FuzzTarget.oneLine(error.description)
        }
        for message in result.warnings.messages { if let finding = FuzzTarget.oneLine(message) { return finding } }
        do {
            try result.write(to: output)
        } catch {
            return "an imported topology could not be written: \(error)"
        }
        if let finding = streamedDiffers(path, options, output, expected: .success(readBytes(output))) { return finding }
        let report = CanonicalFileValidator.validate(path: output, maximumIssues: 5)
        guard report.isValid else { return "an imported topology does not validate: \(report.issues[0])" }
        let topology = result.topology
        guard let written = try? Topology.load(path: output), written == topology else {
            return "an imported topology does not read back equal to what was written"
        }
        let graphml = scratch.outputPath(suffix: ".graphml")
        do {
            try GraphMLExporter.write(topology, to: graphml)
        } catch {
            return nil  // Text XML 1.0 cannot carry (control characters) is a documented export error.
        }
        var again = TopologyImportOptions()
        again.format = .graphml
        do {
            let back = try TopologyImporter.importTopology(path: graphml, options: again).topology
            for (name, equal) in [("nodes", back.nodes == topology.nodes), ("links", back.links == topology.links),
                                  ("media", back.media == topology.media)] where !equal {
                return "the GraphML export of an imported topology imports back with other \(name)"
            }
        } catch {
            return "the GraphML export of an imported topology does not import: \(error)"
        }
        return nil
    }

    /// The streamed import (nodes written in blocks of one while the GraphML
    /// is read) must write the same bytes, or fail with the same error and
    /// leave no file. Checked for XML inputs, the only ones it streams.
    static func streamedDiffers(
        _ path: String, _ options: TopologyImportOptions, _ twoStepOutput: String, expected: Result<[UInt8], Failure>
    ) -> String? {
        guard path.hasSuffix(".graphml") else { return nil }
        var options = options
        options.streamingBlockSize = 1
        let output = twoStepOutput + ".streamed"
        defer { unlink(output) }
        do {
            _ = try TopologyImporter.importTopology(path: path, options: options, writingTo: output)
            guard case .success(let bytes) = expected else { return "the streamed import succeeds where importing then writing fails" }
            return readBytes(output) == bytes ? nil : "the streamed import writes other bytes than importing then writing"
        } catch {
            guard case .failure(let failure) = expected else { return "the streamed import fails where importing then writing succeeds: \(error)" }
            if access(output, F_OK) == 0 { return "a failed streamed import left its output" }
            return failure.message == error.description ? nil : "the streamed import fails with another error: \(error)"
        }
    }

    struct Failure: Error {
        let message: String
    }

    static func readBytes(_ path: String) -> [UInt8] {
        guard let input = try? InputFile(path: path) else { return [] }
        var bytes: [UInt8] = []
        try? input.forEachChunk { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Import options chosen by one byte of the input.
    static func options(_ byte: UInt8, formats: [TopologyFormat]) -> TopologyImportOptions {
        var options = TopologyImportOptions()
        options.format = formats[Int(byte) % formats.count]
        options.undeclaredNodes = byte & 0x08 == 0 ? .error : .create
        options.applyKeyDefaults = byte & 0x10 == 0
        options.etherLinks = byte & 0x20 == 0 ? .fold : .switch
        options.graphSelection = byte & 0x40 == 0 ? .all : .index(Int(byte >> 7))
        options.edgeServersPerPoP = Int(byte >> 7)
        return options
    }
}
