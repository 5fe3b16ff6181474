/// The frame of a chart: title, axes with ticks and titles, grid, legend, and
/// the mapping from data to pixels. Series are drawn between `begin` and `end`.
struct ChartFrame {
    /// An axis title: a quantity and its unit (`Latency`, `s`); a metric prefix joins the unit (`kJ`).
    struct AxisTitle {
        var name: String
        var unit: String

        func text(prefix: String) -> String {
            unit.isEmpty ? name : "\(name) (\(prefix)\(unit))"
        }
    }

    /// A legend row: a series' name and style (a line swatch, or a box for bars).
    struct LegendEntry {
        var name: String
        var styleIndex: Int
        var isBox = false
    }

    /// Unique within a page: prefixes the chart's element ids.
    let identifier: String
    let title: String
    let subtitle: String?
    let xTitle: AxisTitle
    let yTitle: AxisTitle
    /// The numeric x scale, or nil for a categorical axis.
    let xScale: AxisScale?
    let yScale: AxisScale
    let categories: [String]
    let legend: [LegendEntry]

    let width = Double(ChartStyle.width)
    let height = Double(ChartStyle.height)
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let rotatesCategoryLabels: Bool

    static let legendLabelCharacters = 22
    static let categoryLabelCharacters = 18

    init(
        identifier: String, title: String, subtitle: String?, xTitle: AxisTitle, yTitle: AxisTitle,
        xScale: AxisScale?, yScale: AxisScale, categories: [String] = [], legend: [LegendEntry] = []
    ) {
        self.identifier = identifier
        self.title = title
        self.subtitle = subtitle
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xScale = xScale
        self.yScale = yScale
        self.categories = categories
        self.legend = legend
        let yLabelWidth = yScale.ticks.map { ChartStyle.textWidth(yScale.label($0)) }.max() ?? 0
        plotLeft = (16 + 14 + 12 + yLabelWidth + 8).rounded()
        plotTop = subtitle == nil ? 52 : 70
        let legendLabelWidth = legend.map {
            ChartStyle.textWidth(ChartStyle.truncated($0.name, maximumCharacters: Self.legendLabelCharacters))
        }.max()
        let legendWidth = legendLabelWidth.map { 16 + 24 + 8 + min($0, 150) + 8 } ?? 0
        plotRight = (Double(ChartStyle.width) - 20 - legendWidth).rounded()
        let categoryLabelWidth = categories.map {
            ChartStyle.textWidth(ChartStyle.truncated($0, maximumCharacters: Self.categoryLabelCharacters))
        }.max() ?? 0
        let slot = categories.isEmpty ? 0 : (plotRight - plotLeft) / Double(categories.count)
        rotatesCategoryLabels = !categories.isEmpty && categoryLabelWidth > slot - 8
        // Rotated labels (35°) need their projected height below the axis.
        let labelHeight = rotatesCategoryLabels ? min(categoryLabelWidth, 140) * 0.574 + 14 : 18
        plotBottom = (Double(ChartStyle.height) - 14 - 16 - 8 - labelHeight).rounded()
    }

    // MARK: - Mapping

    /// The pixel column of x value `value`.
    func x(_ value: Double) -> Double {
        plotLeft + (xScale?.fraction(value) ?? 0) * (plotRight - plotLeft)
    }

    /// The pixel row of y value `value` (clamped a little outside the plot, so lines leave it cleanly).
    func y(_ value: Double) -> Double {
        let row = plotBottom - yScale.fraction(value) * (plotBottom - plotTop)
        return min(max(row, plotTop - 20), plotBottom + 20)
    }

    /// The width of one category's slot.
    var slotWidth: Double {
        categories.isEmpty ? 0 : (plotRight - plotLeft) / Double(categories.count)
    }

    /// The centre of category `index`.
    func categoryCentre(_ index: Int) -> Double {
        plotLeft + slotWidth * (Double(index) + 0.5)
    }

    /// The clip path that keeps series inside the plot area.
    var clipReference: String { "url(#\(identifier)-clip)" }

    // MARK: - Drawing

    /// Starts the document and draws everything but the series.
    func begin(description: String) -> SVGDocument {
        var document = SVGDocument(
            width: ChartStyle.width, height: ChartStyle.height, identifier: identifier, title: title,
            description: description)
        let n = SVGDocument.number
        document.element("rect", [
            ("width", "100%"), ("height", "100%"), ("fill", ChartStyle.backgroundColour),
        ])
        document.open("defs")
        document.open("clipPath", [("id", "\(identifier)-clip")])
        document.element("rect", [
            ("x", n(plotLeft)), ("y", n(plotTop - 1)), ("width", n(plotRight - plotLeft)),
            ("height", n(plotBottom - plotTop + 2)),
        ])
        document.close("clipPath")
        document.close("defs")
        document.label(title, [
            ("class", "title"), ("x", "16"), ("y", "28"), ("font-size", "16"), ("font-weight", "600"),
            ("fill", ChartStyle.textColour),
        ])
        if let subtitle {
            document.label(subtitle, [
                ("class", "subtitle"), ("x", "16"), ("y", "48"), ("font-size", "12"), ("fill", ChartStyle.mutedTextColour),
            ])
        }
        drawGridAndTicks(&document)
        drawLegend(&document)
        return document
    }

