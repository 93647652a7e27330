#pragma once

#include "common/result.h"
#include "domain/instrument.h"

#include <QString>

#include <vector>

namespace companion::domain {

// The instruments this build knows. The shipped set is compiled in (companion_assets); a clinic
// override folder can be layered on top later with loadDirectory().
class InstrumentCatalog
{
public:
    // Every *.json in the built-in resource folder. A broken shipped file is Internal (a build
    // error, caught by the tests), never silently skipped.
    static Result<InstrumentCatalog> loadBuiltIn();
    // Every *.json in `directory`, sorted by file name. Duplicate ids are InvalidInput.
    static Result<InstrumentCatalog> loadDirectory(const QString &directory);

    const std::vector<Instrument> &instruments() const { return m_instruments; }
    const Instrument *find(const QString &id) const;

private:
    std::vector<Instrument> m_instruments;
};

} // namespace companion::domain
