#if canImport(Glibc)
import Glibc
#endif

/// One-way WAN latency from geography: a fixed overhead plus the great-circle
/// distance at the speed of light in fibre, inflated for real routes.
///
/// `latencyMs = overheadMs + distanceKm × 0.005 ms/km × routeInflation`.
/// 0.005 ms/km is fibre propagation (about 2/3 c, as fnss uses); measured
/// round trips are typically 1.5–2× the great-circle time. The defaults
/// (2 ms, 1.75) give a median ratio of about 1.0 against half the measured
/// cloudping round trips between the 20 built-in AWS regions; single routes
/// with detours (Cape Town, Bahrain) can be up to ~4× slower than modelled,
/// so give measured values (`rttMs`) where they matter.
public struct GeographicLatencyModel: Hashable, Sendable {
    /// Fixed per-route overhead in milliseconds (routers, last miles).
    public var overheadMs: Double
    /// Propagation in fibre, milliseconds per kilometre.
    public var fibreMsPerKm: Double
    /// Route length over great-circle length.
    public var routeInflation: Double

    /// Mean Earth radius (IUGG), kilometres.
    public static let earthRadiusKm = 6371.0088

    /// Creates a model; the defaults are documented above.
    public init(overheadMs: Double = 2, fibreMsPerKm: Double = 0.005, routeInflation: Double = 1.75) {
        self.overheadMs = overheadMs
        self.fibreMsPerKm = fibreMsPerKm
        self.routeInflation = routeInflation
    }

    /// The great-circle distance in kilometres (haversine formula).
    public static func distanceKm(
        latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double
    ) -> Double {
        let radians = Double.pi / 180
        let deltaLatitude = (latitude2 - latitude1) * radians
        let deltaLongitude = (longitude2 - longitude1) * radians
        let sinLatitude = sin(deltaLatitude / 2)
        let sinLongitude = sin(deltaLongitude / 2)
        let haversine =
            sinLatitude * sinLatitude
            + cos(latitude1 * radians) * cos(latitude2 * radians) * sinLongitude * sinLongitude
        return 2 * earthRadiusKm * asin(min(1, haversine.squareRoot()))
    }

    /// The modelled one-way latency between two positions, in milliseconds,
    /// rounded to the microsecond (so the last bits of the platform's `sin`
    /// and `cos` cannot change the written bytes).
    public func latencyMs(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let distance = Self.distanceKm(
            latitude1: latitude1, longitude1: longitude1, latitude2: latitude2, longitude2: longitude2)
        return ((overheadMs + distance * fibreMsPerKm * routeInflation) * 1000).rounded() / 1000
    }
}
