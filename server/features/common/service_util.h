#pragma once

#include "server/platform/app_error.h"
#include "server/platform/database.h"
#include "server/platform/sql_dialect.h"
#include "shared/json_writer.h"

#include <QJsonDocument>
#include <optional>

namespace corkboard {

//! Encodes any DTO that has a writeJson overload.
template<typename T>
QByteArray encodeJson(const T &value)
{
    JsonWriter w(512);
    writeJson(w, value);
    return w.take();
}

//! If-Match check: throws 412 PRECONDITION_FAILED with the current resource when the expected
//! version (nullopt: no precondition) differs from the stored one.
template<typename T>
void requireVersion(const std::optional<qint64> &expected, qint64 current, const T &resource)
{
    if (!expected || *expected == current)
        return;
    throw AppError(
        ErrorCode::PreconditionFailed, QStringLiteral("the resource was changed by someone else"))
        .withExtra(
            QStringLiteral("current"), QJsonDocument::fromJson(encodeJson(resource)).object());
}

//! A deferred read transaction so multi-statement reads see one consistent snapshot
//! (WAL readers never block writers). Joins an enclosing write transaction.
class ReadTransaction
{
public:
    explicit ReadTransaction(Database &db)
        : m_db(db)
    {
        if (!db.inTransaction())
            m_open = db.execControl(sql::beginRead(db));
    }
    ~ReadTransaction()
    {
        if (m_open) {
            try {
                m_db.execControl(QStringLiteral("COMMIT"));
            } catch (...) { // never from a destructor; a read transaction has nothing to lose
            }
        }
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace corkboard
