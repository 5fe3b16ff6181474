#if canImport(Glibc)
import Glibc
#endif

/// Great-circle distance on a spherical Earth (haversine formula).
enum GreatCircle {
    /// Mean Earth radius (IUGG), km.
    static let earthRadiusKm = 6371.0088

    /// Distance in km between two WGS 84 positions given in degrees.
    static func distanceKm(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let phi1 = latitude1 * radians
        let phi2 = latitude2 * radians
        let deltaPhi = (latitude2 - latitude1) * radians
        let deltaLambda = (longitude2 - longitude1) * radians
        let a = sin(deltaPhi / 2) * sin(deltaPhi / 2) + cos(phi1) * cos(phi2) * sin(deltaLambda / 2) * sin(deltaLambda / 2)
        return 2 * earthRadiusKm * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}
