/// One bar of a bar chart: a category's mean with its confidence interval.
struct BarDatum {
    var name: String
    /// The bar's colour (a policy's position in the spec).
    var styleIndex: Int
    /// The bar's height, or nil when undefined (drawn as `n/a`).
    var value: Double?
    /// The whisker's bounds, or nil for no whisker.
    var interval: (low: Double, high: Double)?
    /// The text above the bar.
    var valueLabel: String
}

/// Renders bar charts: a `<g class="series" data-series="NAME">` per bar,
/// holding its `rect.bar`, `path.whisker` (when it has an interval) and `text.value`.
enum BarChart {
    static func render(frame: ChartFrame, bars: [BarDatum], description: String) -> String {
        var document = frame.begin(description: description)
        let n = SVGDocument.number
        let barWidth = min(frame.slotWidth * 0.62, 72)
        let baseline = frame.y(max(frame.yScale.lower, min(0, frame.yScale.upper)))
        document.open("g", [("class", "plot-area")])
        for (index, bar) in bars.enumerated() {
            let centre = frame.categoryCentre(index)
            document.open("g", [("class", "series"), ("data-series", bar.name)])
            var labelRow = baseline - 6
            if let value = bar.value {
                let top = frame.y(value)
                document.element("rect", [
                    ("class", "bar"), ("x", n(centre - barWidth / 2)), ("y", n(min(top, baseline))),
                    ("width", n(barWidth)), ("height", n(abs(baseline - top))), ("fill", ChartStyle.colour(bar.styleIndex)),
                ])
                labelRow = min(top, baseline) - 6
                if let interval = bar.interval {
                    let low = frame.y(max(interval.low, frame.yScale.lower))
                    let high = frame.y(min(interval.high, frame.yScale.upper))
                    let cap = min(barWidth / 4, 8)
                    document.element("path", [
                        ("class", "whisker"),
                        ("d", "M\(n(centre)) \(n(low)) L\(n(centre)) \(n(high)) M\(n(centre - cap)) \(n(low)) L\(n(centre + cap)) \(n(low)) M\(n(centre - cap)) \(n(high)) L\(n(centre + cap)) \(n(high))"),
                        ("fill", "none"), ("stroke", ChartStyle.textColour), ("stroke-width", "1.5"),
                    ])
                    labelRow = min(labelRow, high - 6)
                }
            }
            document.label(bar.valueLabel, [
                ("class", "value"), ("x", n(centre)), ("y", n(max(labelRow, frame.plotTop - 4))), ("text-anchor", "middle"),
                ("font-size", "11"), ("fill", ChartStyle.textColour),
            ])
            document.close("g")
        }
        document.close("g")
        return frame.end(&document)
    }
}
