import StreamingIO

/// The operations readers use to fill a `SourceGraph`, shared by the GraphML
/// and node-link JSON readers so both get the same semantics (duplicate nodes
/// merged, edges resolved after all nodes, typed values checked).
extension SourceGraph {
    // MARK: - Keys

    /// The key with id `bytes`, if declared or already used.
    func keyNumber(forId bytes: UnsafeRawBufferPointer) -> Int? {
        keyIndex.find(bytes, hash: TextIndex.hash(bytes), arena: arena).map(Int.init)
    }

    /// Declares a key; a key first met in `<data>` (an undeclared placeholder)
    /// receives the declaration, and its earlier values are checked at the end.
    @discardableResult
    func declareKey(
        id idBytes: UnsafeRawBufferPointer, name: String?, type: AttributeType, domain: AttributeDomain,
        isPayload: Bool, line: Int32
    ) throws(TopologyImportError) -> Int {
        let id = String(decoding: idBytes, as: UTF8.self)
        if let existing = keyNumber(forId: idBytes) {
            if keys[existing].origin == .declared {
                // igraph reuses one id for a graph and a node key ("name"): allowed
                // when the scopes are distinct, as data then resolves by scope.
                let variants = [existing] + (keyVariants[existing] ?? [])
                guard domain != .all, variants.allSatisfy({ keys[$0].domain != .all && keys[$0].domain != domain }) else {
                    throw .invalid(
                        location(line: line),
                        message: "duplicate <key> id '\(MessageText.excerpt(id))' for=\"\(domain.rawValue)\" (first declared at line \(keys[existing].line))")
                }
                let number = keys.count
                keyRevision += 1
                keys.append(AttributeKey(id: id, name: name ?? id, type: type, domain: domain, isPayload: isPayload, line: line))
                keyIds.append(keyIds[existing])
                keyVariants[existing, default: []].append(number)
                return number
            }
            // Used before its declaration: adopt the declaration.
            counts.undeclaredKeys -= 1
            keyRevision += 1
            keys[existing].name = name ?? id
            keys[existing].type = type
            keys[existing].domain = domain
            keys[existing].isPayload = isPayload
            keys[existing].origin = .declared
            keys[existing].line = line
            keys[existing].needsLateCheck = type.isTyped
            return existing
        }
        return appendKey(
            AttributeKey(id: id, name: name ?? id, type: type, domain: domain, isPayload: isPayload, line: line),
            idBytes: idBytes)
    }

    /// The key for a `<data key=…>` reference, created as an undeclared string
    /// key (named after its id) when unknown.
    func keyForData(id bytes: UnsafeRawBufferPointer, domain: AttributeDomain, line: Int32) -> Int {
        if let existing = keyNumber(forId: bytes) {
            guard !keyVariants.isEmpty, let variants = keyVariants[existing] else { return existing }
            return ([existing] + variants).first { keys[$0].domain.covers(domain) } ?? existing
        }
        let id = String(decoding: bytes, as: UTF8.self)
        counts.undeclaredKeys += 1
        warnings.add(location(line: line), "<data> uses key '\(MessageText.excerpt(id))', which no <key> declares: kept as a string attribute named '\(MessageText.excerpt(id))'")
        var key = AttributeKey(id: id, name: id, type: .string, domain: .all)
        key.origin = .undeclared
        return appendKey(key, idBytes: bytes)
    }

    /// A key the reader records itself (`<desc>`, yEd labels and geometry).
    func recordedKey(named name: String, type: AttributeType = .string, origin: AttributeKey.Origin) -> Int {
        let id = "\u{1}" + name
        var idCopy = id
        let existing = idCopy.withUTF8 { keyNumber(forId: UnsafeRawBufferPointer($0)) }
        if let existing { return existing }
        var key = AttributeKey(id: id, name: name, type: type, domain: .all)
        key.origin = origin
        return idCopy.withUTF8 { appendKey(key, idBytes: UnsafeRawBufferPointer($0)) }
    }

    private func appendKey(_ key: AttributeKey, idBytes: UnsafeRawBufferPointer) -> Int {
        let number = keys.count
        keyRevision += 1
        keys.append(key)
        let reference = arena.append(idBytes)
        keyIds.append(reference)
        keyIndex.insert(Int32(number), reference: reference, bytes: idBytes, hash: TextIndex.hash(idBytes), arena: arena)
        return number
    }

