// ApiClient: requests the caller drives itself (streamed uploads and downloads, signed URLs).
#include "shared/client/api_client.h"

#include "shared/client/client_log.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslError>

namespace corkboard::client {

QNetworkRequest ApiClient::streamedRequest(const QString &target,
    const QList<QPair<QByteArray, QByteArray>> &headers, bool authenticated) const
{
    QUrl url = m_serverUrl;
    QString basePath = m_serverUrl.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const qsizetype q = target.indexOf(QLatin1Char('?'));
    url.setPath(basePath + (q < 0 ? target : target.left(q)));
    if (q >= 0)
        url.setQuery(target.mid(q + 1), QUrl::StrictMode);
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    req.setRawHeader(
        "X-Request-Id", "c-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    if (authenticated)
        req.setRawHeader("Authorization", "Bearer " + m_accessToken.toLatin1());
    return req;
}

void ApiClient::watchCertificate(QNetworkReply *reply)
{
    // As send() does: only certificates the system refuses get here and the pins decide.
    const std::shared_ptr<ServerTrust> trust = m_trust;
    const QUrl server = m_serverUrl;
    connect(reply, &QNetworkReply::sslErrors, reply,
        [reply, trust, server](const QList<QSslError> &errors) {
            const ServerTrust::Verdict verdict
                = trust->evaluate(server, reply->sslConfiguration().peerCertificate(), errors);
            if (verdict.accept)
                reply->ignoreSslErrors(errors);
        });
}

QNetworkReply *ApiClient::sendStreamed(const QByteArray &method, const QString &target,
    const QList<QPair<QByteArray, QByteArray>> &headers, QIODevice *body, bool authenticated)
{
    const QNetworkRequest req = streamedRequest(target, headers, authenticated);
    QNetworkReply *reply = body ? m_nam->sendCustomRequest(req, method, body)
                                : m_nam->sendCustomRequest(req, method);
    watchCertificate(reply);
    return reply;
}

QNetworkReply *ApiClient::sendMultipart(const QString &path, QHttpMultiPart *multipart)
{
    QNetworkRequest req
        = streamedRequest(path, {{"Accept", "application/json, application/problem+json"}}, true);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, "POST", multipart);
    watchCertificate(reply);
    return reply;
}

std::optional<ApiError> ApiClient::errorOf(QNetworkReply *reply, const QByteArray &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 200 && status < 300)
        return std::nullopt;
    if (status == 0) {
        const ApiError::Kind kind = reply->error() == QNetworkReply::SslHandshakeFailedError
            ? ApiError::Kind::Tls
            : reply->error() == QNetworkReply::TimeoutError ? ApiError::Kind::Timeout
                                                            : ApiError::Kind::Network;
        ApiError e = ApiError::transport(kind, reply->errorString());
        if (reply->error() != QNetworkReply::OperationCanceledError)
            setConnectivity(Connectivity::Offline);
        return e;
    }
    setConnectivity(Connectivity::Online);
    ApiError e;
    Problem p;
    if (Problem::fromJson(body, p)) {
        e = ApiError::fromProblem(p);
    } else {
        e.kind = ApiError::Kind::Http;
    }
    e.status = status;
    if (e.requestId.isEmpty())
        e.requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
    qCInfo(lcClientHttp) << "streamed" << reply->url().path() << e.logText();
    return e;
}

} // namespace corkboard::client
