#include "app/cards/attachments_panel.h"

#include "app/boards/open_board.h"
#include "app/cards/attachment_transfers.h"
#include "app/cards/remove_attachment_command.h"
#include "shared/client/error_presenter.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryFile>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
std::function<void(const QUrl &)> &opener()
{
    static std::function<void(const QUrl &)> open;
    return open;
}

QStringList &nextFiles()
{
    static QStringList files;
    return files;
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            out << url.toLocalFile();
    }
    return out;
}

constexpr int kIcon = 48;
} // namespace

void AttachmentsPanel::setOpener(std::function<void(const QUrl &)> open)
{
    opener() = std::move(open);
}

void AttachmentsPanel::setNextFiles(const QStringList &paths)
{
    nextFiles() = paths;
}

AttachmentsPanel::AttachmentsPanel(
    Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent)
    : CardPanel(backend, board, cardId, parent)
    , m_transfers(backend->attachments())
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("attachments"));
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setIconSize(QSize(kIcon, kIcon));
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list, 1);

    auto *hint = new QLabel(tr("Drop files here, or paste an image with Ctrl+V."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_progress = new QWidget(this);
    m_progress->setObjectName(QStringLiteral("uploads"));
    m_progressLayout = new QVBoxLayout(m_progress);
    m_progressLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);

    m_undoBar = new QWidget(this);
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    m_undoText = new QLabel(m_undoBar);
    m_undoButton = new QPushButton(tr("&Undo"), m_undoBar);
    m_undoButton->setAccessibleName(tr("Undo delete"));
    undoLayout->addWidget(m_undoText, 1);
    undoLayout->addWidget(m_undoButton);
    m_undoBar->hide();
    layout->addWidget(m_undoBar);

    auto *buttons = new QHBoxLayout;
    m_attach = new QPushButton(tr("&Attach files…"), this);
    m_open = new QPushButton(tr("&Open"), this);
    m_save = new QPushButton(tr("Sa&ve as…"), this);
    m_delete = new QPushButton(tr("De&lete"), this);
    m_open->setAccessibleName(tr("Open attachment"));
    m_save->setAccessibleName(tr("Save attachment as"));
    m_delete->setAccessibleName(tr("Delete attachment"));
    for (QPushButton *b : {m_attach, m_open, m_save, m_delete}) {
        b->setAutoDefault(false); // Enter never saves and closes the card from here
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_attach, &QPushButton::clicked, this, &AttachmentsPanel::chooseFiles);
    connect(m_open, &QPushButton::clicked, this, &AttachmentsPanel::openSelected);
    connect(m_save, &QPushButton::clicked, this, &AttachmentsPanel::saveSelected);
    connect(m_delete, &QPushButton::clicked, this, &AttachmentsPanel::deleteSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &AttachmentsPanel::openSelected);
    // Enter opens the file; it never reaches the dialog's default button (save and close).
    m_list->installEventFilter(this);
    connect(m_list, &QListWidget::currentItemChanged, this, &AttachmentsPanel::updateButtons);
    auto *paste = new QShortcut(QKeySequence::Paste, this);
    paste->setContext(Qt::WidgetWithChildrenShortcut);
    connect(paste, &QShortcut::activated, this, &AttachmentsPanel::pasteFromClipboard);
    auto *remove = new QShortcut(QKeySequence::Delete, m_list);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &AttachmentsPanel::deleteSelected);
    auto *undo = new QShortcut(QKeySequence::Undo, this);
    undo->setContext(Qt::WidgetWithChildrenShortcut);
    const auto undoLast = [this] {
        if (m_undo && m_undo->canUndo())
            m_undo->undo();
        m_undoBar->hide();
    };
    connect(undo, &QShortcut::activated, this, undoLast);
    connect(m_undoButton, &QPushButton::clicked, this, undoLast);

    if (m_transfers) {
        for (client::AttachmentUpload *upload : m_transfers->uploadsFor(cardId))
            addProgressRow(upload);
        connect(m_transfers, &AttachmentTransfers::uploadStarted, this,
            [this](client::AttachmentUpload *upload) {
                if (upload->cardId() == m_cardId)
                    addProgressRow(upload);
            });
        connect(
            m_transfers, &AttachmentTransfers::uploadFinished, this, [this](const QString &toCard) {
                if (toCard == m_cardId)
                    reload();
            });
        connect(m_transfers, &AttachmentTransfers::uploadFailed, this,
            [this](const QString &toCard, const QString &name, const QString &message) {
                if (toCard == m_cardId)
                    Q_EMIT statusMessage(tr("“%1” was not attached: %2").arg(name, message));
            });
        connect(m_transfers, &AttachmentTransfers::thumbnailReady, this, [this](const QString &id) {
            for (int i = 0; i < m_list->count(); ++i) {
                if (m_list->item(i)->data(AttachmentIdRole).toString() == id)
                    setThumbnail(m_list->item(i), m_attachments.value(id));
            }
        });
    }
    if (!m_transfers)
        setEnabled(false);
    updateButtons();
}