    // MARK: - Values

    /// The scalar facts of key `key`, read in place: copying the key out of
    /// the array would retain and release its strings and value columns,
    /// once per `<data>` element.
    @inline(__always)
    func keyTraits(_ key: Int) -> (type: AttributeType, domain: AttributeDomain, origin: AttributeKey.Origin, isPayload: Bool) {
        keys.withUnsafeBufferPointer { buffer in
            precondition(key >= 0 && key < buffer.count, "key number out of range")
            let declared = buffer.baseAddress! + key
            return (declared.pointee.type, declared.pointee.domain, declared.pointee.origin, declared.pointee.isPayload)
        }
    }

    /// Stores a value of `key` for element `element` of `domain`. Typed values
    /// are trimmed and checked; an empty value is missing, as if absent.
    func setValue(
        key: Int, domain: AttributeDomain, element: Int, bytes raw: UnsafeRawBufferPointer, line: Int32
    ) throws(TopologyImportError) {
        let traits = keyTraits(key)
        let type = traits.type
        let isChecked = traits.origin == .declared || traits.origin == .harvested
        let bytes = isChecked && type.isTyped ? ValueParsing.trimmed(raw) : raw
        guard bytes.count > 0 else { return }
        guard bytes.count <= TextRef.maximumLength else {
            throw .invalid(location(line: line), message: "a <data> value of \(bytes.count) bytes exceeds the limit of \(TextRef.maximumLength) bytes")
        }
        if isChecked, let problem = ValueParsing.problem(with: bytes, as: type) {
            throw typeError(key: key, bytes: bytes, problem: problem, line: line)
        }
        if !traits.domain.covers(domain) && traits.origin == .declared {
            counts.dataOutsideKeyScope += 1
            if counts.dataOutsideKeyScope <= 3 {
                warnings.add(location(line: line), "key '\(MessageText.excerpt(keys[key].id))' is declared for=\"\(keys[key].domain.rawValue)\" but used on a \(domain.rawValue): value kept")
            }
        }
        let reference: TextRef
        if isChecked, let canonical = ValueParsing.canonicalText(bytes, as: type) {
            reference = arena.append(canonical)
        } else {
            reference = arena.append(bytes)
        }
        switch domain {
        case .node:
            if keys[key].nodeValues.isEmpty { keys[key].nodeValues.reserveCapacity(expectedNodes) }
            Self.store(reference, at: element, in: &keys[key].nodeValues)
        case .edge:
            if keys[key].edgeValues.isEmpty { keys[key].edgeValues.reserveCapacity(expectedEdges) }
            Self.store(reference, at: element, in: &keys[key].edgeValues)
        case .graph: Self.store(reference, at: element, in: &keys[key].graphValues)
        default: break
        }
    }

    /// Stores a value that is already in the arena (node-link JSON).
    func setStoredValue(key: Int, domain: AttributeDomain, element: Int, value: TextRef) {
        switch domain {
        case .node: Self.store(value, at: element, in: &keys[key].nodeValues)
        case .edge: Self.store(value, at: element, in: &keys[key].edgeValues)
        case .graph: Self.store(value, at: element, in: &keys[key].graphValues)
        default: break
        }
    }

    /// Records a key's `<default>` value (checked like any value).
    func setDefault(key: Int, bytes raw: UnsafeRawBufferPointer, line: Int32) throws(TopologyImportError) {
        let type = keys[key].type
        let bytes = type.isTyped ? ValueParsing.trimmed(raw) : raw
        guard bytes.count > 0, bytes.count <= TextRef.maximumLength else { return }
        if let problem = ValueParsing.problem(with: bytes, as: type) {
            throw typeError(key: key, bytes: bytes, problem: problem, line: line, what: "<default>")
        }
        keyRevision += 1
        if let canonical = ValueParsing.canonicalText(bytes, as: type) {
            keys[key].defaultValue = arena.append(canonical)
        } else {
            keys[key].defaultValue = arena.append(bytes)
        }
        counts.keyDefaultsDeclared += 1
    }

