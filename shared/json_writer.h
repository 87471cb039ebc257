#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

namespace corkboard {

//! Streams JSON straight into a QByteArray, without QJsonObject/QVariant on hot paths.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    //! An object key; must be a plain ASCII literal (keys are never user text).
    JsonWriter &key(const char *name);

    JsonWriter &value(QStringView text);
    JsonWriter &value(const QString &text) { return value(QStringView(text)); }
    JsonWriter &value(const char *latin1Literal);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(double number);
    JsonWriter &value(bool flag);
    JsonWriter &null();
    //! A string, or null when the text is null (QString()).
    JsonWriter &nullableValue(const QString &text);
    //! Already-encoded JSON, inserted as one value.
    JsonWriter &raw(const QByteArray &json);

    template<typename T>
    JsonWriter &field(const char *name, const T &v)
    {
        key(name);
        return value(v);
    }

    QByteArray take() { return std::move(m_out); }
    const QByteArray &data() const { return m_out; }

    static void appendEscaped(QByteArray &out, QStringView text);

private:
    void separate();

    QByteArray m_out;
    QVarLengthArray<bool, 16> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace corkboard
