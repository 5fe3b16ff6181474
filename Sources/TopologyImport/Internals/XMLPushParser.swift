internal import CLibXML2
import StreamingIO

/// A libxml2 SAX2 push parser that turns a document into event chunks for
/// another thread, configured for untrusted input:
///
/// - `XML_PARSE_NONET` and no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or
///   `XML_PARSE_DTDATTR`: no network access, no entity substitution, no DTD loading;
/// - any `<!ENTITY` declaration stops the parse with an error (billion laughs
///   and external entities (XXE) both need one), and so does a `<!DOCTYPE>`
///   naming an external DTD (never fetched, but refused rather than ignored);
/// - element nesting is bounded (`maximumDepth`).
///
/// `run` reads the input in 256 KiB pieces, feeds them to libxml2 and ships
/// the events through a `BoundedChannel`; it runs on a `WorkerThread` while
/// the builder consumes, so parsing and building overlap. Character data is
/// forwarded only inside elements that can carry values (not directly inside
/// `<graph>`, `<node>`, `<edge>`, ..., where GraphML has only whitespace).
///
/// The corresponding libxml2 calls are `xmlCreatePushParserCtxt`,
/// `xmlCtxtUseOptions`, `xmlParseChunk` and `xmlStopParser`.
final class XMLPushParser {
    /// Deepest element nesting accepted (libxml2 alone would allow 256).
    static let maximumDepth = 200
    /// Events collected before a chunk is shipped.
    static let chunkSize = 256 * 1024

    private let path: String
    private let channel: BoundedChannel<XMLEventChunk>
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var chunk = XMLEventChunk(capacity: XMLPushParser.chunkSize + 4096)
    /// Per open element: whether text inside it is forwarded.
    @exclusivity(unchecked) private var forwardsText: [Bool] = []
    @exclusivity(unchecked) private var isStopped = false
    /// The first fatal problem found by libxml2, the guards here, or the input.
    @exclusivity(unchecked) private(set) var failure: TopologyImportError?
    /// Namespace and other recoverable XML errors, as warnings.
    private(set) var recoverableErrors: [(line: Int32, message: String)] = []

    init(path: String, channel: BoundedChannel<XMLEventChunk>) {
        self.path = path
        self.channel = channel
        forwardsText.reserveCapacity(64)
        xmlInitParser()
    }

    deinit {
        guard let context else { return }
        // libxml2 builds a stand-in document for entity declarations even in
        // SAX mode ("expat compatibility"); the context does not own it.
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        xmlFreeParserCtxt(context)
    }