    func typeError(
        key: Int, bytes: UnsafeRawBufferPointer, problem: String, line: Int32, what: String = "<data>"
    ) -> TopologyImportError {
        let declared = keys[key]
        return .invalid(
            location(line: line),
            message: "\(what) value \(ValueParsing.excerpt(bytes)) of key '\(MessageText.excerpt(declared.id))' (attr.name \"\(declared.name)\", "
                + "attr.type \"\(declared.type.rawValue)\"): \(problem)")
    }

    @inline(__always)
    static func store(_ value: TextRef, at index: Int, in column: inout [TextRef]) {
        if index < column.count {
            column[index] = value
            return
        }
        if index > column.count {
            column.append(contentsOf: repeatElement(TextRef.absent, count: index - column.count))
        }
        column.append(value)
    }

    // MARK: - Nodes and edges

    /// Adds a node, or returns the existing one for a repeated id (merged, later data wins).
    func addNode(
        id bytes: UnsafeRawBufferPointer, line: Int32, topLevelGraph: Int32, parent: TextRef
    ) throws(TopologyImportError) -> Int32 {
        guard bytes.count > 0 else {
            throw .invalid(location(line: line), message: "a node has an empty id")
        }
        guard bytes.count <= TextRef.maximumLength else {
            throw .invalid(location(line: line), message: "a node id is longer than \(TextRef.maximumLength) bytes")
        }
        if let existing = nodeIndex.find(bytes, arena: arena) {
            counts.duplicateNodesMerged += 1
            warnings.add(
                location(line: line),
                "node '\(MessageText.excerpt(String(decoding: bytes, as: UTF8.self)))' is declared again (first at line \(nodeLines[Int(existing)])): merged, later values win")
            return existing
        }
        guard nodeIds.count < Int(Int32.max) else {
            throw .invalid(location(line: line), message: "more than \(Int32.max) nodes")
        }
        let number = Int32(truncatingIfNeeded: nodeIds.count)
        let reference = arena.append(bytes)
        nodeIds.append(reference)
        nodeLines.append(line)
        nodeTopLevelGraph.append(topLevelGraph)
        if parent.isPresent || !nodeParents.isEmpty {
            Self.store(parent, at: Int(number), in: &nodeParents)
        }
        nodeIndex.insert(number, reference: reference, bytes: bytes, arena: arena)
        return number
    }

    /// Adds an edge; endpoints not yet declared are resolved when the document ends.
    func addEdge(
        id idBytes: UnsafeRawBufferPointer?, source: UnsafeRawBufferPointer, target: UnsafeRawBufferPointer,
        isDirected: Bool, line: Int32
    ) throws(TopologyImportError) -> Int32 {
        guard edgeSources.count < Int(Int32.max) else {
            throw .invalid(location(line: line), message: "more than \(Int32.max) edges")
        }
        let number = Int32(truncatingIfNeeded: edgeSources.count)
        if let idBytes, idBytes.count > 0 {
            guard idBytes.count <= TextRef.maximumLength else {
                throw .invalid(location(line: line), message: "an edge id is longer than \(TextRef.maximumLength) bytes")
            }
            let hash = TextIndex.hash(idBytes)
            if let existing = edgeIndex.find(idBytes, hash: hash, arena: arena) {
                throw .invalid(
                    location(line: line),
                    message: "duplicate edge id '\(MessageText.excerpt(String(decoding: idBytes, as: UTF8.self)))' (first at line \(edgeLines[Int(existing)])); GraphML edge ids are unique")
            }
            let reference = arena.append(idBytes)
            if edgeIds.count < Int(number) {
                edgeIds.append(contentsOf: repeatElement(TextRef.absent, count: Int(number) - edgeIds.count))
            }
            edgeIds.append(reference)
            edgeIndex.insert(number, reference: reference, bytes: idBytes, hash: hash, arena: arena)
        } else if !edgeIds.isEmpty {
            edgeIds.append(.absent)
        }
        let sourceNode = nodeIndex.find(source, arena: arena)
        let targetNode = nodeIndex.find(target, arena: arena)
        if let sourceNode { edgeSources.append(sourceNode) } else {
            edgeSources.append(try endpoint(source, edge: number, isTarget: false, line: line))
        }
        if let targetNode { edgeTargets.append(targetNode) } else {
            edgeTargets.append(try endpoint(target, edge: number, isTarget: true, line: line))
        }
        edgeDirected.append(isDirected)
        edgeLines.append(line)
        return number
    }

