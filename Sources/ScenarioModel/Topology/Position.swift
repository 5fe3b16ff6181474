/// Where a node is: on the globe, or on a plane in metres.
public enum Position: Hashable, Sendable {
    /// WGS 84 latitude and longitude in degrees.
    case geographic(latitudeDegrees: Double, longitudeDegrees: Double)
    /// Planar coordinates in metres (a site plan or a synthetic layout).
    case planar(xMeters: Double, yMeters: Double)
}
