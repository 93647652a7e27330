import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A section title that screen readers announce as a heading.
Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.spacingS
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    color: Theme.text
    font.pixelSize: Theme.fontTitle
    font.bold: true
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
