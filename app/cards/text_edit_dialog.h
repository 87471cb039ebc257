#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace corkboard::ui {

//! Edits one text that is already on the server (a comment). Save (or Ctrl+Enter) hands the
//! text to whoever opened it through `submitted`; they write it and call finished() or
//! refused(why) — a refused write keeps the text here and says why. Closing with changed text
//! asks first, as the card does.
class TextEditDialog : public QDialog
{
    Q_OBJECT
public:
    //! Choice ids of the question on closing with changed text (MessageBox::setNextAnswer).
    enum CloseChoice
    {
        SaveText = 31,
        DiscardText = 32,
        KeepEditingText = 33
    };

    TextEditDialog(const QString &title, const QString &text, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *saveButton() const { return m_save; }
    QString text() const;
    bool isChanged() const;

    //! The write went through: closes.
    void finished();
    //! The write was refused: the text stays, the reason shows.
    void refused(const QString &why);
    void reject() override;

Q_SIGNALS:
    void submitted(const QString &text);

private:
    void submit();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QString m_original;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace corkboard::ui
