@testable import EdgeSimABI
import EdgeSimTestSupport
import Simulator
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `Sources/EdgeSimABI/include/edgesim.h` declares exactly the functions the Swift module
/// exports with `@c(...)`, with the same C types, and its constants equal the
/// Swift enums.
@Suite("C ABI: Sources/EdgeSimABI/include/edgesim.h is in sync")
struct HeaderSyncTests {
    struct Prototype: Equatable, CustomStringConvertible {
        var returnType: String
        var parameters: [String]
        var description: String { "\(returnType)(\(parameters.joined(separator: ", ")))" }
    }

    /// The C spelling of each Swift type at the boundary, spaces removed.
    /// Handles are `void` pointers in Swift and typed opaque structs in C.
    static let cTypes: [String: String] = [
        "UInt32": "uint32_t", "Int32": "int32_t", "Int64": "int64_t", "UInt64": "uint64_t", "Double": "double",
        "UnsafePointer<CChar>?": "constchar*", "UnsafeMutablePointer<CChar>?": "char*",
        "UnsafeMutableRawPointer?": "HANDLE*", "UnsafeRawPointer?": "constHANDLE*",
        "UnsafePointer<UnsafeMutableRawPointer?>?": "void*const*", "UnsafePointer<Int64>?": "constint64_t*",
        "UnsafePointer<UInt64>?": "constuint64_t*", "UnsafePointer<UInt8>?": "constuint8_t*",
        "UnsafeMutablePointer<Int32>?": "int32_t*",
    ]

