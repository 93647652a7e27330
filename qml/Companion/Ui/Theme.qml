pragma Singleton
import QtQuick
import Companion.Core

// Colours, spacing and type sizes for the whole app. Driven by the device preferences (dark mode,
// high contrast, text size), which are readable before unlock, so the lock screen honours them too.
QtObject {
    readonly property bool dark: Preferences.darkMode
    readonly property bool highContrast: Preferences.highContrast
    // Every font and control size is multiplied by this (100 %–200 %).
    readonly property real scale: Math.min(2.0, Math.max(1.0, Preferences.fontScale))

    // pick(light, dark, high-contrast light, high-contrast dark)
    function pick(light: color, darkColor: color, hcLight: color, hcDark: color): color {
        return highContrast ? (dark ? hcDark : hcLight) : (dark ? darkColor : light)
    }

    // ---- palette ----
    readonly property color background: pick("#f5f6f8", "#121417", "#ffffff", "#000000")
    readonly property color surface: pick("#ffffff", "#1c1f24", "#ffffff", "#000000")
    readonly property color surfaceAlt: pick("#e9edf2", "#2a2f36", "#e6e6e6", "#1a1a1a")
    readonly property color text: pick("#1b1f24", "#e8eaed", "#000000", "#ffffff")
    readonly property color textMuted: pick("#4a5361", "#b4bac2", "#1a1a1a", "#f0f0f0")
    readonly property color border: pick("#c5ccd5", "#3d444d", "#000000", "#ffffff")
    readonly property color primary: pick("#2c5a85", "#8cb8e8", "#00307a", "#ffd500")
    readonly property color primaryInk: pick("#ffffff", "#0b1a2a", "#ffffff", "#000000")
    readonly property color primarySoft: pick("#dce8f5", "#23384f", "#c7dcff", "#3d3300")
    readonly property color danger: pick("#a3262c", "#f28b82", "#8a0000", "#ff8080")
    readonly property color dangerInk: pick("#ffffff", "#2a0a08", "#ffffff", "#000000")
    readonly property color dangerSoft: pick("#fbe7e8", "#3b1e1e", "#ffe0e0", "#330000")
    readonly property color warning: pick("#8a5a00", "#f6c453", "#5c3b00", "#ffd500")
    readonly property color success: pick("#2e7d4f", "#81c995", "#00552a", "#66ff99")
    readonly property color focus: pick("#1a6fd6", "#a8c7fa", "#0000ff", "#00ffff")
    readonly property color disabledFill: pick("#d7dce2", "#30353c", "#bbbbbb", "#444444")
    readonly property color disabledText: pick("#5f6773", "#8d949e", "#333333", "#cccccc")

    // ---- geometry ----
    readonly property real touchTarget: 48 * scale
    readonly property real spacingXs: 4
    readonly property real spacingS: 8
    readonly property real spacingM: 12
    readonly property real spacingL: 16
    readonly property real spacingXl: 24
    readonly property real radius: 8
    readonly property real borderWidth: highContrast ? 2 : 1
    readonly property real focusWidth: 3
    // Readable line length on wide windows; grows with the text size.
    readonly property real maxContentWidth: 680 * scale

    // ---- type ----
    readonly property real fontSmall: 14 * scale
    // Labels under the navigation glyphs (bottom bar, narrow rail).
    readonly property real fontNavigation: fontSmall * 0.9
    readonly property real fontBody: 16 * scale
    readonly property real fontLarge: 19 * scale
    readonly property real fontTitle: 22 * scale
    readonly property real fontHeadline: 28 * scale
    readonly property string monoFamily: "monospace"
}