    /// Parses `prefix` then the rest of `input`, shipping events; always ends
    /// the channel. Runs on the worker thread.
    func run(input: InputFile, prefix: [UInt8]) {
        defer {
            ship()
            channel.finish()
        }
        do {
            try start()
            try prefix.withBytes { (bytes) throws(TopologyImportError) in try feed(bytes) }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
            defer { buffer.deallocate() }
            while !isStopped {
                let count = try TopologyImportError.catching { try input.read(into: buffer) }
                if count == 0 { break }
                try feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
            if !isStopped { try check(xmlParseChunk(context, nil, 0, 1)) }
        } catch {
            failure = failure ?? error
        }
    }

    private func feed(_ bytes: UnsafeRawBufferPointer) throws(TopologyImportError) {
        guard bytes.count > 0, !isStopped else { return }
        let result = bytes.withMemoryRebound(to: CChar.self) {
            xmlParseChunk(context, $0.baseAddress, Int32(truncatingIfNeeded: $0.count), 0)
        }
        try check(result)
        if chunk.count >= Self.chunkSize { ship() }
    }

    private func start() throws(TopologyImportError) {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let userData, let localName else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData)._withUnsafeGuaranteedRef {
                $0.startElement(localName, uri, Int(attributeCount), attributes)
            }
        }
        handler.endElementNs = { userData, _, _, _ in
            guard let userData else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.endElement() }
        }
        handler.characters = { userData, bytes, count in
            guard let userData, let bytes, count > 0 else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.text(bytes, Int(count)) }
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = handler.characters
        handler.entityDecl = { userData, name, _, _, _, _ in
            guard let userData else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(userData).takeUnretainedValue()
            let entity = name.map { String(cString: $0) } ?? "?"
            parser.refuse(
                "the document declares an entity (<!ENTITY \(entity) ...>); entity declarations are refused: "
                    + "GraphML never needs them, and they enable exponential expansion (billion laughs) "
                    + "and reading local files (XXE)")
        }
        handler.internalSubset = { userData, name, externalId, systemId in
            guard let userData, externalId != nil || systemId != nil else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(userData).takeUnretainedValue()
            let url = systemId.map { MessageText.excerpt(String(cString: $0)) }
                ?? externalId.map { MessageText.excerpt(String(cString: $0)) } ?? "?"
            let root = name.map { String(cString: $0) } ?? "?"
            parser.refuse(
                "the document names an external DTD (<!DOCTYPE \(MessageText.excerpt(root)) ... \"\(url)\">); external DTDs are "
                    + "refused, never fetched: GraphML does not need one (remove the <!DOCTYPE> line)")
        }
        handler.serror = { userData, error in
            guard let userData, let error else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        }
        let userData = Unmanaged.passUnretained(self).toOpaque()
        guard let created = xmlCreatePushParserCtxt(&handler, userData, nil, 0, path) else {
            throw .malformed(SourceLocation(path: path), message: "libxml2 could not create a parser")
        }
        context = created
        xmlCtxtUseOptions(created, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue))
    }

    private func check(_ result: Int32) throws(TopologyImportError) {
        if let failure { throw failure }
        if channel.wasCancelled {
            stop()
            return
        }
        if result != 0 {
            let line = currentLine()
            throw .malformed(SourceLocation(path: path, line: line > 0 ? Int(line) : nil), message: "malformed XML (libxml2 error \(result))")
        }
    }

    /// Hands the collected events to the consumer.
    private func ship() {
        guard chunk.count > 0 else { return }
        let full = chunk
        chunk = XMLEventChunk(capacity: Self.chunkSize + 4096)
        if !channel.send(full) { stop() }
    }

    // MARK: - Callbacks

    private func currentLine() -> Int32 {
        guard let context, let input = context.pointee.input else { return 0 }
        return input.pointee.line
    }

    private func startElement(
        _ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard forwardsText.count < Self.maximumDepth else {
            refuse("elements are nested deeper than \(Self.maximumDepth) levels (a limit against malicious input)")
            return
        }
        guard attributeCount <= Int(UInt16.max) else {
            refuse("an element has \(attributeCount) attributes, more than \(UInt16.max) (a limit against malicious input)")
            return
        }
        chunk.appendStart(
            localName: localName, namespace: uri, attributes: attributes, attributeCount: attributeCount, line: currentLine())
        forwardsText.append(!Self.isStructural(localName))
        if chunk.count >= Self.chunkSize * 4 { ship() }
    }

    private func endElement() {
        forwardsText.removeLast()
        chunk.appendEnd(line: currentLine())
    }

    private func text(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard forwardsText.last == true else { return }
        chunk.appendText(bytes, count)
        if chunk.count >= Self.chunkSize * 4 { ship() }
    }

    /// GraphML's structural elements, which hold only whitespace as text.
    private static func isStructural(_ name: UnsafePointer<xmlChar>) -> Bool {
        // Names are at most 9 bytes here: measure no further than needed.
        var length = 0
        while length < 10 && name[length] != 0 { length += 1 }
        let bytes = UnsafeRawBufferPointer(start: name, count: length)
        switch length {
        case 3: return ValueParsing.equals(bytes, "key")
        case 4: return ValueParsing.equals(bytes, "node") || ValueParsing.equals(bytes, "edge") || ValueParsing.equals(bytes, "port")
        case 5: return ValueParsing.equals(bytes, "graph")
        case 7: return ValueParsing.equals(bytes, "graphml") || ValueParsing.equals(bytes, "locator")
        case 8: return ValueParsing.equals(bytes, "endpoint")
        case 9: return ValueParsing.equals(bytes, "hyperedge")
        default: return false
        }
    }

    private func record(_ error: xmlError) {
        // libxml2 splits some messages over lines ("... indicate encoding !\nBytes: 0x89 ...").
        let message = error.message.map { String(cString: $0) }?.trimmingWhitespace
            .split(whereSeparator: \.isNewline).joined(separator: "; ") ?? "XML error \(error.code)"
        if error.level == XML_ERR_FATAL {
            if failure == nil {
                let line = error.line > 0 ? Int(error.line) : nil
                let column = error.int2 > 0 && line != nil ? Int(error.int2) : nil
                failure = .malformed(SourceLocation(path: path, line: line, column: column), message: "malformed XML: \(message)")
            }
        } else if error.level == XML_ERR_ERROR && recoverableErrors.count < 20 {
            recoverableErrors.append((Int32(clamping: error.line), message))
        }
    }

    private func refuse(_ message: String) {
        if failure == nil {
            let line = currentLine()
            failure = .unsafe(SourceLocation(path: path, line: line > 0 ? Int(line) : nil), message: message)
        }
        stop()
    }

    private func stop() {
        isStopped = true
        if let context { xmlStopParser(context) }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        return String(scalars)
    }
}

#if canImport(Glibc)
import Glibc
#endif
