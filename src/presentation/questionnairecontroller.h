#pragma once

#include "common/clock.h"
#include "domain/instrumentcatalog.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

namespace companion::storage {
class DiaryRepository;
class DraftStore;
class Profile;
} // namespace companion::storage

namespace companion::presentation {

class ProfileBinding;
class ProfileController;
class SafetyController;

// One validated questionnaire (PHQ-9, GAD-7, PCL-5, PEG, pain NRS) as the UI walks through it:
// one item per screen, large answer buttons, the answer moves on to the next item. Answers are
// kept as a draft in the encrypted database after each tap, so a questionnaire interrupted by a
// lock or a closed window resumes where it stopped.
//
// Safety: an answer that raises the safety flag (PHQ-9 item 9 above 0) opens crisis help at once
// through SafetyController, before the questionnaire is finished; the saved result is linked to
// that safety event afterwards.
class QuestionnaireController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // [{id, title, name, itemCount}]
    Q_PROPERTY(QVariantList instruments READ instruments CONSTANT)
    Q_PROPERTY(bool active READ active NOTIFY stateChanged)
    Q_PROPERTY(bool showingResult READ showingResult NOTIFY stateChanged)
    Q_PROPERTY(QString instrumentId READ instrumentId NOTIFY stateChanged)
    Q_PROPERTY(QString title READ title NOTIFY stateChanged)
    Q_PROPERTY(QString lookback READ lookback NOTIFY stateChanged)
    Q_PROPERTY(QString attribution READ attribution NOTIFY stateChanged)
    Q_PROPERTY(int index READ index NOTIFY progressChanged)
    Q_PROPERTY(int count READ count NOTIFY stateChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(QString itemText READ itemText NOTIFY progressChanged)
    Q_PROPERTY(bool itemOptional READ itemOptional NOTIFY progressChanged)
    // [{value, label, selected}]
    Q_PROPERTY(QVariantList itemOptions READ itemOptions NOTIFY progressChanged)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY progressChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY progressChanged)
    // The finished questionnaire: plain words, PCL-5 cluster scores [{label, score}], threshold
    // notes, and whether a safety answer was given.
    Q_PROPERTY(double resultTotal READ resultTotal NOTIFY stateChanged)
    Q_PROPERTY(QString resultSeverity READ resultSeverity NOTIFY stateChanged)
    Q_PROPERTY(QString resultSummary READ resultSummary NOTIFY stateChanged)
    Q_PROPERTY(QVariantList resultClusters READ resultClusters NOTIFY stateChanged)
    Q_PROPERTY(QStringList resultNotes READ resultNotes NOTIFY stateChanged)
    Q_PROPERTY(bool resultSafetyFlag READ resultSafetyFlag NOTIFY stateChanged)
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    Q_PROPERTY(QString draftTitle READ draftTitle NOTIFY draftChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    QuestionnaireController(ProfileController &profile, SafetyController &safety,
                            const Clock &clock = SystemClock::instance(),
                            QObject *parent = nullptr);
    ~QuestionnaireController() override;

    bool available() const { return m_diary != nullptr; }
    QVariantList instruments() const;
    bool active() const { return m_instrument != nullptr; }
    bool showingResult() const { return m_showingResult; }
    QString instrumentId() const;
    QString title() const;
    QString lookback() const;
    QString attribution() const;
    int index() const { return m_index; }
    int count() const;
    QString progressText() const;
    QString itemText() const;
    bool itemOptional() const;
    QVariantList itemOptions() const;
    bool canGoBack() const { return active() && !m_showingResult && m_index > 0; }
    bool canSubmit() const;
    double resultTotal() const { return m_result.total; }
    QString resultSeverity() const { return m_result.severity; }
    QString resultSummary() const { return m_result.summary; }
    QVariantList resultClusters() const { return m_result.clusters; }
    QStringList resultNotes() const { return m_result.notes; }
    bool resultSafetyFlag() const { return m_result.safetyFlag; }
    bool hasDraft() const { return m_draftInstrumentId.has_value(); }
    QString draftTitle() const;
    QString errorMessage() const { return m_errorMessage; }

    // Starts `instrumentId`, or resumes its draft when one is waiting for it.
    Q_INVOKABLE void start(const QString &instrumentId);
    Q_INVOKABLE void resumeDraft();
    Q_INVOKABLE void discardDraft();
    // Answers the current item and moves to the next one (the last item stays put).
    Q_INVOKABLE void answer(int value);
    Q_INVOKABLE void back();
    // Moves past an optional item without answering it.
    Q_INVOKABLE void skip();
    // Scores, saves the result (with instrument and scoring-rule versions), shows it.
    Q_INVOKABLE bool submit();
    // Leaves the questionnaire. The draft stays unless `discard` (an explicit "discard").
    Q_INVOKABLE void close(bool discard = false);
    Q_INVOKABLE void clearError();

    const domain::InstrumentCatalog &catalog() const { return m_catalog; }

signals:
    void availableChanged();
    void stateChanged();
    void progressChanged();
    void draftChanged();
    void errorMessageChanged();
    // A result was stored (the diary reloads its lists).
    void resultSaved();

private:
    void load(storage::Profile &profile);
    void unload();
    void begin(const domain::Instrument &instrument, std::vector<int> answers);
    void saveDraft();
    void setError(const QString &message);
    std::vector<int> answersForScoring() const;

    ProfileController &m_profile;
    SafetyController &m_safety;
    const Clock &m_clock;
    domain::InstrumentCatalog m_catalog;
    std::unique_ptr<storage::DiaryRepository> m_diary;
    std::unique_ptr<storage::DraftStore> m_drafts;
    std::unique_ptr<ProfileBinding> m_binding;

    const domain::Instrument *m_instrument = nullptr;
    std::vector<int> m_answers; // -1: not answered
    int m_index = 0;
    bool m_showingResult = false;
    struct ShownResult
    {
        double total = 0;
        QString severity;
        QString summary;
        QVariantList clusters;
        QStringList notes;
        bool safetyFlag = false;
    };
    ShownResult m_result;
    std::optional<QString> m_draftInstrumentId;
    QString m_errorMessage;
};

} // namespace companion::presentation
