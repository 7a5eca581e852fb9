// Package backup writes a consistent copy of Hardcandy's SQLite database while the server runs,
// through SQLite's online backup API.
package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/hardcandy/hardcandy/database"
)

// driverName is the driver the database package registers: mattn/go-sqlite3 with the server's
// per-connection settings.
const driverName = database.SQLiteDriver

// busyRetries bounds how often a backup step that found the source or the copy locked is tried
// again. Each try has already waited out the busy timeout, so this is a last resort.
const busyRetries = 20

// busyPause is the pause between those tries.
const busyPause = 100 * time.Millisecond

// Result describes a finished backup.
type Result struct {
	// Source is the database file that was copied.
	Source string
	// Path is the absolute path of the copy.
	Path string
	// Pages is the number of database pages copied.
	Pages int
	// Bytes is the size of the copy.
	Bytes int64
	// Duration is the time from opening the source to the copy being in place.
	Duration time.Duration
}

// String is the line the backup command prints.
func (r Result) String() string {
	d := r.Duration.Round(time.Millisecond)
	if r.Duration < time.Millisecond {
		d = r.Duration.Round(time.Microsecond)
	}
	return fmt.Sprintf("backed up %s to %s (%d pages, %s) in %s", r.Source, r.Path, r.Pages, size(r.Bytes), d)
}

// size prints n bytes with a decimal unit, e.g. "500 KB" for 500,000 bytes.
func size(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	if v >= 10 {
		return fmt.Sprintf("%.0f %cB", v, "KMGTPE"[exp])
	}
	return fmt.Sprintf("%.1f %cB", v, "KMGTPE"[exp])
}

// SQLite copies the SQLite database srcDSN (a path or file: DSN, as given to the server) to
// destPath. The copy is a consistent snapshot even while the server writes, is written to a
// temporary file beside destPath and renamed over it only once complete, synced and verified,
// and is readable by its owner only: it holds credentials and token hashes.
//
// Postgres DSNs are refused with a pointer to pg_dump.
func SQLite(ctx context.Context, srcDSN, destPath string) (Result, error) {
	start := time.Now()
	if database.IsPostgres(srcDSN) {
		// The DSN is not repeated: it may carry a password.
		return Result{}, errors.New(`backup: the database is Postgres; back it up with the database's own tools, e.g. pg_dump --format=custom --file=hardcandy.dump "$HARDCANDY_DB"`)
	}
	src := database.SQLitePath(srcDSN)
	res := Result{Source: src}
	if destPath == "" {
		return res, errors.New("backup: no destination path")
	}
	dest, err := filepath.Abs(destPath)
	if err != nil {
		return res, fmt.Errorf("backup: destination %s: %w", destPath, err)
	}
	res.Path = dest
	if err := checkPaths(src, dest); err != nil {
		return res, err
	}

	// The temporary file is created here, 0600, so that SQLite writes into a file only the owner
	// can read, and the journal it creates beside it gets the same mode.
	tmpFile, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return res, fmt.Errorf("backup: create the copy beside %s: %w", dest, err)
	}
	tmp := tmpFile.Name()
	if err := tmpFile.Close(); err != nil {
		removeDB(tmp)
		return res, fmt.Errorf("backup: create %s: %w", tmp, err)
	}
	done := false
	defer func() {
		if !done {
			removeDB(tmp)
		}
	}()

	pages, err := copyDB(ctx, srcDSN, tmp)
	if err != nil {
		return res, err
	}
	res.Pages = pages
	if err := verify(ctx, tmp); err != nil {
		return res, err
	}
	if err := syncFile(tmp); err != nil {
		return res, fmt.Errorf("backup: sync %s: %w", tmp, err)
	}
	fi, err := os.Stat(tmp)
	if err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	res.Bytes = fi.Size()
	if err := os.Rename(tmp, dest); err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	done = true
	// Make the rename itself durable. Some file systems cannot sync a directory; the copy is in
	// place either way.
	if d, err := os.Open(filepath.Dir(dest)); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	res.Duration = time.Since(start)
	return res, nil
}

// checkPaths refuses a missing source, a destination that is a directory, and a destination that
// is the source or one of its sidecar files: renaming the copy over those would destroy the
// live database.
func checkPaths(src, dest string) error {
	srcInfo, err := os.Stat(src)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("backup: no SQLite database at %s (set --db or $HARDCANDY_DB)", src)
	case err != nil:
		return fmt.Errorf("backup: source: %w", err)
	case srcInfo.IsDir():
		return fmt.Errorf("backup: source %s is a directory, not a SQLite database", src)
	}
	destInfo, err := os.Stat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		destInfo = nil
	case err != nil:
		return fmt.Errorf("backup: destination: %w", err)
	case destInfo.IsDir():
		return fmt.Errorf("backup: %s is a directory; give the path of the file to write", dest)
	}
	srcAbs, err := filepath.Abs(src)
	if err != nil {
		return fmt.Errorf("backup: source %s: %w", src, err)
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		p := srcAbs + suffix
		same := filepath.Clean(p) == dest
		if !same && destInfo != nil {
			if fi, err := os.Stat(p); err == nil && os.SameFile(fi, destInfo) {
				same = true
			}
		}
		if same {
			return fmt.Errorf("backup: %s is the database being backed up (%s); write the copy somewhere else", dest, filepath.Base(p))
		}
	}
	return nil
}

