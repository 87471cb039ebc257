#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace corkboard::ui {

//! The first question on a new computer: a board server here, or a team's server elsewhere.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);

    QPushButton *localButton() const { return m_local; }
    QPushButton *connectButton() const { return m_connect; }
    QLineEdit *urlField() const { return m_url; }

Q_SIGNALS:
    void localChosen();
    void remoteChosen(const QUrl &serverUrl);

private:
    void tryConnect();

    QPushButton *m_local = nullptr;
    QPushButton *m_connect = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
};

} // namespace corkboard::ui
