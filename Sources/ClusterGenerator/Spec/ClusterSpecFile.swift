import ScenarioModel
import StreamingIO

/// Reads declarative cluster specs (`edgesim-cluster-spec`, version 1) from
/// JSON files. Every error names the file, line, column and JSON path.
///
/// ```json
/// {"format": "edgesim-cluster-spec", "version": 1, "name": "two-sites",
///  "sites": [{"at": "internet", "block": {"type": "cloudlet", "racks": 2}}]}
/// ```
///
/// FORMAT.md ("Cluster spec files") documents every key.
public enum ClusterSpecFile {
    /// A decoded spec with the provenance a topology generated from it records.
    public struct Loaded: Sendable {
        /// The spec.
        public var spec: ClusterSpec
        /// `generator: "spec"`, the file as `source`, and its name and content fingerprint.
        public var provenance: Provenance
    }

    /// Reads and decodes a spec file (gzip-compressed or not; `-` for standard input).
    ///
    /// - Throws: `GeneratorError.io` for unreadable or malformed JSON,
    ///   `.invalidSpec` for unknown keys, wrong types and bad values.
    public static func load(path: String) throws(GeneratorError) -> Loaded {
        let bytes: [UInt8]
        let displayPath: String
        do {
            let input = try InputFile(path: path)
            displayPath = input.path
            var collected: [UInt8] = []
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
            defer { chunk.deallocate() }
            while true {
                let count = try input.read(into: chunk)
                if count == 0 { break }
                collected.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            }
            bytes = collected
        } catch {
            throw .io(error)
        }
        let spec = try decode(bytes: bytes, path: displayPath)
        let name = displayPath.split(separator: "/").last.map(String.init) ?? displayPath
        let provenance = Provenance(
            source: displayPath, generator: "spec",
            parameters: ["spec": name, "specName": spec.name, "specFingerprint": fingerprint(bytes)])
        return Loaded(spec: spec, provenance: provenance)
    }

    /// Decodes a spec from JSON text.
    ///
    /// - Parameter path: The name used in messages.
    public static func decode(bytes: [UInt8], path: String) throws(GeneratorError) -> ClusterSpec {
        let reader = JSONReader(bytes: bytes, path: path)
        do {
            let spec = try SpecDecoder(reader: reader).decodeSpec()
            try reader.expectEnd()
            return spec
        } catch let error as GeneratorError {
            throw error
        } catch let error as StreamingIOError {
            throw .io(error)
        } catch {
            throw .invalidSpec(SourceLocation(path: path), "\(error)")
        }
    }

    /// FNV-1a over the bytes, as 16 hex digits: names the exact spec content.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
