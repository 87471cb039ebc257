#pragma once

#include <QHash>
#include <QString>

#include <utility>

namespace corkboard {

//! A bucket's key with its hash worked out once: a connection's key serves every request on it,
//! and hashing and comparing the text was most of what a request's rate check cost.
class RateKey
{
public:
    RateKey() = default;
    explicit RateKey(QString text)
        : m_text(std::move(text))
        , m_hash(qHash(m_text, QHashSeed::globalSeed()))
    {
    }
    const QString &text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    size_t hash() const { return m_hash; }

    friend bool operator==(const RateKey &a, const RateKey &b)
    {
        // The same connection's key shares its text with the bucket's: no character compared.
        return a.m_hash == b.m_hash
            && (a.m_text.constData() == b.m_text.constData() || a.m_text == b.m_text);
    }
    friend size_t qHash(const RateKey &key, size_t = 0) noexcept { return key.m_hash; }

private:
    QString m_text;
    size_t m_hash = 0;
};

} // namespace corkboard
