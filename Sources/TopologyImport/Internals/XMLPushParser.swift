internal import CLibXML2
import StreamingIO

/// A libxml2 SAX2 push parser, fed in chunks (so gzip input streams through
/// `InputFile`), configured for untrusted input:
///
/// - `XML_PARSE_NONET` and no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or
///   `XML_PARSE_DTDATTR`: no network access, no entity substitution, no DTD loading;
/// - any `<!ENTITY` declaration stops the parse with an error (billion laughs
///   and external entities (XXE) both need one);
/// - element nesting is bounded (`maximumDepth`).
///
/// The corresponding libxml2 calls are `xmlCreatePushParserCtxt`,
/// `xmlCtxtUseOptions`, `xmlParseChunk` and `xmlStopParser`.
final class XMLPushParser {
    /// Deepest element nesting accepted (libxml2 alone would allow 256).
    static let maximumDepth = 200

    private let path: String
    /// Not retained: the caller keeps the sink alive for the parser's whole
    /// life (`GraphMLReader` holds both), and a checked or strong reference
    /// would cost reference counting on each of millions of callbacks.
    private let sinkReference: Unmanaged<GraphMLBuilder>
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var depth = 0
    /// The first fatal problem found by the parser or by the guards here.
    @exclusivity(unchecked) private var failure: TopologyImportError?
    /// Namespace and other recoverable XML errors, as warnings.
    private(set) var recoverableErrors: [(line: Int32, message: String)] = []

    init(path: String, sink: GraphMLBuilder) {
        self.path = path
        sinkReference = Unmanaged.passUnretained(sink)
        xmlInitParser()
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses `chunk`; call `finish()` after the last one.
    ///
    /// - Throws: `TopologyImportError` for malformed XML, refused constructs, or
    ///   the sink's own failure.
    func feed(_ chunk: UnsafeRawBufferPointer) throws(TopologyImportError) {
        guard chunk.count > 0 else { return }
        if context == nil { try start() }
        let result = chunk.withMemoryRebound(to: CChar.self) { bytes in
            xmlParseChunk(context, bytes.baseAddress, Int32(truncatingIfNeeded: bytes.count), 0)
        }
        try check(result)
    }

    /// Ends the document and reports any error at its end.
    func finish() throws(TopologyImportError) {
        if context == nil { try start() }
        let result = xmlParseChunk(context, nil, 0, 1)
        try check(result)
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
        handler.endElementNs = { userData, localName, _, uri in
            guard let userData, let localName else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.endElement(localName, uri) }
        }
        handler.characters = { userData, bytes, count in
            guard let userData, let bytes, count > 0 else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData)._withUnsafeGuaranteedRef {
                $0.sinkReference._withUnsafeGuaranteedRef {
                    $0.characters(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
                }
            }
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
        handler.serror = { userData, error in
            guard let userData, let error else { return }
            Unmanaged<XMLPushParser>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        }
        let userData = Unmanaged.passUnretained(self).toOpaque()
        guard let created = xmlCreatePushParserCtxt(&handler, userData, nil, 0, path) else {
            throw .malformed(SourceLocation(path: path), message: "libxml2 could not create a parser")
        }
        context = created
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlCtxtUseOptions(created, options)
    }

    private func check(_ result: Int32) throws(TopologyImportError) {
        if let failure { throw failure }
        if let failure = sinkReference.takeUnretainedValue().failure { throw failure }
        if result != 0 {
            let line = currentLine()
            throw .malformed(SourceLocation(path: path, line: line > 0 ? Int(line) : nil), message: "malformed XML (libxml2 error \(result))")
        }
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
        depth += 1
        if depth > Self.maximumDepth {
            refuse("elements are nested deeper than \(Self.maximumDepth) levels (a limit against malicious input)")
            return
        }
        let name = XMLName(localName: Self.view(localName), namespace: uri.map(Self.view))
        let line = currentLine()
        let failed = sinkReference._withUnsafeGuaranteedRef {
            $0.startElement(name, attributes: XMLAttributes(base: attributes, count: attributeCount), line: line)
            return $0.hasFailed
        }
        if failed { stop() }
    }

    private func endElement(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) {
        depth -= 1
        let line = currentLine()
        let failed = sinkReference._withUnsafeGuaranteedRef {
            $0.endElement(XMLName(localName: Self.view(localName), namespace: uri.map(Self.view)), line: line)
            return $0.hasFailed
        }
        if failed { stop() }
    }

    private func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?.trimmingWhitespace ?? "XML error \(error.code)"
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
        if let context { xmlStopParser(context) }
    }

    private static func view(_ pointer: UnsafePointer<xmlChar>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
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
