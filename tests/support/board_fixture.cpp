#include "tests/support/board_fixture.h"

#include "server/platform/app_error.h"

#include "server/platform/crypto.h"
#include "server/platform/log.h"
#include "server/platform/migrator.h"
#include "shared/time_format.h"
#include "tests/support/test_database.h"

#include <QSqlQuery>
#include <QUuid>

namespace corkboard::test {

ErrorCode codeOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const AppError &e) {
        return e.code();
    }
    return ErrorCode::Internal;
}

CardInput cardIn(const QString &column, const QString &title)
{
    CardInput in;
    in.columnId = column;
    in.title = title;
    return in;
}

BoardFixture::BoardFixture()
    : m_clock(QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC))
{
    crypto::initialize();
    logging::install(logging::Format::Text, QStringLiteral("warning"));
    m_config.dataDir = m_dir.path();
    m_config.databaseUrl
        = QStringLiteral("sqlite:") + m_dir.path() + QStringLiteral("/corkboard.db");
    useTestDatabase(m_config);
    m_db = std::make_unique<Database>(
        m_config, QStringLiteral("fixture-") + QUuid::createUuid().toString());
    Migrator(*m_db).up();
}

BoardFixture::~BoardFixture() = default;

QString BoardFixture::addUser(const QString &displayName, const QString &role)
{
    const QString id = crypto::newId();
    SqlQuery q(*m_db,
        QStringLiteral(
            "INSERT INTO users (id, email, email_normalized, display_name, password_hash, role, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, 'x', ?, ?, ?)"));
    const QString email = id + QStringLiteral("@example.test");
    const QString now = toRfc3339(m_clock.now());
    q.bind(0, id)
        .bind(1, email)
        .bind(2, email)
        .bind(3, displayName)
        .bind(4, role)
        .bind(5, now)
        .bind(6, now)
        .exec();
    return id;
}

std::unique_ptr<Database> BoardFixture::openConnection(const QString &name)
{
    return std::make_unique<Database>(m_config, name + QUuid::createUuid().toString());
}

qint64 BoardFixture::scalar(const QString &sql)
{
    QSqlQuery q(m_db->handle());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace corkboard::test
