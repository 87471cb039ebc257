#pragma once

#include <QString>

namespace corkboard::ui {

//! Installs the app's and Qt's own translations for `language` ("" = the system's, "en", "de").
void installTranslations(const QString &language);

} // namespace corkboard::ui
