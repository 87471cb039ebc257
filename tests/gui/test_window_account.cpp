// File ▸ Account… used as a person does, against the real embedded server: the display name is
// changed (the server keeps it: a second device signing in gets the new name); another signed-in
// device is signed out from the list (its row goes, its calls fail); the password change refuses
// a wrong current password and a too-short new one next to the fields, then works (the new
// password signs in, the old one no longer does).
#include "app/account/account_dialog.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

namespace {
const QString kEmail = QStringLiteral("ada@example.com");
const QString kPassword = QStringLiteral("correct horse battery");
const QString kNewPassword = QStringLiteral("analytical engine 1843");
} // namespace

class TestWindowAccount : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    int m_devices = 0;

    //! Ada on another device: her own client and session. Null when signing in failed.
    std::unique_ptr<test::Person> signInElsewhere(const QString &password, UiError *error = nullptr)
    {
        auto device = std::make_unique<test::Person>();
        device->settings = std::make_unique<AppSettings>(
            m_world->dataPath(QStringLiteral("device-%1.ini").arg(m_devices++)));
        device->backend = std::make_unique<ApiBackend>(QUrl(m_world->serverUrl()),
            std::make_shared<client::MemoryTokenStore>(), device->settings.get());
        const auto me = test::awaitCall<User>([&](QObject *ctx, Callback<User> done) {
            device->backend->signIn(ctx, kEmail, password, done);
        });
        if (!me.ok()) {
            if (error)
                *error = me.error;
            return nullptr;
        }
        device->account = *me.value;
        return device;
    }

    //! File ▸ Account… from the menu bar; the dialog once its devices are listed.
    AccountDialog *openAccount()
    {
        if (!m_world->chooseFromMenuBar({QStringLiteral("File"), QStringLiteral("Account…")}))
            return nullptr;
        AccountDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                dialog = m_world->window()->findChild<AccountDialog *>();
                return dialog && dialog->isVisible() && dialog->devices()->rowCount() > 0;
            },
            kGuiWait);
        if (dialog)
            (void)QTest::qWaitForWindowActive(dialog);
        return dialog;
    }

    static void retype(QLineEdit *field, const QString &text)
    {
        QTest::mouseClick(field, Qt::LeftButton);
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Delete);
        QTest::keyClicks(field, text);
    }

    static void close(QDialog *dialog)
    {
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kGuiWait);
    }

    static QString statusOf(QDialog *dialog, const QString &name)
    {
        auto *label = dialog->findChild<QLabel *>(name);
        return label ? label->text() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
    }

    void renameIsShownAndStored()
    {
        QPointer<AccountDialog> dialog = openAccount();
        QVERIFY(dialog);
        QCOMPARE(dialog->nameField()->text(), QStringLiteral("Ada Lovelace"));
        retype(dialog->nameField(), QStringLiteral("Ada King"));
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            statusOf(dialog, QStringLiteral("nameStatus")).contains(QStringLiteral("Ada King")),
            kGuiWait);
        QVERIFY(m_world->window()->signOutAction()->toolTip().contains(QStringLiteral("Ada King")));
        close(dialog);
        // The server keeps it: signing in elsewhere gives the new name.
        auto phone = signInElsewhere(kPassword);
        QVERIFY(phone);
        QCOMPARE(phone->account.displayName, QStringLiteral("Ada King"));
    }

    void anotherDeviceIsSignedOut()
    {
        auto phone = signInElsewhere(kPassword);
        QVERIFY(phone);
        QPointer<AccountDialog> dialog = openAccount();
        QVERIFY(dialog);
        QTableWidget *devices = dialog->devices();
        const int before = devices->rowCount();
        QVERIFY(before >= 2);
        // Exactly one row is this device, and it cannot be signed out from here.
        int current = -1;
        for (int row = 0; row < before; ++row) {
            if (devices->item(row, 0)->text().contains(QStringLiteral("(this device)"))) {
                QCOMPARE(current, -1);
                current = row;
            }
        }
        QVERIFY(current >= 0);
        QVERIFY(!qobject_cast<QPushButton *>(devices->cellWidget(current, 2))->isEnabled());

        // Sign out every other device, one click each.
        while (devices->rowCount() > 1) {
            const int row = current == 0 ? 1 : 0;
            auto *button = qobject_cast<QPushButton *>(devices->cellWidget(row, 2));
            QVERIFY(button && button->isEnabled());
            QCOMPARE(button->text(), QStringLiteral("Sign out this device"));
            const int rows = devices->rowCount();
            QTest::mouseClick(button, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(devices->rowCount(), rows - 1, kGuiWait);
            for (int r = 0; r < devices->rowCount(); ++r) {
                if (devices->item(r, 0)->text().contains(QStringLiteral("(this device)")))
                    current = r;
            }
        }
        QVERIFY(statusOf(dialog, QStringLiteral("devicesStatus"))
                    .contains(QStringLiteral("signed out")));
        close(dialog);

        // The phone's session is gone on the server; this window still works.
        const auto phoneBoards
            = test::awaitCall<QList<Board>>([&](QObject *ctx, Callback<QList<Board>> done) {
                  phone->backend->listBoards(ctx, done);
              });
        QVERIFY(!phoneBoards.ok());
        const auto mine
            = test::awaitCall<QList<Board>>([&](QObject *ctx, Callback<QList<Board>> done) {
                  m_world->backend()->listBoards(ctx, done);
              });
        QVERIFY2(mine.ok(), qPrintable(mine.error.message));
    }

    void passwordRefusalsThenChange()
    {
        QPointer<AccountDialog> dialog = openAccount();
        QVERIFY(dialog);
        // A wrong current password: said next to that field, nothing changes.
        retype(dialog->currentPasswordField(), QStringLiteral("not my password"));
        retype(dialog->newPasswordField(), kNewPassword);
        QTest::mouseClick(dialog->changePasswordButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !dialog->errorFor(QStringLiteral("current_password")).isEmpty(), kGuiWait);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("current_passwordError"))->isVisible());
        QVERIFY(signInElsewhere(kPassword));

        // Too short: said next to the new password.
        retype(dialog->currentPasswordField(), kPassword);
        retype(dialog->newPasswordField(), QStringLiteral("short"));
        QTest::keyClick(dialog->newPasswordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            !dialog->errorFor(QStringLiteral("new_password")).isEmpty(), kGuiWait);
        QVERIFY(dialog->errorFor(QStringLiteral("current_password")).isEmpty());
        QVERIFY(signInElsewhere(kPassword));

        // Right: changed; the new password signs in, the old one no longer does.
        retype(dialog->newPasswordField(), kNewPassword);
        QTest::mouseClick(dialog->changePasswordButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(dialog, QStringLiteral("passwordStatus"))
                                     .contains(QStringLiteral("Password changed")),
            kGuiWait);
        QVERIFY(dialog->errorFor(QStringLiteral("new_password")).isEmpty());
        QVERIFY(dialog->currentPasswordField()->text().isEmpty());
        // The other devices were signed out: only this one is left in the list.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->devices()->rowCount(), 1, kGuiWait);
        close(dialog);
        QVERIFY(signInElsewhere(kNewPassword));
        UiError refused;
        QVERIFY(!signInElsewhere(kPassword, &refused));
        QVERIFY(!refused.message.isEmpty());
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowAccount)
#include "test_window_account.moc"
