import ScenarioModel
import StreamingIO
import TopologyImport

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
        do {
            result = try TopologyImporter.importTopology(path: path, options: options)
        } catch {
            if case .invalidTopology = error { return "an input problem reported on the output: \(error)" }
            return FuzzTarget.oneLine(error.description)
        }
        for message in result.warnings.messages { if let finding = FuzzTarget.oneLine(message) { return finding } }
        let output = scratch.outputPath(suffix: ".topology.json")
        do {
            try result.write(to: output)
        } catch {
            return "an imported topology could not be written: \(error)"
        }
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
