import StreamingIO

/// The compact text forms of bench lists shared by the spec file and the
/// command line: seeds (`1..10`, `1,2,5`, `1..3,10`), names (`local,random`)
/// and sweeps (`arrivalRateScale=0.5..1.5:5`, `arrivalRateScale=0.5,1,1.5`).
public enum BenchListSyntax {
    /// The most seeds one bench may have.
    public static let maximumSeedCount = 100_000

    /// Parses a seed list: comma-separated seeds or inclusive ranges `A..B`.
    ///
    /// - Returns: The seeds in the order written, or why the text is invalid
    ///   (a malformed item, an empty range, a repeated seed, too many seeds).
    public static func seeds(_ text: String) -> Result<[UInt64], SyntaxProblem> {
        var seeds: [UInt64] = []
        var seen: Set<UInt64> = []
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)
        if items.count == 1 && items[0].isEmpty { return .failure(SyntaxProblem("expected at least one seed")) }
        for item in items {
            if item.isEmpty { return .failure(SyntaxProblem("empty item in the seed list '\(MessageText.excerpt(text))'")) }
            let bounds: (UInt64, UInt64)
            if let (lowerText, upperText) = splitOnce(item, at: "..") {
                guard let lower = unsignedInteger(lowerText), let upper = unsignedInteger(upperText) else {
                    return .failure(SyntaxProblem("expected a seed or a range such as 1..10, found '\(MessageText.excerpt(item))'"))
                }
                guard lower <= upper else { return .failure(SyntaxProblem("empty seed range '\(MessageText.excerpt(item))'")) }
                bounds = (lower, upper)
            } else {
                guard let seed = unsignedInteger(item) else {
                    return .failure(SyntaxProblem(
                        "expected a seed (a non-negative integer) or a range such as 1..10, found '\(MessageText.excerpt(item))'"))
                }
                bounds = (seed, seed)
            }
            // Count before expanding, so `0..18446744073709551615` fails fast instead of filling memory.
            let (span, overflow) = bounds.1.subtractingReportingOverflow(bounds.0)
            if overflow || span >= UInt64(maximumSeedCount - seeds.count) {
                return .failure(SyntaxProblem("more than \(maximumSeedCount) seeds"))
            }
            var seed = bounds.0
            while true {
                if !seen.insert(seed).inserted { return .failure(SyntaxProblem("seed \(seed) appears twice")) }
                seeds.append(seed)
                if seed == bounds.1 { break }
                seed += 1
            }
        }
        return .success(seeds)
    }

    /// Parses a comma-separated list of names (policies), trimming spaces.
    ///
    /// - Returns: The names, or why the list is invalid (empty or repeated names).
    public static func names(_ text: String, what: String) -> Result<[String], SyntaxProblem> {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)
        if names.count == 1 && names[0].isEmpty { return .failure(SyntaxProblem("expected at least one \(what)")) }
        if let problem = namesProblem(names, what: what) { return .failure(SyntaxProblem(problem)) }
        return .success(names)
    }

    /// Parses a sweep: `NAME=FROM..TO:STEPS` (evenly spaced, both ends included)
    /// or `NAME=V1,V2,...`.
    ///
    /// - Returns: The sweep, or why the text is invalid.
    public static func sweep(_ text: String) -> Result<ParameterSweep, SyntaxProblem> {
        let usage = "expected NAME=FROM..TO:STEPS or NAME=V1,V2,... (such as arrivalRateScale=0.5..1.5:5)"
        guard let (nameText, bodyText) = splitOnce(text, at: "=") else { return .failure(SyntaxProblem(usage)) }
        let name = trimmed(nameText[...])
        let body = trimmed(bodyText[...])
        let sweep: ParameterSweep
        if let (fromText, rest) = splitOnce(body, at: ".."), let (toText, stepsText) = splitOnce(rest, at: ":") {
            guard let from = finiteNumber(fromText[...]), let to = finiteNumber(toText[...]),
                let steps = unsignedInteger(stepsText).flatMap({ Int(exactly: $0) })
            else { return .failure(SyntaxProblem(usage)) }
            if let problem = rangeProblem(from: from, to: to, steps: steps) { return .failure(SyntaxProblem(problem)) }
            sweep = ParameterSweep(parameter: name, from: from, to: to, steps: steps)
        } else {
            var values: [Double] = []
            for item in body.split(separator: ",", omittingEmptySubsequences: false) {
                guard let value = finiteNumber(item) else {
                    return .failure(SyntaxProblem("\(usage); '\(MessageText.excerpt(trimmed(item)))' is not a finite number"))
                }
                values.append(value)
            }
            sweep = ParameterSweep(parameter: name, values: values)
        }
        if let problem = sweep.problem() { return .failure(SyntaxProblem(problem)) }
        return .success(sweep)
    }

    /// Why `from..to` in `steps` steps is not a sweep, or nil.
    static func rangeProblem(from: Double, to: Double, steps: Int) -> String? {
        if steps < 1 || steps > ParameterSweep.maximumValueCount {
            return "steps must be between 1 and \(ParameterSweep.maximumValueCount), found \(steps)"
        }
        if steps == 1 && from != to { return "one step needs from == to; use at least 2 steps for a range" }
        if steps > 1 && !(from < to) { return "a sweep range needs from < to" }
        return nil
    }

    /// Why a list of names is unusable (empty, blank, repeated, control characters), or nil.
    static func namesProblem(_ names: [String], what: String) -> String? {
        if names.isEmpty { return "expected at least one \(what)" }
        var seen: Set<String> = []
        for name in names {
            if name.isEmpty { return "empty \(what) name" }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return "\(what) name '\(MessageText.excerpt(name.debugDescription.dropFirst().dropLast()))' contains control characters"
            }
            if !seen.insert(name).inserted { return "\(what) '\(MessageText.excerpt(name))' appears twice" }
        }
        return nil
    }

    private static func finiteNumber(_ text: Substring) -> Double? {
        guard let value = Double(trimmed(text)), value.isFinite else { return nil }
        return value
    }

    /// The parts before and after the first occurrence of `separator`, or nil when it does not occur.
    static func splitOnce(_ text: String, at separator: String) -> (String, String)? {
        let bytes = Array(text.utf8), pattern = Array(separator.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return (
                String(decoding: bytes[..<start], as: UTF8.self),
                String(decoding: bytes[(start + pattern.count)...], as: UTF8.self)
            )
        }
        return nil
    }

    /// A decimal integer made of digits only (no sign), within 64 bits.
    private static func unsignedInteger(_ text: String) -> UInt64? {
        let text = trimmed(text[...])
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return UInt64(text)
    }

    static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }
}

/// Why a compact list (seeds, names, sweep) could not be read.
public struct SyntaxProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in a sentence without location.
    public var message: String

    /// Creates a problem with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
