/// A cloud region with the coordinates of its metropolitan area, for
/// geographic backbone latencies and node positions.
///
/// The built-in list is the 20 AWS regions of Ether's `cloudping` inet graph
/// (measured by api.cloudping.co); coordinates are those of each region's
/// publicly named metro area (city centres, rounded to 0.01°), not of data
/// centres.
public struct CloudRegion: Hashable, Sendable {
    /// The provider's region id (`eu-central-1`).
    public var id: String
    /// The metro area.
    public var city: String
    /// WGS 84 latitude.
    public var latitudeDegrees: Double
    /// WGS 84 longitude.
    public var longitudeDegrees: Double

    /// Creates a region.
    public init(id: String, city: String, latitudeDegrees: Double, longitudeDegrees: Double) {
        self.id = id
        self.city = city
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
    }

    /// The built-in regions, sorted by id.
    public static let awsRegions: [CloudRegion] = [
        CloudRegion(id: "af-south-1", city: "Cape Town", latitudeDegrees: -33.92, longitudeDegrees: 18.42),
        CloudRegion(id: "ap-east-1", city: "Hong Kong", latitudeDegrees: 22.32, longitudeDegrees: 114.17),
        CloudRegion(id: "ap-northeast-1", city: "Tokyo", latitudeDegrees: 35.68, longitudeDegrees: 139.69),
        CloudRegion(id: "ap-northeast-2", city: "Seoul", latitudeDegrees: 37.57, longitudeDegrees: 126.98),
        CloudRegion(id: "ap-south-1", city: "Mumbai", latitudeDegrees: 19.08, longitudeDegrees: 72.88),
        CloudRegion(id: "ap-southeast-1", city: "Singapore", latitudeDegrees: 1.35, longitudeDegrees: 103.82),
        CloudRegion(id: "ap-southeast-2", city: "Sydney", latitudeDegrees: -33.87, longitudeDegrees: 151.21),
        CloudRegion(id: "ca-central-1", city: "Montreal", latitudeDegrees: 45.50, longitudeDegrees: -73.57),
        CloudRegion(id: "eu-central-1", city: "Frankfurt", latitudeDegrees: 50.11, longitudeDegrees: 8.68),
        CloudRegion(id: "eu-north-1", city: "Stockholm", latitudeDegrees: 59.33, longitudeDegrees: 18.07),
        CloudRegion(id: "eu-south-1", city: "Milan", latitudeDegrees: 45.46, longitudeDegrees: 9.19),
        CloudRegion(id: "eu-west-1", city: "Dublin", latitudeDegrees: 53.35, longitudeDegrees: -6.26),
        CloudRegion(id: "eu-west-2", city: "London", latitudeDegrees: 51.51, longitudeDegrees: -0.13),
        CloudRegion(id: "eu-west-3", city: "Paris", latitudeDegrees: 48.86, longitudeDegrees: 2.35),
        CloudRegion(id: "me-south-1", city: "Manama", latitudeDegrees: 26.23, longitudeDegrees: 50.59),
        CloudRegion(id: "sa-east-1", city: "Sao Paulo", latitudeDegrees: -23.55, longitudeDegrees: -46.63),
        CloudRegion(id: "us-east-1", city: "Ashburn", latitudeDegrees: 39.04, longitudeDegrees: -77.49),
        CloudRegion(id: "us-east-2", city: "Columbus", latitudeDegrees: 39.96, longitudeDegrees: -83.00),
        CloudRegion(id: "us-west-1", city: "San Francisco", latitudeDegrees: 37.77, longitudeDegrees: -122.42),
        CloudRegion(id: "us-west-2", city: "Boardman", latitudeDegrees: 45.84, longitudeDegrees: -119.70),
    ]

    /// The built-in region `id`, if any.
    public static func named(_ id: String) -> CloudRegion? {
        awsRegions.first { $0.id == id }
    }
}
