/// One line of a line chart, with an optional band (such as a confidence interval).
struct LineSeries {
    var name: String
    /// The series' colour and dash (a policy's position in the spec).
    var styleIndex: Int
    /// Data points, in x order.
    var points: [(Double, Double)]
    /// Band bounds per x, in x order (empty for no band).
    var band: [(x: Double, low: Double, high: Double)] = []
    /// Whether to mark each point with a dot (for sparse data such as a sweep).
    var showsMarkers = false
}

/// Renders line charts: a `<g class="series" data-series="NAME">` per series,
/// holding its band (`path.band`), line (`path.line`) and markers (`circle`).
enum LineChart {
    static func render(frame: ChartFrame, series: [LineSeries], description: String) -> String {
        var document = frame.begin(description: description)
        let n = SVGDocument.number
        document.open("g", [("class", "plot-area"), ("clip-path", frame.clipReference)])
        for line in series {
            let colour = ChartStyle.colour(line.styleIndex)
            document.open("g", [("class", "series"), ("data-series", line.name)])
            if !line.band.isEmpty {
                let upper = line.band.map { (frame.x($0.x), frame.y($0.high)) }
                let lower = line.band.reversed().map { (frame.x($0.x), frame.y($0.low)) }
                document.element("path", [
                    ("class", "band"), ("d", SVGDocument.polyline(upper + lower) + " Z"), ("fill", colour),
                    ("fill-opacity", "0.16"), ("stroke", "none"),
                ])
            }
            if line.points.count >= 1 {
                var attributes = [
                    ("class", "line"), ("d", SVGDocument.polyline(line.points.map { (frame.x($0.0), frame.y($0.1)) })),
                    ("fill", "none"), ("stroke", colour), ("stroke-width", "2"), ("stroke-linejoin", "round"),
                    ("stroke-linecap", "round"),
                ]
                let dash = ChartStyle.dash(line.styleIndex)
                if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
                document.element("path", attributes)
            }
            if line.showsMarkers {
                for point in line.points {
                    document.element("circle", [
                        ("cx", n(frame.x(point.0))), ("cy", n(frame.y(point.1))), ("r", "3.5"), ("fill", colour),
                        ("stroke", ChartStyle.backgroundColour), ("stroke-width", "1"),
                    ])
                }
            }
            document.close("g")
        }
        document.close("g")
        return frame.end(&document)
    }
}