    static func read(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw FixtureError(message: "cannot read \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `@c(name)` functions of the Swift sources, with C-spelled types.
    static func swiftExports() throws -> [String: Prototype] {
        let folder = Fixtures.path("Sources/EdgeSimABI/Exports")
        var exports: [String: Prototype] = [:]
        for file in ["ScenarioExports", "EnvironmentExports", "BatchExports", "PolicyExports"] {
            let text = try read("\(folder)/\(file).swift")
            var rest = Substring(text)
            while let marker = rest.range(of: "@c(") {
                let nameEnd = try #require(rest[marker.upperBound...].firstIndex(of: ")"))
                let name = String(rest[marker.upperBound..<nameEnd])
                let open = try #require(rest[nameEnd...].range(of: "public func ")).upperBound
                let parametersStart = try #require(rest[open...].firstIndex(of: "("))
                // The parameter list ends at the ")" that balances the first "(".
                var depth = 0
                var parametersEnd = parametersStart
                for index in rest[parametersStart...].indices {
                    if rest[index] == "(" { depth += 1 }
                    if rest[index] == ")" { depth -= 1; if depth == 0 { parametersEnd = index; break } }
                }
                let bodyStart = try #require(rest[parametersEnd...].firstIndex(of: "{"))
                let arrow = rest[parametersEnd..<bodyStart]
                var returnType = "void"
                if let range = arrow.range(of: "->") {
                    let swiftType = arrow[range.upperBound...].trimmingSpaces
                    returnType = try #require(cTypes[swiftType], "unmapped return type \(swiftType) of \(name)")
                }
                let parameterText = rest[rest.index(after: parametersStart)..<parametersEnd]
                var parameters: [String] = []
                for parameter in parameterText.split(separator: ",").map(\.trimmingSpaces) where !parameter.isEmpty {
                    let colon = try #require(parameter.firstIndex(of: ":"))
                    let swiftType = parameter[parameter.index(after: colon)...].trimmingSpaces
                    let cType = try #require(cTypes[swiftType], "unmapped parameter type \(swiftType) of \(name)")
                    parameters.append(cType)
                }
                exports[name] = Prototype(returnType: returnType, parameters: parameters)
                rest = rest[bodyStart...]
            }
        }
        return exports
    }

    /// The function prototypes of the header, handle types spelled `HANDLE`.
    static func headerPrototypes(_ header: String) -> [String: Prototype] {
        var code = ""
        var inComment = false
        var index = header.startIndex
        while index < header.endIndex {
            let next = header.index(after: index)
            if inComment {
                if header[index] == "*" && next < header.endIndex && header[next] == "/" {
                    inComment = false
                    index = header.index(after: next)
                    continue
                }
            } else if header[index] == "/" && next < header.endIndex && header[next] == "*" {
                inComment = true
            } else {
                code.append(header[index])
            }
            index = next
        }
        let lines = code.split(separator: "\n").filter { line in
            !line.hasPrefix("#") && !line.hasPrefix("typedef") && !line.hasPrefix("extern") && !line.hasPrefix("}")
        }
        var prototypes: [String: Prototype] = [:]
        for statement in lines.joined(separator: " ").split(separator: ";") {
            guard let open = statement.firstIndex(of: "("), let close = statement.lastIndex(of: ")") else { continue }
            let head = statement[..<open].trimmingSpaces
            guard let nameStart = head.range(of: "es_", options: .backwards)?.lowerBound else { continue }
            let name = String(head[nameStart...])
            let returnType = normalize(String(head[..<nameStart]))
            let parameterList = statement[statement.index(after: open)..<close].trimmingSpaces
            let parameters = (parameterList == "void" ? [] : parameterList.split(separator: ",")).map { parameter in
                // Drop the parameter name: the last identifier.
                var text = String(parameter).trimmingSpaces
                while let last = text.last, last.isLetter || last.isNumber || last == "_" { text.removeLast() }
                return normalize(text)
            }
            prototypes[name] = Prototype(returnType: returnType, parameters: parameters)
        }
        return prototypes
    }

    static func normalize(_ type: String) -> String {
        var compact = type.filter { !$0.isWhitespace }
        for handle in ["es_scenario", "es_env", "es_batch", "es_policy"] {
            compact = compact.replacingAll(handle + "*", with: "HANDLE*")
        }
        return compact
    }

    @Test("every exported function is declared with the same C types, and nothing else is")
    func prototypes() throws {
        let header = try Self.read(Fixtures.path("Sources/EdgeSimABI/include/edgesim.h"))
        let declared = Self.headerPrototypes(header)
        let exported = try Self.swiftExports()
        #expect(exported.count == 28)
        #expect(Set(declared.keys) == Set(exported.keys))
        for (name, prototype) in exported.sorted(by: { $0.key < $1.key }) {
            #expect(declared[name] == prototype, "\(name): header \(declared[name].map(\.description) ?? "-")")
        }
    }

    @Test("the header's constants are the Swift values")
    func constants() throws {
        let header = try Self.read(Fixtures.path("Sources/EdgeSimABI/include/edgesim.h"))
        var defines: [String: Int] = [:]
        for line in header.split(separator: "\n") where line.hasPrefix("#define ES_") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { continue }
            defines[String(parts[1])] = Int(parts[2].filter { $0 != "(" && $0 != ")" })
        }
        #expect(defines["ES_ABI_VERSION"] == Int(EdgeSimABI.version))
        #expect(defines["ES_STATUS_RUNNING"] == Int(StepOutcome.Status.running.rawValue))
        #expect(defines["ES_STATUS_TERMINATED"] == Int(StepOutcome.Status.terminated.rawValue))
        #expect(defines["ES_STATUS_TRUNCATED"] == Int(StepOutcome.Status.truncated.rawValue))
        let codes: [ABIResultCode: String] = [
            .ok: "ES_OK", .invalidArgument: "ES_ERROR_INVALID_ARGUMENT", .invalidState: "ES_ERROR_INVALID_STATE",
            .scenario: "ES_ERROR_SCENARIO", .io: "ES_ERROR_IO",
        ]
        for code in ABIResultCode.allCases {
            #expect(defines[codes[code] ?? "?"] == Int(code.rawValue), "\(code)")
        }
        #expect(defines["ES_BUFFER_COUNT"] == ABIBuffer.allCases.count)
        for buffer in ABIBuffer.allCases {
            #expect(defines["ES_BUFFER_" + buffer.name.uppercased()] == buffer.rawValue, "\(buffer)")
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