QString AttachmentsPanel::title() const
{
    return m_attachments.isEmpty() ? tr("Attachments")
                                   : tr("Attachments (%1)").arg(m_attachments.size());
}

void AttachmentsPanel::showDetail(const CardDetail &detail)
{
    show(detail.attachments);
}

void AttachmentsPanel::reload()
{
    if (!m_transfers)
        return;
    m_transfers->api().list(m_cardId).then(
        this, [this](const client::ApiResult<QList<Attachment>> &r) {
            if (r)
                show(r.value());
        });
}

QString AttachmentsPanel::describe(const Attachment &a) const
{
    QString who = a.uploaderId;
    for (const BoardMember &m : m_board->members()) {
        if (m.userId == a.uploaderId)
            who = m.displayName;
    }
    return tr("%1 · %2 · added by %3").arg(QLocale().formattedDataSize(a.size), a.contentType, who);
}

void AttachmentsPanel::show(const QList<Attachment> &attachments)
{
    const QString current = selected() ? selected()->id : QString();
    m_attachments.clear();
    m_list->clear();
    for (const Attachment &a : attachments) {
        m_attachments.insert(a.id, a);
        auto *item = new QListWidgetItem(a.filename + QLatin1Char('\n') + describe(a), m_list);
        item->setData(AttachmentIdRole, a.id);
        item->setToolTip(tr("%1\n%2").arg(a.filename, describe(a)));
        item->setData(Qt::AccessibleTextRole, a.filename);
        setThumbnail(item, a);
        if (a.id == current)
            m_list->setCurrentItem(item);
    }
    updateButtons();
    Q_EMIT titleChanged();
}

void AttachmentsPanel::setThumbnail(QListWidgetItem *item, const Attachment &a)
{
    QImage image;
    if (a.thumbnail == QLatin1String("ready") && m_transfers)
        image = m_transfers->thumbnail(a.id);
    if (!image.isNull()) {
        // Centred in a square, so every row has the same height and the names line up.
        QPixmap square(kIcon, kIcon);
        square.fill(Qt::transparent);
        const QImage scaled
            = image.scaled(kIcon, kIcon, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QPainter painter(&square);
        painter.drawImage(
            QPoint((kIcon - scaled.width()) / 2, (kIcon - scaled.height()) / 2), scaled);
        painter.end();
        item->setIcon(QIcon(square));
        return;
    }
    const bool isImage = a.contentType.startsWith(QLatin1String("image/"));
    item->setIcon(
        style()->standardIcon(isImage ? QStyle::SP_FileDialogContentsView : QStyle::SP_FileIcon));
}

QListWidgetItem *AttachmentsPanel::itemNamed(const QString &filename) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::AccessibleTextRole).toString() == filename)
            return m_list->item(i);
    }
    return nullptr;
}

std::optional<Attachment> AttachmentsPanel::selected() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const auto it = m_attachments.constFind(item->data(AttachmentIdRole).toString());
    if (it == m_attachments.constEnd())
        return std::nullopt;
    return it.value();
}

