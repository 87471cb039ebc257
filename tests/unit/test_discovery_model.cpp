// DNS-SD record encoding (what the server announces, what the client reads) and the model the
// connect dialog lists: servers appear, update and vanish; "unavailable" empties it and says why.
#include "shared/client/server_browser.h"
#include "shared/discovery_record.h"
#include "shared/tls_fingerprint.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;

namespace {

const QString kPrint = formatFingerprint(QByteArray(32, '\x5a'));

//! Stands in for Avahi: the test says what the network shows.
class FakeBrowser final : public ServerBrowser
{
public:
    void start() override { }
    bool isAvailable() const override { return true; }
    void show(const DiscoveredServer &s) { Q_EMIT found(s); }
    void hide(const QString &name) { Q_EMIT lost(name); }
    void daemonGone() { Q_EMIT availabilityChanged(false, QStringLiteral("Avahi is not running")); }
};

DiscoveredServer server(const QString &name, const QString &host, bool tls = true)
{
    DiscoveredServer s;
    s.name = name;
    s.host = host;
    s.port = 8080;
    s.record.version = QStringLiteral("0.9.0");
    s.record.tls = tls;
    s.record.fingerprint = tls ? kPrint : QString();
    return s;
}

} // namespace

class TestDiscoveryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordRoundTrips()
    {
        DiscoveryRecord r;
        r.version = QStringLiteral("0.9.0");
        r.tls = true;
        r.fingerprint = kPrint.toLower().remove(QLatin1Char(':')); // any accepted spelling
        const QList<QByteArray> txt = r.toTxt();
        QCOMPARE(txt,
            (QList<QByteArray> {
                "txtvers=1", "version=0.9.0", "api=v1", "tls=1", "fp=" + kPrint.toLatin1()}));
        for (const QByteArray &entry : txt)
            QVERIFY(entry.size() <= 255); // one DNS-SD TXT string each
        bool ok = false;
        const DiscoveryRecord back = DiscoveryRecord::fromTxt(txt, &ok);
        QVERIFY(ok);
        QCOMPARE(back.version, QStringLiteral("0.9.0"));
        QCOMPARE(back.apiVersion, QStringLiteral("v1"));
        QVERIFY(back.tls);
        QCOMPARE(back.fingerprint, kPrint);
    }

    void recordReaderIsStrict()
    {
        bool ok = true;
        // Not ours (no txtvers): flagged.
        DiscoveryRecord::fromTxt({"path=/", "tls=1"}, &ok);
        QVERIFY(!ok);
        // A truncated fingerprint is dropped, never half-trusted; unknown keys are ignored.
        const DiscoveryRecord cut
            = DiscoveryRecord::fromTxt({"txtvers=1", "tls=1", "fp=AB:CD", "future=x"}, &ok);
        QVERIFY(ok);
        QVERIFY(cut.tls);
        QVERIFY(cut.fingerprint.isEmpty());
        // A fingerprint without TLS means nothing.
        const DiscoveryRecord plain
            = DiscoveryRecord::fromTxt({"txtvers=1", "tls=0", "fp=" + kPrint.toLatin1()}, &ok);
        QVERIFY(!plain.tls);
        QVERIFY(plain.fingerprint.isEmpty());
        DiscoveryRecord noTls;
        noTls.tls = false;
        noTls.fingerprint = kPrint;
        QVERIFY(!noTls.toTxt().contains("fp=" + kPrint.toLatin1()));
    }

    void modelFollowsTheNetwork()
    {
        FakeBrowser browser;
        DiscoveredServersModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBrowser(&browser);
        QSignalSpy availability(&model, &DiscoveredServersModel::availabilityChanged);

        browser.show(server(QStringLiteral("Corkboard on desk-7"), QStringLiteral("192.0.2.7")));
        browser.show(
            server(QStringLiteral("Corkboard on attic"), QStringLiteral("192.0.2.9"), false));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(DiscoveredServersModel::NameRole).toString(),
            QStringLiteral("Corkboard on desk-7"));
        QCOMPARE(first.data(DiscoveredServersModel::UrlRole).toUrl(),
            QUrl(QStringLiteral("https://192.0.2.7:8080")));
        QCOMPARE(first.data(DiscoveredServersModel::FingerprintRole).toString(), kPrint);
        QVERIFY(first.data(Qt::ToolTipRole).toString().contains(kPrint));
        QCOMPARE(model.index(1).data(DiscoveredServersModel::UrlRole).toUrl(),
            QUrl(QStringLiteral("http://192.0.2.9:8080")));

        // Seen again at another address: the row is updated, not duplicated.
        browser.show(server(QStringLiteral("Corkboard on desk-7"), QStringLiteral("192.0.2.77")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.server(0).host, QStringLiteral("192.0.2.77"));

        browser.hide(QStringLiteral("Corkboard on desk-7"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.server(0).name, QStringLiteral("Corkboard on attic"));
        browser.hide(QStringLiteral("never seen"));
        QCOMPARE(model.rowCount(), 1);

        browser.daemonGone();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isAvailable());
        QCOMPARE(availability.size(), 1);
        QCOMPARE(model.unavailableReason(), QStringLiteral("Avahi is not running"));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryModel)
#include "test_discovery_model.moc"
