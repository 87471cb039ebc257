#include "server/platform/tls_identity.h"

#include "server/platform/config.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSaveFile>

#include <memory>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace corkboard::tls_identity {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

[[noreturn]] void fail(const char *what)
{
    throw std::runtime_error(std::string("TLS certificate generation failed: ") + what);
}

void addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        fail("extension");
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}

QByteArray readFile(const QString &setting, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ConfigError(
            setting, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    return file.read(1024 * 1024);
}

void writePrivate(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error(
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    // Before the first byte: the key is never readable by anyone else, not even for a moment.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        throw std::runtime_error(
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
}

// A key that does not belong to the certificate fails every handshake: better said at start.
void checkPair(const QByteArray &certPem, const QByteArray &keyPem)
{
    Bio certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    Bio keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    X509Ptr cert(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!cert)
        throw ConfigError(
            QStringLiteral("CORKBOARD_TLS_CERT"), QStringLiteral("is not a PEM certificate"));
    // No passphrase callback: an encrypted key cannot be used unattended, say so.
    Pkey key(keyBio
            ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, const_cast<char *>(""))
            : nullptr);
    if (!key)
        throw ConfigError(QStringLiteral("CORKBOARD_TLS_KEY"),
            QStringLiteral("is not an unencrypted PEM private key"));
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        throw ConfigError(QStringLiteral("CORKBOARD_TLS_KEY"),
            QStringLiteral("does not belong to the certificate in CORKBOARD_TLS_CERT"));
}

} // namespace

QStringList localDnsNames()
{
    QStringList names;
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$"));
    const QString host = QHostInfo::localHostName();
    if (valid.match(host).hasMatch()) {
        names << host;
        if (!host.contains(QLatin1Char('.')))
            names << host + QStringLiteral(".local"); // what mDNS answers to
    }
    names << QStringLiteral("localhost");
    names.removeDuplicates();
    return names;
}

QList<QHostAddress> localAddresses()
{
    QList<QHostAddress> out;
    const auto all = QNetworkInterface::allAddresses();
    for (QHostAddress a : all) {
        a.setScopeId(QString());
        if (!out.contains(a))
            out << a;
    }
    return out;
}

TlsIdentity generateSelfSigned(const QString &commonName, const QStringList &dnsNames,
    const QList<QHostAddress> &addresses, int days)
{
    Pkey key(EVP_EC_gen("P-256"));
    if (!key)
        fail("key");
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        fail("certificate");
    Bignum serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        fail("serial number");
    // An hour back: a client whose clock is a little behind still accepts it.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400))
        fail("validity");
    if (X509_set_pubkey(cert.get(), key.get()) != 1)
        fail("public key");
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8().left(64);
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
            reinterpret_cast<const unsigned char *>("Corkboard"), -1, -1, 0)
            != 1
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0)
            != 1
        || X509_set_issuer_name(cert.get(), name) != 1)
        fail("name");
    QByteArrayList san;
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9.-]{1,253}$"));
    for (const QString &dns : dnsNames) {
        if (validName.match(dns).hasMatch()) // nothing that could change the extension's syntax
            san << "DNS:" + dns.toLatin1();
    }
    for (const QHostAddress &a : addresses) {
        if (!a.isNull())
            san << "IP:" + a.toString().toLatin1();
    }
    if (!san.isEmpty())
        addExtension(cert.get(), NID_subject_alt_name, san.join(','));
    addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    // No keyUsage: with one, OpenSSL would not take this self-signed certificate as its own
    // trust anchor when someone adds it to a system store (it would need keyCertSign).
    addExtension(cert.get(), NID_ext_key_usage, "serverAuth");
    addExtension(cert.get(), NID_subject_key_identifier, "hash");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        fail("signature");

    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        fail("PEM encoding");
    TlsIdentity identity;
    identity.certificatePem = bioBytes(certBio.get());
    identity.privateKeyPem = bioBytes(keyBio.get());
    identity.generated = true;
    return identity;
}

TlsIdentity load(const Config &config)
{
    if (!config.tlsCertFile.isEmpty() || !config.tlsKeyFile.isEmpty()) {
        if (config.tlsCertFile.isEmpty() || config.tlsKeyFile.isEmpty())
            throw ConfigError(QStringLiteral("CORKBOARD_TLS_CERT"),
                QStringLiteral("set both CORKBOARD_TLS_CERT and CORKBOARD_TLS_KEY, or neither"));
        TlsIdentity identity;
        identity.certificatePem
            = readFile(QStringLiteral("CORKBOARD_TLS_CERT"), config.tlsCertFile);
        identity.privateKeyPem = readFile(QStringLiteral("CORKBOARD_TLS_KEY"), config.tlsKeyFile);
        identity.certificatePath = config.tlsCertFile;
        checkPair(identity.certificatePem, identity.privateKeyPem);
        return identity;
    }
    const QDir dir(QDir(config.dataDir).filePath(QStringLiteral("tls")));
    QDir().mkpath(dir.path());
    QFile::setPermissions(
        dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    TlsIdentity identity;
    if (QFile::exists(certPath) && QFile::exists(keyPath)) {
        identity.certificatePem = readFile(QStringLiteral("tls/cert.pem"), certPath);
        identity.privateKeyPem = readFile(QStringLiteral("tls/key.pem"), keyPath);
    } else {
        const QStringList names = localDnsNames();
        identity = generateSelfSigned(names.first(), names, localAddresses(), 3650);
        writePrivate(keyPath, identity.privateKeyPem);
        writePrivate(certPath, identity.certificatePem);
    }
    identity.certificatePath = certPath;
    identity.generated = true;
    return identity;
}

} // namespace corkboard::tls_identity
