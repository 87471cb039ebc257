// File ▸ Admin ▸ Invites: an invite made in the dialog is revoked with its row's Revoke button
// (after a question); one made elsewhere (the dialog knows only its first characters) asks for
// the whole code, refuses a wrong one in words and takes the right one. A revoked code no longer
// registers anyone on the server.
#include "app/admin/admin_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/gui_world.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowInvites : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    int m_people = 0;

    //! File ▸ Admin, then the Invites tab; the dialog once the invites are listed.
    AdminDialog *openInvites(int expectedRows)
    {
        if (!m_world->chooseFromMenuBar({QStringLiteral("File"), QStringLiteral("Admin")}))
            return nullptr;
        AdminDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                dialog = m_world->window()->findChild<AdminDialog *>();
                return dialog && dialog->isVisible();
            },
            kGuiWait);
        if (!dialog)
            return nullptr;
        (void)QTest::qWaitForWindowActive(dialog);
        QTabBar *tabs = dialog->findChild<QTabWidget *>()->tabBar();
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
        (void)QTest::qWaitFor(
            [&] { return dialog->invites()->rowCount() == expectedRows; }, kGuiWait);
        return dialog;
    }

    QPushButton *revokeButton(AdminDialog *dialog, int row)
    {
        return qobject_cast<QPushButton *>(dialog->invites()->cellWidget(row, 3));
    }

    static QString status(QDialog *dialog)
    {
        const auto labels = dialog->findChildren<QLabel *>();
        QStringList texts;
        for (QLabel *l : labels)
            texts << l->text();
        return texts.join(QLatin1Char('\n'));
    }

    static void close(QDialog *dialog)
    {
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kGuiWait);
    }

    int serverInvites() const
    {
        const auto invites
            = test::awaitCall<QList<Invite>>([&](QObject *ctx, Callback<QList<Invite>> done) {
                  m_world->backend()->listInvites(ctx, done);
              });
        return invites.ok() ? int(invites.value->size()) : -1;
    }

    //! Registers someone new with `code` on a fresh client; the refusal of the invite code (empty
    //! when it worked).
    QString registerWith(const QString &code)
    {
        AppSettings settings(m_world->dataPath(QStringLiteral("newcomer-%1.ini").arg(m_people)));
        ApiBackend backend(
            QUrl(m_world->serverUrl()), std::make_shared<client::MemoryTokenStore>(), &settings);
        const auto r = test::awaitCall<User>([&](QObject *ctx, Callback<User> done) {
            backend.registerAccount(ctx, QStringLiteral("newcomer%1@example.com").arg(m_people++),
                QStringLiteral("correct horse battery"), QStringLiteral("Newcomer"), code, done);
        });
        return r.ok() ? QString() : r.error.fieldErrors.value(QStringLiteral("invite_code"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        MessageBox::setSilent(true);
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
    }

    void revokeAnInviteMadeHere()
    {
        QPointer<AdminDialog> dialog = openInvites(0);
        QVERIFY(dialog);
        auto *create = dialog->findChildren<QPushButton *>().at(0);
        for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
            if (b->text().remove(QLatin1Char('&')) == QStringLiteral("New invite"))
                create = b;
        }
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->invites()->rowCount(), 1, kGuiWait);
        QCOMPARE(serverInvites(), 1);
        const QString code = dialog->invites()->item(0, 0)->text();
        QVERIFY(!code.endsWith(QStringLiteral("…")));

        // Cancelled: nothing happens.
        MessageBox::setNextAnswer(AdminDialog::CancelRevoke);
        QTest::mouseClick(revokeButton(dialog, 0), Qt::LeftButton);
        QTest::qWait(0);
        QCOMPARE(serverInvites(), 1);

        MessageBox::setNextAnswer(AdminDialog::ConfirmRevoke);
        QTest::mouseClick(revokeButton(dialog, 0), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->invites()->rowCount(), 0, kGuiWait);
        QVERIFY(MessageBox::lastText().contains(code));
        QVERIFY(status(dialog).contains(QStringLiteral("revoked")));
        QCOMPARE(serverInvites(), 0);
        close(dialog);
        QVERIFY(!registerWith(code).isEmpty());
    }

    void revokeAnInviteMadeElsewhereTakesTheWholeCode()
    {
        const auto made = test::awaitCall<Invite>([&](QObject *ctx, Callback<Invite> done) {
            m_world->backend()->createInvite(ctx, QStringLiteral("member"), done);
        });
        QVERIFY(made.ok());
        const QString code = made.value->code;
        QPointer<AdminDialog> dialog = openInvites(1);
        QVERIFY(dialog);
        QCOMPARE(dialog->invites()->rowCount(), 1);
        QVERIFY(dialog->invites()->item(0, 0)->text().endsWith(QStringLiteral("…")));

        auto answer = [&](const QString &text) -> bool {
            QTest::mouseClick(revokeButton(dialog, 0), Qt::LeftButton);
            QInputDialog *input = nullptr;
            if (!QTest::qWaitFor(
                    [&] {
                        input = dialog->findChild<QInputDialog *>(QStringLiteral("inviteCode"));
                        return input && input->isVisible();
                    },
                    kGuiWait))
                return false;
            auto *field = input->findChild<QLineEdit *>();
            QTest::keyClicks(field, text);
            QTest::keyClick(field, Qt::Key_Return);
            return QTest::qWaitFor([&] { return !input || !input->isVisible(); }, kGuiWait);
        };
        QVERIFY(answer(QStringLiteral("not-the-code")));
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("not the code")), kGuiWait);
        QCOMPARE(serverInvites(), 1);

        QVERIFY(answer(code));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->invites()->rowCount(), 0, kGuiWait);
        QCOMPARE(serverInvites(), 0);
        close(dialog);
        QVERIFY(!registerWith(code).isEmpty());
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowInvites)
#include "test_window_invites.moc"
