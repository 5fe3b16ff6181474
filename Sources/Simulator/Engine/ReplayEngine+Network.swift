extension ReplayEngine {
    /// Reserves the route for `bytes` starting now and returns the delivery time.
    ///
    /// The transfer flows through the whole route at its bottleneck rate
    /// (cut-through). Every hop `k` (link direction `L_k`, optional medium
    /// `M_k`, latency `ℓ_k`, offset `o_k = ℓ_1 + ... + ℓ_(k-1)`) is a FIFO
    /// resource:
    ///
    /// ```
    /// start    = max(now, max_k(free(L_k) - o_k), max_k(free(M_k) - o_k))
    /// free(L_k) = start + o_k + bits / rate(L_k)      (same for M_k)
    /// delivery = start + Σ ℓ_k + bits / min_k min(rate(L_k), rate(M_k))
    /// ```
    ///
    /// On an idle path this is exactly `Σ latency + bytes·8 / bottleneck`;
    /// transfers sharing a link are served in the order they asked. Zero-byte
    /// transfers take the latencies only and reserve nothing. Each hop's
    /// sender is charged `transmitPowerWatts · bits / hopRate` joules (the part
    /// before the horizon).
    func transfer(route routeIndex: Int32, bytes: Double, for slot: Int32) -> Double {
        guard routeIndex >= 0 else { return now }
        let route = routeList[Int(routeIndex)]
        let count = Int(route.arcCount)
        guard count > 0 else { return now }
        let first = Int(route.firstArc)
        if sampleLatencies {
            while latencyScratch.count < count { latencyScratch.append(0) }
        }
        var totalLatency = 0.0
        var start = now
        for position in 0..<count {
            let arc = arcs[Int(routeArcs[first + position])]
            var latency = arc.latencySeconds
            if sampleLatencies {
                if arc.latencyShape > 0 {
                    latency = networkGenerator.value.lognormal(
                        shape: arc.latencyShape, location: arc.latencyLocationSeconds, scale: arc.latencyScaleSeconds)
                }
                latencyScratch[position] = latency
            }
            if bytes > 0 {
                start = max(start, resourceFree[Int(arc.linkResource)] - totalLatency)
                if arc.mediumResource >= 0 { start = max(start, resourceFree[Int(arc.mediumResource)] - totalLatency) }
            }
            totalLatency += latency
        }
        guard bytes > 0 else { return now + totalLatency }
        let bits = bytes * 8
        var offset = 0.0
        var bottleneck = Double.infinity
        for position in 0..<count {
            let arc = arcs[Int(routeArcs[first + position])]
            resourceFree[Int(arc.linkResource)] = start + offset + bits / arc.linkBitsPerSecond
            if arc.mediumResource >= 0 {
                resourceFree[Int(arc.mediumResource)] = start + offset + bits / arc.mediumBitsPerSecond
            }
            let hopRate = arc.hopBitsPerSecond
            bottleneck = min(bottleneck, hopRate)
            let sender = Int(arc.from)
            statistics.bytesSent[sender] += bytes
            let watts = transmitWatts[sender]
            if watts > 0 {
                var airtime = bits / hopRate
                if let horizon { airtime = max(0, min(airtime, horizon - (start + offset))) }
                let joules = watts * airtime
                statistics.transmitEnergy[sender] += joules
                tasks[Int(slot)].energyJoules += joules
            }
            offset += sampleLatencies ? latencyScratch[position] : arc.latencySeconds
        }
        return start + totalLatency + bits / bottleneck
    }

    /// How long a transfer of `bytes` along the route would take if it asked
    /// now (same formula as `transfer`, fixed latencies, nothing reserved).
    func transferEstimate(route routeIndex: Int32, bytes: Double) -> Double {
        guard routeIndex >= 0 else { return 0 }
        let route = routeList[Int(routeIndex)]
        let count = Int(route.arcCount)
        guard count > 0 else { return 0 }
        guard bytes > 0 else { return route.latencySeconds }
        let first = Int(route.firstArc)
        var offset = 0.0
        var start = now
        for position in 0..<count {
            let arc = arcs[Int(routeArcs[first + position])]
            start = max(start, resourceFree[Int(arc.linkResource)] - offset)
            if arc.mediumResource >= 0 { start = max(start, resourceFree[Int(arc.mediumResource)] - offset) }
            offset += arc.latencySeconds
        }
        return start - now + route.latencySeconds + bytes * 8 / route.bottleneckBitsPerSecond
    }

    /// The transfer time of `bytes` on the route if it were idle.
    func idleTransferSeconds(route routeIndex: Int32, bytes: Double) -> Double {
        guard routeIndex >= 0 else { return 0 }
        let route = routeList[Int(routeIndex)]
        guard route.arcCount > 0 else { return 0 }
        return route.latencySeconds + (bytes > 0 ? bytes * 8 / route.bottleneckBitsPerSecond : 0)
    }

    /// Transmission energy of `bytes` along the route, in joules.
    func transmitJoules(route routeIndex: Int32, bytes: Double) -> Double {
        guard routeIndex >= 0, bytes > 0 else { return 0 }
        let route = routeList[Int(routeIndex)]
        let first = Int(route.firstArc)
        var joules = 0.0
        for position in 0..<Int(route.arcCount) {
            let arc = arcs[Int(routeArcs[first + position])]
            joules += transmitWatts[Int(arc.from)] * bytes * 8 / arc.hopBitsPerSecond
        }
        return joules
    }

    /// The shortest route between two nodes outside the candidate tables
    /// (forwarded predecessor outputs), computed once and cached.
    func dynamicRoute(from source: Int32, to destination: Int32) -> Int32? {
        let key = UInt64(UInt32(bitPattern: source)) << 32 | UInt64(UInt32(bitPattern: destination))
        if let cached = dynamicRoutes[key] { return cached >= 0 ? cached : nil }
        let network = scenario.network
        let tree = network.shortestPaths(from: Int(source), nodeCount: nodeCount)
        guard let path = network.path(in: tree, to: Int(destination), reverse: false) else {
            dynamicRoutes[key] = -1
            return nil
        }
        var latency = 0.0
        var bottleneck = Double.infinity
        for arc in path {
            latency += arcs[Int(arc)].latencySeconds
            bottleneck = min(bottleneck, arcs[Int(arc)].hopBitsPerSecond)
        }
        routeList.append(Route(
            firstArc: Int32(routeArcs.count), arcCount: Int32(path.count), latencySeconds: latency,
            bottleneckBitsPerSecond: bottleneck))
        for arc in path { routeArcs.append(arc) }
        let route = Int32(routeList.count - 1)
        dynamicRoutes[key] = route
        return route
    }
}
