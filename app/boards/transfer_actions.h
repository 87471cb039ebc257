#pragma once

#include "shared/dto/import_report.h"

#include <QString>
#include <functional>

class QWidget;

namespace corkboard::client {
class ApiClient;
}

namespace corkboard::ui {

//! "Export board…" and "Import board…": a file chosen by the person, the typed client's
//! export/import calls, and the import report shown as a message.
class TransferActions
{
public:
    //! Asks where to save, then writes the board's export document there.
    static void exportBoard(
        QWidget *parent, client::ApiClient *api, const QString &boardId, const QString &boardName);
    //! Asks for a file (our export or a Trello JSON export), imports it, shows the report and
    //! calls `imported(boardId)`.
    static void importBoard(QWidget *parent, client::ApiClient *api,
        std::function<void(const QString &boardId)> imported);
    //! The report in words, for the message shown after an import.
    static QString reportText(const ImportReport &report);

    //! Test seam: the next file question answers `path` without showing a dialog.
    static void setNextFileName(const QString &path);

private:
    static void chooseFile(QWidget *parent, bool save, const QString &suggested,
        std::function<void(const QString &)> chosen);
};

} // namespace corkboard::ui
