#include "app/shell/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace corkboard::ui {

void installTranslations(const QString &language)
{
    static QTranslator *app = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **t : {&app, &qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    app = new QTranslator;
    // English is the source language; its file holds the plural forms ("1 card", "3 cards"),
    // and is what a language without a translation of its own gets.
    if (app->load(
            locale, QStringLiteral("corkboard"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || app->load(QStringLiteral("corkboard_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(app);
    qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace corkboard::ui