    /// Draws the axis lines over the series and closes the document.
    func end(_ document: inout SVGDocument) -> String {
        let n = SVGDocument.number
        document.element("path", [
            ("class", "axis"), ("d", "M\(n(plotLeft)) \(n(plotTop)) L\(n(plotLeft)) \(n(plotBottom)) L\(n(plotRight)) \(n(plotBottom))"),
            ("fill", "none"), ("stroke", ChartStyle.axisColour), ("stroke-width", "1"),
        ])
        return document.finish()
    }

    private func drawGridAndTicks(_ document: inout SVGDocument) {
        let n = SVGDocument.number
        document.open("g", [("class", "y-axis"), ("fill", ChartStyle.mutedTextColour)])
        for tick in yScale.ticks {
            let row = y(tick)
            document.element("path", [
                ("class", "grid"), ("d", "M\(n(plotLeft)) \(n(row)) L\(n(plotRight)) \(n(row))"),
                ("stroke", ChartStyle.gridColour), ("stroke-width", "1"),
            ])
            document.label(yScale.label(tick), [
                ("class", "tick"), ("x", n(plotLeft - 8)), ("y", n(row + 4)), ("text-anchor", "end"),
            ])
        }
        let middle = (plotTop + plotBottom) / 2
        document.label(yTitle.text(prefix: yScale.prefix), [
            ("class", "axis-title"), ("x", "0"), ("y", "0"), ("text-anchor", "middle"), ("fill", ChartStyle.textColour),
            ("transform", "translate(22 \(n(middle))) rotate(-90)"),
        ])
        document.close("g")
        document.open("g", [("class", "x-axis"), ("fill", ChartStyle.mutedTextColour)])
        if let xScale {
            for tick in xScale.ticks {
                let column = x(tick)
                document.element("path", [
                    ("class", "grid"), ("d", "M\(n(column)) \(n(plotTop)) L\(n(column)) \(n(plotBottom + 5))"),
                    ("stroke", ChartStyle.gridColour), ("stroke-width", "1"),
                ])
                document.label(xScale.label(tick), [
                    ("class", "tick"), ("x", n(column)), ("y", n(plotBottom + 19)), ("text-anchor", "middle"),
                ])
            }
        }
        for (index, category) in categories.enumerated() {
            let column = categoryCentre(index)
            let text = ChartStyle.truncated(category, maximumCharacters: Self.categoryLabelCharacters)
            if rotatesCategoryLabels {
                document.label(text, [
                    ("class", "category"), ("x", "0"), ("y", "0"), ("text-anchor", "end"), ("fill", ChartStyle.textColour),
                    ("transform", "translate(\(n(column + 4)) \(n(plotBottom + 14))) rotate(-35)"),
                ], fullText: category)
            } else {
                document.label(text, [
                    ("class", "category"), ("x", n(column)), ("y", n(plotBottom + 19)), ("text-anchor", "middle"),
                    ("fill", ChartStyle.textColour),
                ], fullText: category)
            }
        }
        document.label(xTitle.text(prefix: xScale?.prefix ?? ""), [
            ("class", "axis-title"), ("x", n((plotLeft + plotRight) / 2)), ("y", n(height - 14)),
            ("text-anchor", "middle"), ("fill", ChartStyle.textColour),
        ])
        document.close("g")
    }

    private func drawLegend(_ document: inout SVGDocument) {
        guard !legend.isEmpty else { return }
        let n = SVGDocument.number
        let left = plotRight + 16
        document.open("g", [("class", "legend"), ("fill", ChartStyle.textColour)])
        for (row, entry) in legend.enumerated() {
            let middle = plotTop + 8 + Double(row) * 20
            document.open("g", [("class", "legend-entry"), ("data-series", entry.name)])
            if entry.isBox {
                document.element("rect", [
                    ("x", n(left + 6)), ("y", n(middle - 6)), ("width", "12"), ("height", "12"),
                    ("fill", ChartStyle.colour(entry.styleIndex)),
                ])
            } else {
                var attributes = [
                    ("d", "M\(n(left)) \(n(middle)) L\(n(left + 24)) \(n(middle))"),
                    ("stroke", ChartStyle.colour(entry.styleIndex)), ("stroke-width", "2.5"),
                ]
                let dash = ChartStyle.dash(entry.styleIndex)
                if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
                document.element("path", attributes)
            }
            document.label(ChartStyle.truncated(entry.name, maximumCharacters: Self.legendLabelCharacters), [
                ("x", n(left + 32)), ("y", n(middle + 4)),
            ], fullText: entry.name)
            document.close("g")
        }
        document.close("g")
    }
}
