#pragma once

#include "app/cards/card_panel.h"
#include "shared/dto/attachment.h"

#include <QHash>
#include <QPointer>
#include <QUndoStack>
#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QMimeData;
class QPushButton;
class QVBoxLayout;

namespace corkboard::client {
class AttachmentUpload;
}

namespace corkboard::ui {

class AttachmentTransfers;

//! The card's files: the list (name, size, type, who added it, a thumbnail for images);
//! "Attach files…", dropping files on the card dialog, pasting an image (Ctrl+V) or files; one
//! progress row per upload with Cancel; Open (a private cached copy, handed to the system's
//! application), Save as… (with progress) and Delete — undone with Ctrl+Z (or the Undo button),
//! which attaches the kept copy again. Uploads go on when the dialog closes.
class AttachmentsPanel : public CardPanel
{
    Q_OBJECT
public:
    static constexpr int AttachmentIdRole = Qt::UserRole + 1;

    AttachmentsPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void showDetail(const CardDetail &detail) override;

    //! The board's undo stack (Delete pushes a step on it; Ctrl+Z here undoes it).
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    //! Uploads the local files among `mime`'s URLs, or its image as a PNG; false when it holds
    //! neither.
    bool attachFrom(const QMimeData *mime);
    static bool canAttach(const QMimeData *mime);
    void attachFiles(const QStringList &paths);

    QListWidget *list() const { return m_list; }
    QWidget *progressArea() const { return m_progress; }
    QPushButton *undoButton() const { return m_undoButton; }
    //! Rows of the list by file name (tests).
    QListWidgetItem *itemNamed(const QString &filename) const;

    //! Tests: what "Open" hands to the system (default QDesktopServices::openUrl).
    static void setOpener(std::function<void(const QUrl &)> opener);
    //! Tests: the next file dialog answers with these paths (Attach: all; Save as: the first).
    static void setNextFiles(const QStringList &paths);

Q_SIGNALS:
    //! An attachment was deleted here (for the window's status bar).
    void removed(const QString &filename);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void reload();
    void show(const QList<Attachment> &attachments);
    void chooseFiles();
    void pasteFromClipboard();
    void addProgressRow(client::AttachmentUpload *upload);
    void openSelected();
    void saveSelected();
    void deleteSelected();
    std::optional<Attachment> selected() const;
    void updateButtons();
    void setThumbnail(QListWidgetItem *item, const Attachment &a);
    QString describe(const Attachment &a) const;

    AttachmentTransfers *m_transfers = nullptr;
    QPointer<QUndoStack> m_undo;
    QListWidget *m_list = nullptr;
    QWidget *m_progress = nullptr;
    QVBoxLayout *m_progressLayout = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoText = nullptr;
    QPushButton *m_undoButton = nullptr;
    QHash<QString, Attachment> m_attachments; //!< by id
};

} // namespace corkboard::ui