void AttachmentsPanel::updateButtons()
{
    const bool any = selected().has_value();
    m_open->setEnabled(any);
    m_save->setEnabled(any);
    m_delete->setEnabled(any);
}

bool AttachmentsPanel::canAttach(const QMimeData *mime)
{
    return !localFiles(mime).isEmpty() || (mime && mime->hasImage());
}

bool AttachmentsPanel::attachFrom(const QMimeData *mime)
{
    const QStringList files = localFiles(mime);
    if (!files.isEmpty()) {
        attachFiles(files);
        return true;
    }
    if (!mime || !mime->hasImage() || !m_transfers)
        return false;
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    if (image.isNull())
        return false;
    // Saved as a PNG in the private cache; removed once it is on the server.
    QTemporaryFile file(m_transfers->cacheDir() + QStringLiteral("/pasted-XXXXXX.png"));
    file.setAutoRemove(false);
    if (!file.open() || !image.save(&file, "PNG")) {
        Q_EMIT statusMessage(tr("The pasted image could not be saved for uploading."));
        return true;
    }
    file.close();
    const QString name
        = tr("Pasted image %1.png")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hh.mm.ss")));
    m_transfers->upload(m_cardId, file.fileName(), name, true);
    return true;
}

void AttachmentsPanel::attachFiles(const QStringList &paths)
{
    if (!m_transfers)
        return;
    for (const QString &path : paths)
        m_transfers->upload(m_cardId, path);
}

bool AttachmentsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openSelected();
            return true;
        }
    }
    return CardPanel::eventFilter(watched, event);
}

void AttachmentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void AttachmentsPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void AttachmentsPanel::dropEvent(QDropEvent *event)
{
    if (attachFrom(event->mimeData()))
        event->acceptProposedAction();
}

void AttachmentsPanel::pasteFromClipboard()
{
    if (!attachFrom(QApplication::clipboard()->mimeData()))
        Q_EMIT statusMessage(tr("The clipboard holds no image or file to attach."));
}

