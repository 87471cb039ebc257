// ErrorPresenter: every ErrorCode and every failure kind has a short translatable message;
// server text never reaches people for 5xx; field errors are offered per field.
#include "shared/client/error_presenter.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace corkboard;
using namespace corkboard::client;

namespace {
//! Translates every ErrorPresenter string to "[xx] …", proving the texts go through tr().
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "ErrorPresenter") != 0)
            return QString();
        return QStringLiteral("[xx] ") + QString::fromUtf8(sourceText);
    }
};

const QList<ApiError::Kind> kNonHttpKinds
    = {ApiError::Kind::Network, ApiError::Kind::Tls, ApiError::Kind::Timeout,
        ApiError::Kind::Decode, ApiError::Kind::Session, ApiError::Kind::Keychain};
} // namespace

class TestErrorPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyErrorCodeHasItsOwnShortMessage()
    {
        QSet<QString> seen;
        for (ErrorCode code : allErrorCodes()) {
            const QString text = ErrorPresenter::message(code);
            QVERIFY2(!text.isEmpty(), qPrintable(errorCodeName(code)));
            QVERIFY2(text.size() <= 120, qPrintable(text));
            QVERIFY2(!text.contains(errorCodeName(code)), qPrintable(text));
            QVERIFY2(
                !seen.contains(text), qPrintable(QStringLiteral("duplicate message: ") + text));
            seen.insert(text);
        }
    }

    void everyFailureKindHasAMessage()
    {
        for (auto kind : kNonHttpKinds) {
            const QString text = ErrorPresenter::message(
                ApiError::transport(kind, QStringLiteral("socket says xyz")));
            QVERIFY(!text.isEmpty());
            QVERIFY(!text.contains(QStringLiteral("xyz"))); // never the raw transport text
        }
        QVERIFY(ErrorPresenter::message(ApiError::transport(ApiError::Kind::Tls, {}))
            != ErrorPresenter::message(ApiError::transport(ApiError::Kind::Network, {})));
        QVERIFY(ErrorPresenter::message(ApiError::transport(ApiError::Kind::Timeout, {}))
            != ErrorPresenter::message(ApiError::transport(ApiError::Kind::Network, {})));
    }

    void serverTextNeverShownFor5xx()
    {
        Problem p;
        p.status = 500;
        p.code = ErrorCode::Internal;
        p.detail = QStringLiteral("SQLITE_BUSY at /srv/corkboard/db.cpp:42");
        p.errors
            = {{QStringLiteral("x"), QStringLiteral("weird"), QStringLiteral("stack trace here")}};
        const ApiError e = ApiError::fromProblem(p);
        QVERIFY(!ErrorPresenter::message(e).contains(QStringLiteral("SQLITE")));
        QVERIFY(ErrorPresenter::fieldMessages(e).isEmpty());
        ApiError unknown;
        unknown.status = 502;
        unknown.detail = QStringLiteral("<html>Bad gateway from nginx</html>");
        QCOMPARE(ErrorPresenter::message(unknown), ErrorPresenter::message(ErrorCode::Internal));
    }

    void rateLimitMentionsTheWait()
    {
        ApiError e;
        e.status = 429;
        e.code = ErrorCode::RateLimited;
        e.retryAfterSeconds = 7;
        QVERIFY(ErrorPresenter::message(e).contains(QStringLiteral("7")));
    }

    void fieldErrorsPerField()
    {
        ApiError e;
        e.status = 422;
        e.code = ErrorCode::ValidationFailed;
        e.fieldErrors
            = {{QStringLiteral("title"), QStringLiteral("too_long"), QStringLiteral("at most 200")},
                {QStringLiteral("title"), QStringLiteral("required"), QStringLiteral("x")},
                {QStringLiteral("email"), QStringLiteral("taken"), QStringLiteral("in use")},
                {QStringLiteral("due_at"), QStringLiteral("some_new_code"),
                    QStringLiteral("must be a date")}};
        const auto fields = ErrorPresenter::fieldMessages(e);
        QCOMPARE(fields.size(), 3);
        QCOMPARE(
            fields.value(QStringLiteral("title")), ErrorPresenter::fieldMessage(e.fieldErrors[0]));
        QVERIFY(fields.value(QStringLiteral("title")) != fields.value(QStringLiteral("email")));
        QCOMPARE(fields.value(QStringLiteral("due_at")), QStringLiteral("must be a date"));
        QCOMPARE(e.errorsFor(QStringLiteral("title")).size(), 2);
        // The rule is named with its number, in the reader's language.
        QCOMPARE(ErrorPresenter::fieldMessage({QStringLiteral("title"), QStringLiteral("too_long"),
                     QStringLiteral("must be at most 200 characters")}),
            QStringLiteral("at most 200 characters"));
        // Codes the server uses have their own text, not the server's English.
        for (const char *code : {"required", "too_long", "too_short", "invalid", "out_of_range",
                 "wrong_type", "invalid_type", "unknown_field", "unknown_column",
                 "invalid_characters", "limit_reached", "not_a_member"}) {
            const FieldError fe {
                QStringLiteral("f"), QString::fromLatin1(code), QStringLiteral("server text")};
            QVERIFY2(ErrorPresenter::fieldMessage(fe) != QStringLiteral("server text"), code);
        }
    }

    void messagesAreTranslatable()
    {
        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);
        for (ErrorCode code : allErrorCodes())
            QVERIFY(ErrorPresenter::message(code).startsWith(QStringLiteral("[xx] ")));
        for (auto kind : kNonHttpKinds)
            QVERIFY(ErrorPresenter::kindMessage(kind).startsWith(QStringLiteral("[xx] ")));
        QVERIFY(ErrorPresenter::fieldMessage(
            {QStringLiteral("f"), QStringLiteral("required"),
                {}}).startsWith(QStringLiteral("[xx] ")));
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(!ErrorPresenter::message(ErrorCode::NotFound).startsWith(QStringLiteral("[xx] ")));
    }
};

QTEST_GUILESS_MAIN(TestErrorPresenter)
#include "test_error_presenter.moc"
