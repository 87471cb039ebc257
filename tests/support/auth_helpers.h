#pragma once

#include "tests/support/test_server.h"

#include <QString>

namespace corkboard::test {

//! A signed-in account made for a test.
struct RegisteredUser
{
    QString userId;
    QString accessToken;
    QString refreshToken;
    QString role;
};

//! Registers an account on the server and signs it in. The first call on a fresh server makes
//! the admin; later calls use an invite issued with that admin's token, so they work whether or
//! not the server has open registration. Fails the running test (and returns an empty struct)
//! when the server refuses.
RegisteredUser registerUser(TestServer &server, const QString &email,
    const QString &password = QStringLiteral("correct horse battery"),
    const QString &displayName = QStringLiteral("Test User"));

//! Signs an existing account in; empty struct (and a failed test) on refusal.
RegisteredUser loginUser(TestServer &server, const QString &email,
    const QString &password = QStringLiteral("correct horse battery"));

} // namespace corkboard::test
