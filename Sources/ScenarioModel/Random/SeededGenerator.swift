/// The one random number generator of edgesim: xoshiro256** seeded through
/// SplitMix64 (Blackman and Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47(4), 2021).
///
/// Every random draw in edgesim goes through a value of this type that is
/// passed explicitly, so one seed reproduces a run exactly, on any machine.
/// Independent components draw from independent streams derived from the
/// same seed (`SeededGenerator(seed: seed, stream: 3)`), so adding draws to
/// one component never shifts another's.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let delay = generator.exponential(rate: 0.5)
/// let pick = Int.random(in: 0..<10, using: &generator)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Hashable, Sendable {
    @usableFromInline
    var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `seed`, on stream 0.
    public init(seed: UInt64) {
        self.init(seed: seed, stream: 0)
    }

    /// A generator for `seed` on an independent `stream`: the 256-bit state
    /// comes from SplitMix64 started at a mix of both numbers.
    public init(seed: UInt64, stream: UInt64) {
        var splitMix = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x9E37_79B9_7F4A_7C15))
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
        if state == (0, 0, 0, 0) { state.0 = 1 }  // the all-zero state is a fixed point
    }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1), no allocation.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = Self.rotateLeft(state.3, 45)
        return result
    }

    @inlinable @inline(__always)
    static func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 &- count))
    }

    public static func == (left: SeededGenerator, right: SeededGenerator) -> Bool {
        left.state == right.state
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}

/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), used to expand seeds.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