    private func endpoint(
        _ bytes: UnsafeRawBufferPointer, edge: Int32, isTarget: Bool, line: Int32
    ) throws(TopologyImportError) -> Int32 {
        guard bytes.count > 0 else {
            throw .invalid(location(line: line), message: "an edge has an empty \(isTarget ? "target" : "source")")
        }
        guard bytes.count <= TextRef.maximumLength else {
            throw .invalid(location(line: line), message: "an edge endpoint is longer than \(TextRef.maximumLength) bytes")
        }
        pendingEndpoints.append((edge, isTarget, arena.append(bytes)))
        return -1
    }

    // MARK: - Finishing

    /// Resolves endpoints declared after their edges, handles undeclared
    /// nodes per `policy`, and checks values of keys declared after use.
    func finish(undeclaredNodes policy: UndeclaredNodePolicy) throws(TopologyImportError) {
        if !edgeIds.isEmpty && edgeIds.count < edgeCount {
            edgeIds.append(contentsOf: repeatElement(TextRef.absent, count: edgeCount - edgeIds.count))
        }
        for pending in pendingEndpoints {
            let reference = pending.id
            let bytes = arena.bytes(reference)
            var node = nodeIndex.find(bytes, arena: arena)
            if node == nil {
                let edge = Int(pending.edge)
                let name = arena.string(reference)
                switch policy {
                case .error:
                    let edgeName = edgeId(edge).isPresent ? "edge '\(MessageText.excerpt(arena.string(edgeId(edge))))'" : "an edge"
                    throw .invalid(
                        edgeLocation(edge),
                        message: "\(edgeName) names node '\(MessageText.excerpt(name))' as its \(pending.isTarget ? "target" : "source"), "
                            + "but no imported graph declares it (--undeclared-nodes create adds such nodes)")
                case .create:
                    let number = Int32(truncatingIfNeeded: nodeIds.count)
                    nodeIds.append(reference)
                    nodeLines.append(edgeLines[edge])
                    nodeTopLevelGraph.append(-1)
                    if !nodeParents.isEmpty { Self.store(.absent, at: Int(number), in: &nodeParents) }
                    nodeIndex.insert(number, reference: reference, bytes: arena.bytes(reference), arena: arena)
                    createdNodes.append(number)
                    counts.nodesCreated += 1
                    warnings.add(edgeLocation(edge), "node '\(MessageText.excerpt(name))' is not declared: created")
                    node = number
                }
            }
            if let node {
                if pending.isTarget { edgeTargets[Int(pending.edge)] = node } else { edgeSources[Int(pending.edge)] = node }
            }
        }
        pendingEndpoints = []
        if !nodeParents.isEmpty && nodeParents.count < nodeIds.count {
            nodeParents.append(contentsOf: repeatElement(TextRef.absent, count: nodeIds.count - nodeParents.count))
        }
        for key in keys.indices where keys[key].needsLateCheck {
            try checkLate(key: key)
        }
    }

    private func checkLate(key: Int) throws(TopologyImportError) {
        let type = keys[key].type
        for (domain, lines) in [(AttributeDomain.node, nodeLines), (.edge, edgeLines)] {
            var column = keys[key].values(for: domain)
            for index in column.indices where column[index].isPresent {
                let reference = column[index]
                let raw = arena.bytes(reference)
                let trimmed = ValueParsing.trimmed(raw)
                if trimmed.count == 0 {
                    column[index] = .absent
                    continue
                }
                if let problem = ValueParsing.problem(with: trimmed, as: type) {
                    throw typeError(key: key, bytes: trimmed, problem: problem, line: index < lines.count ? lines[index] : 0)
                }
                if let canonical = ValueParsing.canonicalText(trimmed, as: type) {
                    column[index] = arena.append(canonical)
                } else {
                    let start = raw.baseAddress.map { trimmed.baseAddress! - $0 } ?? 0
                    column[index] = TextRef(offset: reference.offset + start, length: trimmed.count)
                }
            }
            if domain == .node { keys[key].nodeValues = column } else { keys[key].edgeValues = column }
        }
        keys[key].needsLateCheck = false
    }
}
