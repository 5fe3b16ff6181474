internal import CLibXML2
import StreamingIO

/// A libxml2 SAX2 parser that turns a document into event chunks for
/// another thread, configured for untrusted input:
///
/// - `XML_PARSE_NONET` and no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or
///   `XML_PARSE_DTDATTR`: no network access, no entity substitution, no DTD loading;
/// - any `<!ENTITY` declaration stops the parse with an error (billion laughs
///   and external entities (XXE) both need one), and so does a `<!DOCTYPE>`
///   naming an external DTD (never fetched, but refused rather than ignored);
/// - element nesting is bounded (`maximumDepth`).
///
/// `run` lets libxml2 pull the input through a read callback (the format
/// detector's prefix, then the file) and ships the events through a
/// `BoundedChannel` whenever libxml2 asks for more input; it runs on a
/// `WorkerThread` while the builder consumes, so parsing and building
/// overlap. (Pulling rather than pushing chunks spares libxml2's push mode
/// its look-ahead scans for complete tags: 11 ms of CPU less on the 30 MB
/// benchmark file.)
/// Character data is forwarded only inside elements that can carry values
/// (not directly inside `<graph>`, `<node>`, `<edge>`, ..., where GraphML
/// has only whitespace).
///
/// The corresponding libxml2 calls are `xmlCreateIOParserCtxt`,
/// `xmlCtxtUseOptions` and `xmlParseDocument`.
final class XMLSAXParser {
    /// Deepest element nesting accepted (libxml2 alone would allow 256).
    static let maximumDepth = 200
    /// Events collected before a chunk is shipped.
    static let chunkSize = 256 * 1024

    private let path: String
    private let channel: BoundedChannel<XMLEventChunk>
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var events = XMLEventBuffer(capacity: XMLSAXParser.chunkSize + 4096)
    /// Per open element: whether text inside it is forwarded (a fixed stack:
    /// depth is bounded, and an array here cost reference counting per event).
    private let forwardsText = UnsafeMutablePointer<Bool>.allocate(capacity: XMLSAXParser.maximumDepth + 1)
    @exclusivity(unchecked) private var depth = 0
    /// libxml2's first unstructured error message on the parsing thread
    /// (encoding conversion, I/O), which it would otherwise print to stderr.
    private let genericErrors: UnsafeMutablePointer<clibxml2_generic_errors> = {
        let errors = UnsafeMutablePointer<clibxml2_generic_errors>.allocate(capacity: 1)
        errors.initialize(to: clibxml2_generic_errors())
        return errors
    }()
    @exclusivity(unchecked) private var isStopped = false
    /// The input while `run` parses it, read ahead on a worker thread in
    /// 256 KiB chunks (libxml2 asks for about 4 KB at a time: a `read` call
    /// each was 7,400 system calls for a 30 MB file; gzip inflates there too),
    /// and the bytes read before it (format detection).
    @exclusivity(unchecked) private var input: ReadAheadSource?
    @exclusivity(unchecked) private var pending: [UInt8] = []
    @exclusivity(unchecked) private var pendingOffset = 0
    private static let readAheadBytes = 256 * 1024
    /// The first fatal problem found by libxml2, the guards here, or the input.
    @exclusivity(unchecked) private(set) var failure: TopologyImportError?
    /// Namespace and other recoverable XML errors, as warnings.
    private(set) var recoverableErrors: [(line: Int32, message: String)] = []

    init(path: String, channel: BoundedChannel<XMLEventChunk>) {
        self.path = path
        self.channel = channel
        xmlInitParser()
    }

