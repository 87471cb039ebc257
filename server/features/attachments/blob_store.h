#pragma once

#include <QIODevice>
#include <QString>
#include <memory>

namespace corkboard {

//! Where attachment bytes live, addressed by their SHA-256 (hex): the same content is stored
//! once. Reference counts are the database's (blobs.refs); the store only holds bytes. An object
//! store can plug in behind this later. Implementations are thread-safe.
class BlobStore
{
public:
    virtual ~BlobStore() = default;
    //! Takes a finished file from stagingDir() as the content `sha256`: moved into the store, or
    //! dropped when that content is already there. False when it cannot be stored.
    virtual bool put(const QString &stagedPath, const QString &sha256) = 0;
    //! The content for reading; null when it is not stored.
    virtual std::unique_ptr<QIODevice> open(const QString &sha256) const = 0;
    virtual bool contains(const QString &sha256) const = 0;
    //! Removes the content (no-op when absent).
    virtual void remove(const QString &sha256) = 0;
    //! A private folder on the store's file system for bodies being received.
    virtual QString stagingDir() const = 0;
};

//! The blob store on disk: <data dir>/blobs/ab/abcdef… (folders 0700, files 0600), staging in
//! <data dir>/uploads.
class DiskBlobStore : public BlobStore
{
public:
    explicit DiskBlobStore(const QString &dataDir);
    bool put(const QString &stagedPath, const QString &sha256) override;
    std::unique_ptr<QIODevice> open(const QString &sha256) const override;
    bool contains(const QString &sha256) const override;
    void remove(const QString &sha256) override;
    QString stagingDir() const override { return m_staging; }

    //! True for 64 lower-case hex digits (what the store accepts as a name).
    static bool isValidName(const QString &sha256);

private:
    QString pathOf(const QString &sha256) const;
    QString m_root;
    QString m_staging;
};

} // namespace corkboard
