/// The look shared by every chart: fonts, greys, sizes, and the colour-blind-safe
/// series palette of Okabe and Ito ("Color Universal Design", 2008), with dash
/// patterns that tell series apart again after eight colours.
enum ChartStyle {
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    static let width = 720
    static let height = 420
    static let textColour = "#222222"
    static let mutedTextColour = "#555555"
    static let axisColour = "#333333"
    static let gridColour = "#e3e3e3"
    static let backgroundColour = "#ffffff"

    /// Okabe-Ito colours, most distinct first; yellow last (weak on white).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
    /// Dash patterns per round through the palette (solid first).
    static let dashes = ["", "7 3", "2 3", "9 3 2 3"]

    /// The colour of series `index` (a policy's position in the spec, so colours agree across charts).
    static func colour(_ index: Int) -> String {
        palette[abs(index) % palette.count]
    }

    /// The dash pattern of series `index` (empty for solid).
    static func dash(_ index: Int) -> String {
        dashes[(abs(index) / palette.count) % dashes.count]
    }

    /// An estimate of a label's width in pixels at `fontSize` (no font metrics in a
    /// headless writer: 0.58 em per character is generous for sans-serif text).
    static func textWidth(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.unicodeScalars.count) * fontSize * 0.58
    }

    /// `text` cut to `maximumCharacters` with an ellipsis in the middle, so names
    /// that differ only at the end (`variant-1`, `variant-2`) stay apart.
    static func truncated(_ text: String, maximumCharacters: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > maximumCharacters, maximumCharacters > 2 else { return text }
        let head = (maximumCharacters - 1) / 2, tail = maximumCharacters - 1 - head
        var cut = String.UnicodeScalarView(scalars.prefix(head))
        cut.append("…")
        cut.append(contentsOf: scalars.suffix(tail))
        return String(cut)
    }
}