void AttachmentsPanel::chooseFiles()
{
    if (!nextFiles().isEmpty()) {
        attachFiles(std::exchange(nextFiles(), {}));
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Attach files"), QDir::homePath());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, &AttachmentsPanel::attachFiles);
    dialog->open();
}

void AttachmentsPanel::addProgressRow(client::AttachmentUpload *upload)
{
    auto *row = new QWidget(m_progress);
    row->setObjectName(QStringLiteral("upload_row"));
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *name = new QLabel(row);
    name->setText(name->fontMetrics().elidedText(upload->filename(), Qt::ElideMiddle, 220));
    name->setToolTip(upload->filename());
    auto *bar = new QProgressBar(row);
    bar->setAccessibleName(tr("Uploading %1").arg(upload->filename()));
    bar->setRange(0, 1000);
    auto *cancel = new QToolButton(row);
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(tr("Cancel uploading %1").arg(upload->filename()));
    h->addWidget(name);
    h->addWidget(bar, 1);
    h->addWidget(cancel);
    m_progressLayout->addWidget(row);
    const auto setValue = [bar](qint64 sent, qint64 total) {
        bar->setValue(total > 0 ? int(sent * 1000 / total) : 0);
    };
    setValue(upload->sent(), upload->total());
    connect(upload, &client::AttachmentUpload::progress, bar, setValue);
    connect(upload, &client::AttachmentUpload::retrying, bar,
        [bar] { bar->setFormat(tr("Waiting for the network… %p%")); });
    connect(cancel, &QToolButton::clicked, upload, &client::AttachmentUpload::cancel);
    connect(upload, &client::AttachmentUpload::cancelled, row, &QObject::deleteLater);
    connect(upload, &client::AttachmentUpload::finished, row, &QObject::deleteLater);
    connect(upload, &client::AttachmentUpload::failed, row, &QObject::deleteLater);
    connect(upload, &QObject::destroyed, row, &QObject::deleteLater);
}

void AttachmentsPanel::openSelected()
{
    const auto a = selected();
    if (!a || !m_transfers)
        return;
    Q_EMIT statusMessage(tr("Opening “%1”…").arg(a->filename));
    m_transfers->fetchCopy(*a, this, [this](const QString &path, const QString &error) {
        if (path.isEmpty()) {
            Q_EMIT statusMessage(error);
            return;
        }
        const QUrl url = QUrl::fromLocalFile(path);
        if (opener())
            opener()(url);
        else if (!QDesktopServices::openUrl(url))
            Q_EMIT statusMessage(tr("No application opens “%1”.").arg(QFileInfo(path).fileName()));
        else
            Q_EMIT statusMessage(QString());
    });
}

void AttachmentsPanel::saveSelected()
{
    const auto a = selected();
    if (!a || !m_transfers)
        return;
    const auto saveTo = [this, a = *a](const QString &target) {
        if (target.isEmpty())
            return;
        auto *download = m_transfers->api().download(a.id, target, this);
        auto *row = new QWidget(m_progress);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *bar = new QProgressBar(row);
        bar->setAccessibleName(tr("Saving %1").arg(a.filename));
        bar->setRange(0, 1000);
        auto *cancel = new QToolButton(row);
        cancel->setText(tr("Cancel"));
        h->addWidget(new QLabel(tr("Saving “%1”").arg(a.filename), row));
        h->addWidget(bar, 1);
        h->addWidget(cancel);
        m_progressLayout->addWidget(row);
        connect(download, &client::AttachmentDownload::progress, bar,
            [bar, size = a.size](qint64 got, qint64 total) {
                total = total > 0 ? total : size;
                bar->setValue(total > 0 ? int(got * 1000 / total) : 0);
            });
        connect(cancel, &QToolButton::clicked, download, &client::AttachmentDownload::cancel);
        const auto ended = [download, row] {
            row->deleteLater();
            download->deleteLater();
        };
        connect(download, &client::AttachmentDownload::finished, this,
            [this, ended](const QString &path) {
                ended();
                Q_EMIT statusMessage(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
            });
        connect(download, &client::AttachmentDownload::failed, this,
            [this, ended](const client::ApiError &e) {
                ended();
                Q_EMIT statusMessage(client::ErrorPresenter::message(e));
            });
        connect(download, &client::AttachmentDownload::cancelled, this, ended);
        download->start();
    };
    if (!nextFiles().isEmpty()) {
        saveTo(std::exchange(nextFiles(), {}).constFirst());
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Save attachment"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + QLatin1Char('/')
            + a->filename);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, saveTo);
    dialog->open();
}

void AttachmentsPanel::deleteSelected()
{
    const auto a = selected();
    if (!a || !m_transfers)
        return;
    // The bytes are copied first, so Undo can attach them again; then it is deleted at once.
    Q_EMIT statusMessage(tr("Deleting “%1”…").arg(a->filename));
    m_transfers->fetchCopy(*a, this, [this, a = *a](const QString &kept, const QString &error) {
        if (kept.isEmpty()) {
            Q_EMIT statusMessage(tr("“%1” was not deleted: %2").arg(a.filename, error));
            return;
        }
        auto *command = new RemoveAttachmentCommand(m_transfers, a, kept,
            [self = QPointer<AttachmentsPanel>(this)](const QString &message) {
                if (self)
                    Q_EMIT self->statusMessage(message);
            });
        if (m_undo) {
            m_undo->push(command); // deletes now
        } else {
            command->redo();
            delete command;
        }
        m_attachments.remove(a.id);
        if (QListWidgetItem *item = itemNamed(a.filename))
            delete item;
        m_undoText->setText(tr("“%1” deleted.").arg(a.filename));
        m_undoBar->setVisible(m_undo != nullptr);
        Q_EMIT statusMessage(QString());
        Q_EMIT removed(a.filename);
        updateButtons();
    });
}

} // namespace corkboard::ui
