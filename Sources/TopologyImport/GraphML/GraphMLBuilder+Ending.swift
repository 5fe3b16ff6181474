import StreamingIO

extension GraphMLBuilder {
    // MARK: - End tags

    func handleEnd(_ line: Int32) throws(TopologyImportError) {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .keyDefault(let key):
            isCapturing = false
            try graph.setDefault(key: key, bytes: text.bytes, line: line)
        case .data(let data):
            isCapturing = false
            let (domain, element) = Self.target(of: data.owner)
            guard let domain else { return }
            try graph.setValue(key: data.key, domain: domain, element: element, bytes: text.bytes, line: data.line)
        case .description(let owner):
            isCapturing = false
            let (domain, element) = Self.target(of: owner)
            guard let domain else { return }
            let key = graph.recordedKey(named: RecordedAttribute.description, origin: .recorded)
            try graph.setValue(key: key, domain: domain, element: element, bytes: ValueParsing.trimmed(text.bytes), line: line)
        case .node(let node) where node >= 0:
            nodeEnded?(node)
        case .graph:
            parentIds.removeLast()
        case .payload:
            try endPayloadElement(depth: frames.count + 1, line: line)
        default:
            break
        }
    }

    private static func target(of owner: Owner) -> (AttributeDomain?, Int) {
        switch owner {
        case .node(let node): return (.node, Int(node))
        case .edge(let edge): return (.edge, Int(edge))
        case .graph(let index): return (.graph, index)
        case .none: return (nil, 0)
        }
    }

    /// Ends the document: checks the structure and resolves edges.
    func finishDocument(undeclaredNodes: UndeclaredNodePolicy) throws(TopologyImportError) {
        if let failure { throw failure }
        guard sawRoot else {
            throw .unrecognised(SourceLocation(path: graph.path), message: "not GraphML: the document has no <graphml> element")
        }
        let graphCount = graph.counts.topLevelGraphs
        guard graphCount > 0 else {
            throw .invalid(
                SourceLocation(path: graph.path),
                message: "the GraphML document has no <graph> element: nothing to import")
        }
        if case .index(let wanted) = selection, wanted >= graphCount || wanted < 0 {
            throw .invalid(
                SourceLocation(path: graph.path),
                message: "--graph \(wanted): the document has \(graphCount) top-level graph\(graphCount == 1 ? "" : "s") "
                    + "(indexes 0...\(graphCount - 1))")
        }
        try graph.finish(undeclaredNodes: undeclaredNodes)
    }

    // MARK: - yEd payloads

    /// Called for each element inside a payload `<data>`: harvests the first
    /// node/edge label text and the first node geometry, skips the rest.
    func harvest(_ name: XMLName, _ attributes: XMLAttributes, _ line: Int32) {
        let isNode: Bool
        switch payloadOwner {
        case .node(let node) where node >= 0: isNode = true
        case .edge(let edge) where edge >= 0: isNode = false
        default: return
        }
        if labelCaptureDepth > 0 {
            // Markup inside the label (label models): its own text is not the label.
            isCapturing = false
            return
        }
        if !harvestedLabel && (isNode ? name.is("NodeLabel") : name.is("EdgeLabel")) {
            labelCaptureDepth = frames.count
            text.removeAll()
            isCapturing = true
            return
        }
        if isNode && !harvestedGeometry && name.is("Geometry"),
            case .node(let node) = payloadOwner,
            let x = attributes.value("x"), let y = attributes.value("y"),
            ValueParsing.double(x) != nil, ValueParsing.double(y) != nil
        {
            harvestedGeometry = true
            let xKey = graph.recordedKey(named: RecordedAttribute.geometryX, type: .double, origin: .harvested)
            let yKey = graph.recordedKey(named: RecordedAttribute.geometryY, type: .double, origin: .harvested)
            try? graph.setValue(key: xKey, domain: .node, element: Int(node), bytes: x, line: line)
            try? graph.setValue(key: yKey, domain: .node, element: Int(node), bytes: y, line: line)
        }
    }

    private func endPayloadElement(depth: Int, line: Int32) throws(TopologyImportError) {
        if labelCaptureDepth > 0 && depth == labelCaptureDepth {
            labelCaptureDepth = 0
            isCapturing = false
            let label = ValueParsing.trimmed(text.bytes).count
            if label > 0 {
                harvestedLabel = true
                let key = graph.recordedKey(named: RecordedAttribute.label, origin: .harvested)
                let (domain, element) = Self.target(of: payloadOwner)
                if let domain {
                    try graph.setValue(
                        key: key, domain: domain, element: element, bytes: ValueParsing.trimmed(text.bytes), line: line)
                }
            }
        }
        if depth <= payloadDepth {
            payloadOwner = .none
            labelCaptureDepth = 0
        }
    }
}
