// Build-time tool: renders the app's SVG icon into the PNG sizes desktops look up in the hicolor
// theme (48, 64, 128, 256), so the PNGs never drift from the SVG and nothing binary is committed.
//
//     companion-iconrender <icon.svg> <output dir> <size>...
//
// Writes <output dir>/<size>x<size>/org.companionapp.Companion.png for each size.

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc < 4) {
        std::fputs("usage: companion-iconrender <icon.svg> <output dir> <size>...\n", stderr);
        return 2;
    }
    QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "companion-iconrender: cannot read %s\n", argv[1]);
        return 1;
    }
    const QDir output(QString::fromLocal8Bit(argv[2]));
    for (int i = 3; i < argc; ++i) {
        const int size = QString::fromLatin1(argv[i]).toInt();
        if (size <= 0 || size > 1024) {
            std::fprintf(stderr, "companion-iconrender: bad size %s\n", argv[i]);
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString folder = QStringLiteral("%1x%1").arg(size);
        output.mkpath(folder);
        const QString file =
            output.filePath(folder + QStringLiteral("/org.companionapp.Companion.png"));
        if (!image.save(file, "PNG")) {
            std::fprintf(stderr, "companion-iconrender: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
