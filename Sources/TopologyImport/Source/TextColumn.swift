/// A read-only view of one attribute over nodes or edges: value `i` is the
/// first explicit value among the parts, else the first default.
struct TextColumn {
    struct Part {
        var values: [TextRef]
        var fallback: TextRef
    }

    var name: String
    var type: AttributeType
    var parts: [Part]

    /// A column of explicit values only.
    init(name: String, type: AttributeType = .string, values: [TextRef]) {
        self.name = name
        self.type = type
        parts = [Part(values: values, fallback: .absent)]
    }

    init(name: String, type: AttributeType, parts: [Part]) {
        self.name = name
        self.type = type
        self.parts = parts
    }

    @inline(__always)
    func value(_ index: Int) -> TextRef {
        if parts.count == 1 {
            let part = parts[0]
            if index < part.values.count {
                let value = part.values[index]
                if value.isPresent { return value }
            }
            return part.fallback
        }
        for part in parts where index < part.values.count {
            let value = part.values[index]
            if value.isPresent { return value }
        }
        for part in parts where part.fallback.isPresent { return part.fallback }
        return .absent
    }

    /// True when some element may have a value.
    var isEmpty: Bool { parts.allSatisfy { $0.values.isEmpty && $0.fallback.isAbsent } }
}
