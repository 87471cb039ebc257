#include "app/boards/transfer_actions.h"

#include "app/widgets/message_box.h"
#include "shared/client/transfer_api.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QPointer>
#include <QSaveFile>
#include <QWidget>

namespace corkboard::ui {

namespace {
QString &nextFileName()
{
    static QString path;
    return path;
}

constexpr qint64 kMaxImportBytes = 16ll * 1024 * 1024;

QString errorText(const client::ApiError &e)
{
    QString text = e.detail.isEmpty() ? QObject::tr("The server refused the document.") : e.detail;
    for (qsizetype i = 0; i < e.fieldErrors.size() && i < 5; ++i)
        text += QStringLiteral("\n• %1: %2")
                    .arg(e.fieldErrors.at(i).field, e.fieldErrors.at(i).message);
    if (e.fieldErrors.size() > 5)
        text += QObject::tr("\n… and %n more problem(s).", nullptr, int(e.fieldErrors.size() - 5));
    return text;
}
} // namespace

void TransferActions::setNextFileName(const QString &path)
{
    nextFileName() = path;
}

void TransferActions::chooseFile(QWidget *parent, bool save, const QString &suggested,
    std::function<void(const QString &)> chosen)
{
    if (!nextFileName().isEmpty()) {
        const QString path = nextFileName();
        nextFileName().clear();
        chosen(path);
        return;
    }
    auto *dialog
        = new QFileDialog(parent, save ? QObject::tr("Export board") : QObject::tr("Import board"),
            QDir::homePath(), QObject::tr("Board documents (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    if (save) {
        dialog->setDefaultSuffix(QStringLiteral("json"));
        dialog->selectFile(suggested);
    }
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, std::move(chosen));
    dialog->open();
}

void TransferActions::exportBoard(
    QWidget *parent, client::ApiClient *api, const QString &boardId, const QString &boardName)
{
    if (!api || boardId.isEmpty()) {
        MessageBox::information(
            parent, QObject::tr("Export board"), QObject::tr("Open a board first."));
        return;
    }
    QString suggested = boardName;
    suggested.replace(QLatin1Char('/'), QLatin1Char('-'));
    chooseFile(parent, true, suggested + QStringLiteral(".corkboard.json"),
        [parent = QPointer<QWidget>(parent), api, boardId](const QString &path) {
            client::TransferApi(*api).exportBoard(boardId).then(
                parent.data(), [parent, path](const client::ApiResult<QByteArray> &r) {
                    if (!r.isOk()) {
                        MessageBox::warning(
                            parent, QObject::tr("Export board"), errorText(r.error()));
                        return;
                    }
                    QSaveFile file(path);
                    if (!file.open(QIODevice::WriteOnly)
                        || file.write(r.value()) != r.value().size() || !file.commit()) {
                        MessageBox::warning(parent, QObject::tr("Export board"),
                            QObject::tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
                        return;
                    }
                    MessageBox::information(parent, QObject::tr("Export board"),
                        QObject::tr("The board was saved to %1.")
                            .arg(QDir::toNativeSeparators(path)));
                });
        });
}

void TransferActions::importBoard(
    QWidget *parent, client::ApiClient *api, std::function<void(const QString &boardId)> imported)
{
    if (!api)
        return;
    chooseFile(parent, false, QString(),
        [parent = QPointer<QWidget>(parent), api, imported](const QString &path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxImportBytes) {
                MessageBox::warning(parent, QObject::tr("Import board"),
                    file.size() > kMaxImportBytes
                        ? QObject::tr("%1 is larger than 16 MiB.")
                              .arg(QDir::toNativeSeparators(path))
                        : QObject::tr("Could not read %1.").arg(QDir::toNativeSeparators(path)));
                return;
            }
            client::TransferApi(*api)
                .importBoard(file.readAll())
                .then(parent.data(), [parent, imported](const client::ApiResult<ImportReport> &r) {
                    if (!r.isOk()) {
                        MessageBox::warning(
                            parent, QObject::tr("Import board"), errorText(r.error()));
                        return;
                    }
                    MessageBox::information(parent, QObject::tr("Import board"),
                        TransferActions::reportText(r.value()));
                    if (imported)
                        imported(r.value().boardId);
                });
        });
}

QString TransferActions::reportText(const ImportReport &r)
{
    const QString from = r.source == QLatin1String("trello") ? QObject::tr("Trello")
                                                             : QObject::tr("a Corkboard export");
    QString text
        = QObject::tr("Imported “%1” from %2: %3 columns, %4 cards (%5 archived), %6 labels, "
                      "%7 checklist items, %8 comments, %9 members.")
              .arg(r.boardName, from)
              .arg(r.columns)
              .arg(r.cards)
              .arg(r.archivedCards)
              .arg(r.labels)
              .arg(r.checklistItems)
              .arg(r.comments)
              .arg(r.members);
    if (!r.unmatchedMembers.isEmpty())
        text += QStringLiteral("\n\n")
            + QObject::tr("No account here for: %1.")
                  .arg(r.unmatchedMembers.join(QStringLiteral(", ")));
    if (!r.skipped.isEmpty()) {
        text += QStringLiteral("\n\n") + QObject::tr("Not imported:");
        for (const auto &s : r.skipped)
            text += QStringLiteral("\n• %1 × %2 — %3").arg(s.count).arg(s.what, s.reason);
    }
    return text;
}

} // namespace corkboard::ui
