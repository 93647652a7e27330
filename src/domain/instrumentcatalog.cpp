#include "domain/instrumentcatalog.h"

#include "assets/assets.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace companion::domain {

Result<InstrumentCatalog> InstrumentCatalog::loadDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return makeError(ErrorCode::NotFound, u"no instrument folder at %1"_s.arg(directory));
    InstrumentCatalog catalog;
    const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, u"cannot read %1"_s.arg(file.fileName()));
        // Read one byte more than allowed so an oversized file is refused, not truncated.
        const QByteArray bytes = file.read(kMaxInstrumentFileBytes + 1);
        auto instrument = parseInstrument(bytes);
        if (!instrument)
            return makeError(instrument.error().code, name + u": "_s + instrument.error().message);
        if (catalog.find(instrument->id))
            return makeError(ErrorCode::InvalidInput,
                             name + u": instrument id is already defined by another file"_s);
        catalog.m_instruments.push_back(std::move(*instrument));
    }
    return catalog;
}

Result<InstrumentCatalog> InstrumentCatalog::loadBuiltIn()
{
    // The shipped files are compiled in and never change while the app runs: parsed once (four
    // controllers ask for them as the app starts; ADR 0029). A copy shares the strings.
    static const Result<InstrumentCatalog> builtIn = [] {
        auto catalog = loadDirectory(assets::instrumentsDirectory());
        if (!catalog)
            return Result<InstrumentCatalog>(
                makeError(ErrorCode::Internal,
                          u"a shipped instrument is broken: "_s + catalog.error().message));
        if (catalog->instruments().empty())
            return Result<InstrumentCatalog>(
                makeError(ErrorCode::Internal, u"no instruments are compiled in"_s));
        return catalog;
    }();
    return builtIn;
}

const Instrument *InstrumentCatalog::find(const QString &id) const
{
    for (const Instrument &instrument : m_instruments) {
        if (instrument.id == id)
            return &instrument;
    }
    return nullptr;
}

} // namespace companion::domain