    deinit {
        events.deallocate()
        forwardsText.deallocate()
        genericErrors.deallocate()
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
            self.input = try ReadAheadSource(input: input, chunkBytes: Self.readAheadBytes, chunkCount: 3)
        } catch {
            failure = .io(error)
            return
        }
        defer { self.input?.close() }
        pending = prefix
        clibxml2_capture_generic_errors(genericErrors)
        defer { xmlSetGenericErrorFunc(nil, nil) }
        do {
            try start()
            try check(xmlParseDocument(context))
        } catch {
            failure = failure ?? error
        }
        self.input = nil
    }

    /// libxml2's read callback: the detector's prefix first, then the file.
    /// Events collected so far are shipped here, between libxml2's reads.
    private func fill(_ destination: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32 {
        if isStopped { return 0 }
        if events.count >= Self.chunkSize { ship() }
        let target = UnsafeMutableRawBufferPointer(start: destination, count: length)
        if pendingOffset < pending.count {
            let count = min(length, pending.count - pendingOffset)
            pending.withUnsafeBytes { target.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[pendingOffset..<(pendingOffset + count)])) }
            pendingOffset += count
            return Int32(count)
        }
        guard let input else { return 0 }
        do {
            return Int32(try input.read(into: target))
        } catch {
            // No events after this: libxml2 would still report the partial tag
            // before the failed read.
            failure = failure ?? .io(error)
            stop()
            return -1
        }
    }

    private func start() throws(TopologyImportError) {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let userData, let localName else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(userData)._withUnsafeGuaranteedRef {
                $0.startElement(localName, uri, Int(attributeCount), attributes)
            }
        }
        handler.endElementNs = { userData, _, _, _ in
            guard let userData else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.endElement() }
        }
        handler.characters = { userData, bytes, count in
            guard let userData, let bytes, count > 0 else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.text(bytes, Int(count)) }
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = handler.characters
        handler.entityDecl = { userData, name, _, _, _, _ in
            guard let userData else { return }
            let parser = Unmanaged<XMLSAXParser>.fromOpaque(userData).takeUnretainedValue()
            let entity = name.map { String(cString: $0) } ?? "?"
            parser.refuse(
                "the document declares an entity (<!ENTITY \(entity) ...>); entity declarations are refused: "
                    + "GraphML never needs them, and they enable exponential expansion (billion laughs) "
                    + "and reading local files (XXE)")
        }
        handler.internalSubset = { userData, name, externalId, systemId in
            guard let userData, externalId != nil || systemId != nil else { return }
            let parser = Unmanaged<XMLSAXParser>.fromOpaque(userData).takeUnretainedValue()
            let url = systemId.map { MessageText.excerpt(String(cString: $0)) }
                ?? externalId.map { MessageText.excerpt(String(cString: $0)) } ?? "?"
            let root = name.map { String(cString: $0) } ?? "?"
            parser.refuse(
                "the document names an external DTD (<!DOCTYPE \(MessageText.excerpt(root)) ... \"\(url)\">); external DTDs are "
                    + "refused, never fetched: GraphML does not need one (remove the <!DOCTYPE> line)")
        }
        handler.serror = { userData, error in
            guard let userData, let error else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        }
        let userData = Unmanaged.passUnretained(self).toOpaque()
        let read: xmlInputReadCallback = { ioContext, buffer, length in
            guard let ioContext, let buffer, length > 0 else { return 0 }
            return Unmanaged<XMLSAXParser>.fromOpaque(ioContext)._withUnsafeGuaranteedRef { $0.fill(buffer, Int(length)) }
        }
        guard let created = xmlCreateIOParserCtxt(&handler, userData, read, nil, userData, XML_CHAR_ENCODING_NONE) else {
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
            throw .malformed(
                SourceLocation(path: path, line: line > 0 ? Int(line) : nil), message: "malformed XML (libxml2 error \(result))\(genericErrorNote)")
        }
    }

    /// Hands the collected events to the consumer.
    private func ship() {
        guard events.count > 0 else { return }
        if !channel.send(events.take()) { stop() }
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
        guard !isStopped else { return }
        guard depth < Self.maximumDepth else {
            refuse("elements are nested deeper than \(Self.maximumDepth) levels (a limit against malicious input)")
            return
        }
        guard attributeCount <= Int(UInt16.max) else {
            refuse("an element has \(attributeCount) attributes, more than \(UInt16.max) (a limit against malicious input)")
            return
        }
        events.appendStart(
            localName: localName, namespace: uri, attributes: attributes, attributeCount: attributeCount, line: currentLine())
        depth += 1
        forwardsText[depth] = !Self.isStructural(localName)
        if events.count >= Self.chunkSize * 4 { ship() }
    }

    private func endElement() {
        guard !isStopped else { return }
        // libxml2 pairs every end with a start, but a stopped parse may still deliver one.
        if depth > 0 { depth -= 1 }
        events.appendEnd(line: currentLine())
    }

    private func text(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard depth > 0, forwardsText[depth], !isStopped else { return }
        events.appendText(bytes, count)
        if events.count >= Self.chunkSize * 4 { ship() }
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
                failure = .malformed(
                    SourceLocation(path: path, line: line, column: column), message: "malformed XML: \(message)\(genericErrorNote)")
            }
        } else if error.level == XML_ERR_ERROR && recoverableErrors.count < 20 {
            recoverableErrors.append((Int32(clamping: error.line), message))
        }
    }

    /// " (libxml2: ...)" with the captured unstructured message, if any.
    private var genericErrorNote: String {
        let length = Int(genericErrors.pointee.length)
        guard length > 0 else { return "" }
        let text = withUnsafeBytes(of: genericErrors.pointee.text) { bytes in
            String(decoding: bytes.prefix(length), as: UTF8.self)
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.isEmpty ? "" : " (libxml2: \(MessageText.excerpt(line.trimmingWhitespace)))"
    }

    private func refuse(_ message: String) {
        if failure == nil {
            let line = currentLine()
            failure = .unsafe(SourceLocation(path: path, line: line > 0 ? Int(line) : nil), message: message)
        }
        stop()
    }

    /// Ends the parse softly: no further events, and the next read reports
    /// the end of the input, so libxml2 stops within the few kilobytes it
    /// holds. (`xmlStopParser` frees the input under a running callback: in
    /// pull mode libxml2 then shrinks the freed buffer and crashes.)
    private func stop() {
        isStopped = true
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
