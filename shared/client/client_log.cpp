#include "shared/client/client_log.h"

Q_LOGGING_CATEGORY(lcClientHttp, "corkboard.client.http")
Q_LOGGING_CATEGORY(lcClientSession, "corkboard.client.session")
Q_LOGGING_CATEGORY(lcClientWs, "corkboard.client.ws")
Q_LOGGING_CATEGORY(lcClientKeychain, "corkboard.client.keychain")
