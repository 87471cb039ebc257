#pragma once

#include <QFile>
#include <QIODevice>
#include <algorithm>

namespace corkboard::client {

//! A read-only window [offset, offset + length) of a file, read from disk as it is consumed (the
//! body of one tus PATCH).
class FileSlice : public QIODevice
{
public:
    FileSlice(const QString &path, qint64 offset, qint64 length, QObject *parent = nullptr)
        : QIODevice(parent)
        , m_file(path)
        , m_offset(offset)
        , m_length(length)
    {
    }

    bool open(OpenMode mode) override
    {
        if ((mode & WriteOnly) || !m_file.open(QIODevice::ReadOnly)
            || m_file.size() < m_offset + m_length)
            return false;
        return QIODevice::open(mode);
    }
    void close() override
    {
        m_file.close();
        QIODevice::close();
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 left = m_length - pos();
        if (left <= 0)
            return 0;
        if (!m_file.seek(m_offset + pos()))
            return -1;
        return m_file.read(data, std::min(maxSize, left));
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace corkboard::client
