/* sihua-sqlite-locks.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-sqlite-locks"

/* F_OFD_SETLK and friends are GNU extensions of <fcntl.h>. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sihua-sqlite-locks.h"

/*
 * Why: SQLite's unix VFS locks with classic POSIX fcntl locks, which belong
 * to the pair (process, file). When any other code in the process opens and
 * closes the database file or its -shm (GIO sniffing a folder for a file
 * chooser, a thumbnailer, a copy), the kernel drops every lock the process
 * holds on that file. Another program (sihua-cli, the sqlite3 tool) then
 * believes it is the last user, checkpoints and deletes the -wal and -shm
 * under the running window, whose later commits go to a deleted file.
 *
 * What: the "open", "close" and "fcntl" system calls of the unix VFS are
 * replaced, once, before any connection is opened. SQLite's byte-range locks
 * (F_SETLK, F_SETLKW, F_GETLK) are taken as Linux open-file-description
 * locks (F_OFD_*) on one lock descriptor per inode that this file opens
 * itself, so it is an open file description of its own that no other code
 * knows of. Every other fcntl command passes through.
 *
 * What it guarantees:
 * - Closing any other descriptor of the file in this process, through any
 *   code, never releases SQLite's locks: OFD locks belong to the lock
 *   descriptor's open file description alone.
 * - They still conflict with other processes' classic POSIX locks (the
 *   sqlite3 tool, an older Sihua) and with their OFD locks, so the
 *   locking protocol between processes is SQLite's own.
 * - One lock descriptor per inode keeps true what SQLite's in-process lock
 *   bookkeeping assumes (per-process POSIX semantics shared by all its
 *   connections' descriptors): locks taken through any of SQLite's
 *   descriptors of a file never conflict with each other.
 * - Nothing leaks: SQLite's descriptors are counted per inode through the
 *   "open" and "close" hooks, and the lock descriptor is closed with the
 *   last of them. SQLite keeps a descriptor open while its file holds locks,
 *   so none are held then, exactly as with POSIX locks.
 * - The lock descriptor is close-on-exec: a child process never inherits it
 *   (an inherited OFD would keep the locks after Sihua ends).
 *
 * OFD and POSIX locks of the same process conflict with each other, so the
 * calls are replaced by a constructor before main() runs, before any
 * connection can exist; sihua_sqlite_locks_install() is called again by
 * every function of the core that opens a connection, for code that loads
 * the core in another way.
 *
 * The hooks also remember the path each descriptor was opened under, so the
 * store can find out which -wal file its connection writes to
 * (sihua_sqlite_locks_lookup_file()).
 */

#if defined(F_OFD_SETLK) && defined(F_OFD_SETLKW) && defined(F_OFD_GETLK)
#define HAVE_OFD_LOCKS 1
#endif

typedef int (*OpenFunc)  (const char *path, int flags, int mode);
typedef int (*CloseFunc) (int fd);
typedef int (*FcntlFunc) (int fd, int cmd, ...);

typedef struct
{
  dev_t  dev;
  ino_t  ino;
  char  *path;      /* the first path SQLite opened it under */
  int    lock_fd;   /* -1 until SQLite first locks it */
  guint  n_open;    /* SQLite's descriptors of this inode */
  guint  n_busy;    /* lock calls under way outside the mutex */
} InodeLocks;

typedef struct
{
  InodeLocks *inode;
  char       *path;
  guint64     serial;
} SqliteFd;

static GMutex      mutex;
static GHashTable *inodes;   /* InodeLocks → itself, by (dev, ino) */
static GHashTable *fds;      /* descriptor → SqliteFd */
static guint64     next_serial;
static gboolean    installed;

static OpenFunc  next_open;
static CloseFunc next_close;
static FcntlFunc next_fcntl;

static guint
inode_hash (gconstpointer key)
{
  const InodeLocks *inode = key;

  return (guint) inode->ino ^ (guint) (inode->ino >> 32) ^ (guint) inode->dev;
}

static gboolean
inode_equal (gconstpointer a,
             gconstpointer b)
{
  const InodeLocks *inode_a = a;
  const InodeLocks *inode_b = b;

  return inode_a->dev == inode_b->dev && inode_a->ino == inode_b->ino;
}

/* With the mutex held. */
static void
release_if_unused (InodeLocks *inode)
{
  if (inode->n_open > 0 || inode->n_busy > 0)
    return;

  g_hash_table_remove (inodes, inode);
  if (inode->lock_fd >= 0)
    close (inode->lock_fd);
  g_free (inode->path);
  g_free (inode);
}

