#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <functional>

namespace corkboard {

//! A streaming, strict multipart/form-data reader (RFC 7578 over RFC 2046): fed the body in
//! pieces of any size, it reports each part's headers and then its content in pieces, holding no
//! more than one piece plus a delimiter in memory. Hand-written because Qt has no server-side
//! multipart parser (QHttpMultiPart only builds bodies). Strict on purpose: the body must start
//! with the first delimiter, lines end in CRLF, part headers are at most 8 KiB, at most 16 parts,
//! and nothing but an optional CRLF may follow the closing delimiter. Pure (no I/O), fuzzable.
class MultipartParser
{
public:
    struct Part
    {
        QByteArray name; //!< the form field name (Content-Disposition name=)
        QString filename; //!< filename= (or filename*= in RFC 5987 form); empty when absent
        bool hasFilename = false;
        QByteArray contentType; //!< the part's Content-Type, lower case, no parameters
    };
    struct Handler
    {
        //! A part starts; false refuses it (the parse stops with that error).
        std::function<bool(const Part &part, QString *error)> begin;
        //! Content of the current part, in order; false stops the parse.
        std::function<bool(QByteArrayView bytes, QString *error)> data;
    };

    static constexpr int kMaxPartHeaderBytes = 8 * 1024;
    static constexpr int kMaxParts = 16;

    MultipartParser(QByteArray boundary, Handler handler);

    //! Feeds the next bytes of the body; false once the body is malformed (see error()).
    bool feed(QByteArrayView bytes);
    //! The body ended: true only when the closing delimiter was seen.
    bool finish();
    const QString &error() const { return m_error; }

    //! The boundary parameter of a multipart/form-data Content-Type (1–70 characters of the
    //! RFC 2046 set, quotes removed); empty when the type is not multipart/form-data or the
    //! boundary is missing or invalid.
    static QByteArray boundaryOf(QByteArrayView contentType);

private:
    enum class State
    {
        First, //!< expecting "--boundary" at the very start
        AfterDelimiter, //!< expecting CRLF (a part follows) or "--" (the end)
        Headers,
        Content,
        Epilogue,
        Done,
        Failed
    };
    bool fail(const QString &why);
    bool parseHeaders(QByteArrayView block, Part *part);
    bool step();

    QByteArray m_delimiter; //!< CRLF "--" boundary
    Handler m_handler;
    QByteArray m_buffer;
    State m_state = State::First;
    int m_parts = 0;
    QString m_error;
};

} // namespace corkboard
