#include "presentation/passphrasefeedback.h"

#include <QCoreApplication>

namespace companion::presentation {

namespace {

QString label(int score)
{
    switch (score) {
    case 0:
        return QCoreApplication::translate("Passphrase", "Very weak");
    case 1:
        return QCoreApplication::translate("Passphrase", "Weak");
    case 2:
        return QCoreApplication::translate("Passphrase", "Not strong enough yet");
    case 3:
        return QCoreApplication::translate("Passphrase", "Good");
    default:
        return QCoreApplication::translate("Passphrase", "Strong");
    }
}

QString hint(crypto::PassphraseHint hint)
{
    using crypto::PassphraseHint;
    switch (hint) {
    case PassphraseHint::None:
        return {};
    case PassphraseHint::TooShort:
        return QCoreApplication::translate("Passphrase",
                                           "Use at least %n characters. A few unrelated words "
                                           "are easy to remember and hard to guess.",
                                           nullptr, crypto::kMinimumPassphraseLength);
    case PassphraseHint::CommonWordsOrNames:
        return QCoreApplication::translate("Passphrase",
                                           "Common words and names are guessed first. Add an "
                                           "unusual word.");
    case PassphraseHint::KeyboardPattern:
        return QCoreApplication::translate("Passphrase",
                                           "Keyboard rows, sequences and repeats are easy to "
                                           "guess. Try a few unrelated words instead.");
    case PassphraseHint::DatesOrYears:
        return QCoreApplication::translate("Passphrase",
                                           "Dates and years are easy to guess. Add an unusual "
                                           "word.");
    case PassphraseHint::AddMoreWords:
        return QCoreApplication::translate("Passphrase",
                                           "Almost there: add one more unusual word.");
    }
    return {};
}

} // namespace

QVariantMap passphraseFeedback(const crypto::PassphraseStrength &strength)
{
    return {
        {QStringLiteral("score"), strength.score},
        {QStringLiteral("acceptable"), strength.acceptable},
        {QStringLiteral("label"), label(strength.score)},
        {QStringLiteral("hint"), hint(strength.hint)},
    };
}

SecretBytes toSecret(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    SecretBytes secret = SecretBytes::fromUtf8(std::string_view(utf8.constData(), utf8.size()));
    secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

} // namespace companion::presentation