/* With the mutex held. */
static void
forget_fd (int fd)
{
  SqliteFd *entry = NULL;

  if (!g_hash_table_steal_extended (fds, GINT_TO_POINTER (fd), NULL, (gpointer *) &entry))
    return;

  entry->inode->n_open--;
  release_if_unused (entry->inode);
  g_free (entry->path);
  g_free (entry);
}

/* With the mutex held. */
static void
remember_fd (int                fd,
             const char        *path,
             const struct stat *st)
{
  InodeLocks key = { .dev = st->st_dev, .ino = st->st_ino };
  InodeLocks *inode;
  SqliteFd *entry;

  /* A number SQLite gets again without having closed it through us was
   * closed behind its back; the old entry is stale. */
  forget_fd (fd);

  inode = g_hash_table_lookup (inodes, &key);
  if (inode == NULL)
    {
      inode = g_new0 (InodeLocks, 1);
      inode->dev = st->st_dev;
      inode->ino = st->st_ino;
      inode->path = g_strdup (path);
      inode->lock_fd = -1;
      g_hash_table_add (inodes, inode);
    }
  inode->n_open++;

  entry = g_new0 (SqliteFd, 1);
  entry->inode = inode;
  entry->path = g_strdup (path);
  entry->serial = ++next_serial;
  g_hash_table_insert (fds, GINT_TO_POINTER (fd), entry);
}

static int
hooked_open (const char *path,
             int         flags,
             int         mode)
{
  struct stat st;
  int fd = next_open (path, flags, mode);
  int saved_errno = errno;

  if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    {
      g_mutex_lock (&mutex);
      remember_fd (fd, path, &st);
      g_mutex_unlock (&mutex);
    }
  errno = saved_errno;

  return fd;
}

static int
hooked_close (int fd)
{
  g_mutex_lock (&mutex);
  forget_fd (fd);
  g_mutex_unlock (&mutex);

  return next_close (fd);
}

#ifdef HAVE_OFD_LOCKS

/* Opens @path again as a new open file description, for reading and
 * writing when allowed (a write lock needs a descriptor open for writing). */
static int
open_description (const char *path)
{
  int fd = open (path, O_RDWR | O_CLOEXEC | O_NOCTTY);

  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

  return fd;
}

/* With the mutex held. Reopens SQLite's descriptor through /proc (which
 * reaches the file even when it was renamed or deleted), or by the path it
 * was opened under when /proc is not mounted; either way only the very
 * inode SQLite has open is accepted. */
static int
open_lock_fd (int         sqlite_fd,
              InodeLocks *inode)
{
  char proc_path[64];
  struct stat st;
  int fd;

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", sqlite_fd);
  fd = open_description (proc_path);
  if (fd < 0 && inode->path != NULL)
    fd = open_description (inode->path);
  if (fd < 0)
    return -1;

  if (fstat (fd, &st) != 0 || st.st_dev != inode->dev || st.st_ino != inode->ino)
    {
      close (fd);
      errno = ENOLCK;
      return -1;
    }

  return fd;
}

static int
ofd_command (int cmd)
{
  switch (cmd)
    {
    case F_SETLK:
      return F_OFD_SETLK;
    case F_SETLKW:
      return F_OFD_SETLKW;
    case F_GETLK:
      return F_OFD_GETLK;
    default:
      return -1;
    }
}

static int
lock_through_description (int           fd,
                          int           cmd,
                          struct flock *lock)
{
  struct flock ofd_lock;
  SqliteFd *entry;
  InodeLocks *inode;
  int lock_fd;
  int saved_errno;
  int rc;

  g_mutex_lock (&mutex);
  entry = g_hash_table_lookup (fds, GINT_TO_POINTER (fd));
  if (entry == NULL)
    {
      /* Not a descriptor SQLite opened through us: leave it as it was. */
      g_mutex_unlock (&mutex);
      return next_fcntl (fd, cmd, lock);
    }
  inode = entry->inode;

  /* Nothing can be held before the first lock: nothing to release. */
  if (inode->lock_fd < 0 && cmd != F_GETLK && lock->l_type == F_UNLCK)
    {
      g_mutex_unlock (&mutex);
      return 0;
    }
  if (inode->lock_fd < 0)
    inode->lock_fd = open_lock_fd (fd, inode);
  if (inode->lock_fd < 0)
    {
      g_mutex_unlock (&mutex);
      errno = ENOLCK;
      return -1;
    }
  lock_fd = inode->lock_fd;
  inode->n_busy++;
  g_mutex_unlock (&mutex);

