/// A random one-way latency, as Ether models access links.
///
/// The link's `latencyMs` holds the value routing uses by default (Ether's
/// mode); the distribution lets a simulator sample per transfer.
public enum LatencyDistribution: Hashable, Sendable {
    /// A shifted log-normal in SciPy's parameterisation `lognorm(s, loc, scale)`:
    /// `locationMs + scaleMs * exp(shape * Z)` with `Z ~ N(0, 1)`.
    case lognormal(shape: Double, locationMs: Double, scaleMs: Double)

    /// The most likely value in milliseconds: `exp(ln(scale) - shape^2) + loc`.
    public var modeMs: Double {
        switch self {
        case .lognormal(let shape, let location, let scale):
            return (scale * exp(-shape * shape)) + location
        }
    }

    /// The mean in milliseconds: `scale * exp(shape^2 / 2) + loc`.
    public var meanMs: Double {
        switch self {
        case .lognormal(let shape, let location, let scale):
            return scale * exp(shape * shape / 2) + location
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
