#if canImport(Glibc)
import Glibc
#endif

/// The radio parameters of a wireless link. A replay derives the link's rate
/// from them with Shannon's formula instead of using `bandwidthMbps` alone.
///
/// With `d` the distance between the link's end nodes (from their positions),
/// `P` the sending node's `transmitPowerWatts` in dBm and `W` the channel
/// bandwidth in hertz:
///
/// ```
/// pathLossDb(d) = 20·log10(4π·d0·f / c) + 10·n·log10(max(d, d0) / d0)   (log-distance, free space at d0)
/// noiseDbm      = -174 + 10·log10(W) + noiseFigureDb                     (thermal noise over the channel)
/// snr           = 10^((P - pathLossDb(d) - noiseDbm) / 10)
/// rateBps       = W · log2(1 + snr),   capped at the link's bandwidthMbps
/// ```
///
/// The noise term uses the channel bandwidth in hertz, where PeersimGym's
/// `WirelessSNR` uses the message size in bits.
public struct WirelessChannel: Hashable, Sendable {
    /// Speed of light in vacuum, in metres per second.
    public static let speedOfLightMetersPerSecond = 299_792_458.0

    /// Channel bandwidth in hertz (W).
    public var channelBandwidthHz: Double
    /// Carrier frequency in hertz (f; default 2.4 GHz).
    public var carrierFrequencyHz: Double
    /// Path-loss exponent (n; default 2, free space).
    public var pathLossExponent: Double
    /// Reference distance of the free-space term, in metres (d0; default 1 m).
    public var referenceDistanceMeters: Double
    /// Receiver noise figure in dB added to thermal noise (default 0).
    public var noiseFigureDb: Double

    /// Creates channel parameters.
    public init(
        channelBandwidthHz: Double, carrierFrequencyHz: Double = 2.4e9, pathLossExponent: Double = 2,
        referenceDistanceMeters: Double = 1, noiseFigureDb: Double = 0
    ) {
        self.channelBandwidthHz = channelBandwidthHz
        self.carrierFrequencyHz = carrierFrequencyHz
        self.pathLossExponent = pathLossExponent
        self.referenceDistanceMeters = referenceDistanceMeters
        self.noiseFigureDb = noiseFigureDb
    }

    /// Path loss in dB at `distanceMeters` (distances below d0 count as d0).
    public func pathLossDb(distanceMeters: Double) -> Double {
        let reference = referenceDistanceMeters
        let freeSpace = 20 * log10(4 * Double.pi * reference * carrierFrequencyHz / Self.speedOfLightMetersPerSecond)
        return freeSpace + 10 * pathLossExponent * log10(max(distanceMeters, reference) / reference)
    }

    /// Thermal noise power over the channel in dBm, plus the noise figure.
    public var noiseDbm: Double {
        -174 + 10 * log10(channelBandwidthHz) + noiseFigureDb
    }

    /// The Shannon rate in bits per second for a sender of `transmitPowerWatts`
    /// at `distanceMeters` (0 when the sender does not transmit).
    public func shannonRateBitsPerSecond(transmitPowerWatts: Double, distanceMeters: Double) -> Double {
        guard transmitPowerWatts > 0 else { return 0 }
        let transmitDbm = 10 * log10(transmitPowerWatts * 1000)
        let snrDb = transmitDbm - pathLossDb(distanceMeters: distanceMeters) - noiseDbm
        return channelBandwidthHz * log2(1 + pow(10, snrDb / 10))
    }
}

extension Position {
    /// The distance to `other` in metres: Euclidean for planar positions,
    /// great-circle (haversine, mean Earth radius 6,371,008.8 m) for
    /// geographic ones; nil when the two are of different kinds.
    public func distanceMeters(to other: Position) -> Double? {
        switch (self, other) {
        case (.planar(let x1, let y1), .planar(let x2, let y2)):
            return ((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2)).squareRoot()
        case (.geographic(let lat1, let lon1), .geographic(let lat2, let lon2)):
            let radians = Double.pi / 180
            let dLat = (lat2 - lat1) * radians
            let dLon = (lon2 - lon1) * radians
            let a = sin(dLat / 2) * sin(dLat / 2)
                + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
            return 2 * 6_371_008.8 * asin(min(1, a.squareRoot()))
        default:
            return nil
        }
    }
}