  /* SQLite leaves l_pid unset; OFD locks require it to be 0. */
  ofd_lock = *lock;
  ofd_lock.l_pid = 0;
  rc = next_fcntl (lock_fd, ofd_command (cmd), &ofd_lock);
  saved_errno = errno;
  if (rc == 0 && cmd == F_GETLK)
    *lock = ofd_lock;

  g_mutex_lock (&mutex);
  inode->n_busy--;
  release_if_unused (inode);
  g_mutex_unlock (&mutex);

  errno = saved_errno;
  return rc;
}

#endif /* HAVE_OFD_LOCKS */

static int
hooked_fcntl (int fd,
              int cmd,
              ...)
{
  va_list args;
  void *arg;

  /* As the C library does: every fcntl argument fits a pointer. */
  va_start (args, cmd);
  arg = va_arg (args, void *);
  va_end (args);

#ifdef HAVE_OFD_LOCKS
  if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK)
    return lock_through_description (fd, cmd, arg);
#endif

  return next_fcntl (fd, cmd, arg);
}

/**
 * sihua_sqlite_locks_install:
 *
 * Makes SQLite's locks in this process immune to other code closing a
 * descriptor of a database file (see the top of sihua-sqlite-locks.c).
 * Safe to call any number of times from any thread; the first call must
 * come before any SQLite connection is opened, which the constructor of
 * this file ensures for every program linking the core.
 */
void
sihua_sqlite_locks_install (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
#ifdef HAVE_OFD_LOCKS
      sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xSetSystemCall != NULL)
        {
          next_open = (OpenFunc) vfs->xGetSystemCall (vfs, "open");
          next_close = (CloseFunc) vfs->xGetSystemCall (vfs, "close");
          next_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
          inodes = g_hash_table_new (inode_hash, inode_equal);
          fds = g_hash_table_new (g_direct_hash, g_direct_equal);

          if (next_open != NULL && next_close != NULL && next_fcntl != NULL &&
              vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) hooked_open) == SQLITE_OK &&
              vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) hooked_close) == SQLITE_OK &&
              vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) hooked_fcntl) == SQLITE_OK)
            installed = TRUE;
          else
            g_warning ("Cannot protect SQLite's locks: the unix VFS refused a system call");
        }
#endif
      g_once_init_leave (&once, 1);
    }
}

/* Before main(), so no connection of this process ever uses classic locks
 * (they would conflict with the OFD locks of the same process). */
__attribute__ ((constructor)) static void
install_before_main (void)
{
  sihua_sqlite_locks_install ();
}

/**
 * sihua_sqlite_locks_are_installed:
 *
 * Returns: whether SQLite's locks are taken as OFD locks in this process
 */
gboolean
sihua_sqlite_locks_are_installed (void)
{
  sihua_sqlite_locks_install ();

  return installed;
}

/**
 * sihua_sqlite_locks_lookup_file:
 * @path: a file name exactly as SQLite opened it
 *   (sqlite3_db_filename(), sqlite3_filename_wal())
 * @dev: (out): the device of the file SQLite has open under @path
 * @ino: (out): its inode
 *
 * Finds the file SQLite most recently opened under @path and still has
 * open: what a connection writes to, even after the name was taken away
 * from it.
 *
 * Returns: whether SQLite has a descriptor open under @path
 */
gboolean
sihua_sqlite_locks_lookup_file (const char *path,
                                guint64    *dev,
                                guint64    *ino)
{
  SqliteFd *newest = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!sihua_sqlite_locks_are_installed ())
    return FALSE;

  g_mutex_lock (&mutex);
  g_hash_table_iter_init (&iter, fds);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SqliteFd *entry = value;

      if (g_str_equal (entry->path, path) && (newest == NULL || entry->serial > newest->serial))
        newest = entry;
    }
  if (newest != NULL)
    {
      *dev = (guint64) newest->inode->dev;
      *ino = (guint64) newest->inode->ino;
    }
  g_mutex_unlock (&mutex);

  return newest != NULL;
}

/**
 * sihua_sqlite_locks_count_lock_fds:
 *
 * For tests: how many lock descriptors are open now.
 *
 * Returns: the number of files SQLite holds (or held) a lock on and still
 *   has open
 */
guint
sihua_sqlite_locks_count_lock_fds (void)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  if (!sihua_sqlite_locks_are_installed ())
    return 0;

  g_mutex_lock (&mutex);
  g_hash_table_iter_init (&iter, inodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += ((InodeLocks *) key)->lock_fd >= 0;
  g_mutex_unlock (&mutex);

  return n;
}
