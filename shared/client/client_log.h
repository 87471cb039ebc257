#pragma once

#include <QLoggingCategory>

// Every logging category of the client library, declared in one place. Never log tokens.
Q_DECLARE_LOGGING_CATEGORY(lcClientHttp)
Q_DECLARE_LOGGING_CATEGORY(lcClientSession)
Q_DECLARE_LOGGING_CATEGORY(lcClientWs)
Q_DECLARE_LOGGING_CATEGORY(lcClientKeychain)