// sourceDSN is the server's DSN for srcDSN, with mode=rw so that a missing file is an error
// instead of a new empty database (and SQLite falls back to read-only for a write-protected
// file). It is not mode=ro: a read-only connection to an idle WAL database creates the -wal and
// -shm files and cannot remove them again. The connection never writes. The journal mode setting
// is dropped so that a backup never switches the source's mode: WAL is recorded in the file by
// the server.
func sourceDSN(srcDSN string) string {
	full := database.SQLiteDSN(srcDSN)
	path, query, _ := strings.Cut(strings.TrimPrefix(full, "file:"), "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		q = url.Values{}
	}
	q.Del("_journal_mode")
	q.Set("mode", "rw")
	return "file:" + path + "?" + q.Encode()
}

// fileURI turns a file path into a SQLite URI, escaping the characters URIs give meaning to.
func fileURI(path string, q url.Values) string {
	path = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + path + "?" + q.Encode()
}

// copyDB copies the source database into the empty file tmp and returns the number of pages.
func copyDB(ctx context.Context, srcDSN, tmp string) (int, error) {
	srcDB, err := sql.Open(driverName, sourceDSN(srcDSN))
	if err != nil {
		return 0, fmt.Errorf("backup: open source: %w", err)
	}
	defer srcDB.Close()
	srcConn, err := srcDB.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("backup: open source %s: %w", database.SQLitePath(srcDSN), err)
	}
	defer srcConn.Close()

	// The copy is written in rollback-journal mode with full syncs: it has a single writer (this
	// function), and a copy that is one self-contained file is what an operator expects to move.
	destDB, err := sql.Open(driverName, fileURI(tmp, url.Values{
		"_journal_mode": {"DELETE"}, "_synchronous": {"FULL"}, "_busy_timeout": {"10000"},
	}))
	if err != nil {
		return 0, fmt.Errorf("backup: open copy: %w", err)
	}
	defer destDB.Close()
	destConn, err := destDB.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("backup: open copy %s: %w", tmp, err)
	}
	defer destConn.Close()

	var pages int
	err = srcConn.Raw(func(s any) error {
		src, ok := s.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("source connection is %T, not SQLite", s)
		}
		return destConn.Raw(func(d any) error {
			dst, ok := d.(*sqlite3.SQLiteConn)
			if !ok {
				return fmt.Errorf("copy connection is %T, not SQLite", d)
			}
			var err error
			pages, err = step(ctx, dst, src)
			return err
		})
	})
	if err != nil {
		return 0, fmt.Errorf("backup: copy %s: %w", database.SQLitePath(srcDSN), err)
	}

	// The copied header still says WAL (the source's mode): switch the copy to a rollback
	// journal, which rewrites the header, so the copy never needs -wal or -shm files beside it.
	// The server switches it back to WAL when it opens it.
	var mode string
	if err := destConn.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return 0, fmt.Errorf("backup: finish copy: %w", err)
	}
	if !strings.EqualFold(mode, "delete") {
		return 0, fmt.Errorf("backup: finish copy: journal mode is %q, not delete", mode)
	}
	if err := destConn.Close(); err != nil {
		return 0, fmt.Errorf("backup: close copy: %w", err)
	}
	if err := destDB.Close(); err != nil {
		return 0, fmt.Errorf("backup: close copy: %w", err)
	}
	return pages, nil
}

// step runs the backup from src into dst.
//
// The whole database is copied in one Step(-1). Stepping a few pages at a time would release the
// source read transaction between steps, and SQLite restarts a backup from the first page
// whenever another connection (here: the server) writes to the source in between, so on a busy
// server a stepwise backup may never finish, and it only ever converges on the last state
// anyway. One Step(-1) holds a single read transaction for the whole copy: in WAL mode that is a
// consistent snapshot of the last commit before the step began, and it does not block the
// server's writers (they append to the WAL; checkpoints just cannot go past the snapshot until
// the copy is done). The cost is that the copy cannot be cancelled midway; it runs at the speed
// of a file copy.
func step(ctx context.Context, dst, src *sqlite3.SQLiteConn) (int, error) {
	b, err := dst.Backup("main", src, "main")
	if err != nil {
		return 0, err
	}
	for try := 0; ; try++ {
		done, err := b.Step(-1)
		if err != nil {
			_ = b.Close()
			return 0, err
		}
		if done {
			pages := b.PageCount()
			return pages, b.Close()
		}
		// Step reports SQLITE_BUSY and SQLITE_LOCKED as not done without an error: a lock was
		// held beyond the busy timeout. Nothing was copied; try again a few times.
		if try >= busyRetries {
			_ = b.Close()
			return 0, errors.New("the database stayed locked; try again")
		}
		select {
		case <-ctx.Done():
			_ = b.Close()
			return 0, ctx.Err()
		case <-time.After(busyPause):
		}
	}
}

// verify runs SQLite's integrity check on the copy through a fresh read-only connection, so it
// reads what was written to the file.
func verify(ctx context.Context, path string) error {
	db, err := sql.Open(driverName, fileURI(path, url.Values{"mode": {"ro"}}))
	if err != nil {
		return fmt.Errorf("backup: verify copy: %w", err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("backup: verify copy: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("backup: verify copy: %w", err)
		}
		problems = append(problems, line)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("backup: verify copy: %w", err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		if len(problems) > 5 {
			problems = append(problems[:5], "...")
		}
		return fmt.Errorf("backup: the copy failed its integrity check, so it was removed: %s", strings.Join(problems, "; "))
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("backup: verify copy: %w", err)
	}
	return db.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// removeDB removes a partial copy and any journal SQLite left beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		_ = os.Remove(path + suffix)
	}
}
