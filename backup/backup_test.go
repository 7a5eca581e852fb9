package backup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/costcenter"
)

// openSQL opens path with the server's driver and settings (WAL, busy timeout, immediate
// transactions).
func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3_hardcandy", database.SQLiteDSN(path))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// newLedger creates a ledger database at path: entries are written two per transaction, and the
// single totals row is updated in the same transaction, so a torn copy shows as an odd count or
// sums that disagree. pad makes rows big enough that the database spans many pages.
func newLedger(t *testing.T, path string, seed int) *sql.DB {
	t.Helper()
	db := openSQL(t, path)
	ctx := context.Background()
	for _, stmt := range []string{
		`CREATE TABLE entries (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, pad BLOB NOT NULL)`,
		`CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL, total INTEGER NOT NULL)`,
		`INSERT INTO totals (id, n, total) VALUES (1, 0, 0)`,
	} {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err)
	}
	for i := 1; i <= seed; i++ {
		require.NoError(t, insertPair(ctx, db, int64(i)))
	}
	return db
}

// insertPair adds entries a and 2a and 3a to the total, in one transaction.
func insertPair(ctx context.Context, db *sql.DB, a int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	pad := bytes.Repeat([]byte{byte(a)}, 300)
	for _, amount := range []int64{a, 2 * a} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entries (amount, pad) VALUES (?, ?)`, amount, pad); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE totals SET n = n + 2, total = total + ? WHERE id = 1`, 3*a); err != nil {
		return err
	}
	return tx.Commit()
}

// ledgerState checks a copy of a ledger: the integrity check passes and the entries agree with
// the totals. It returns the number of entries.
func ledgerState(t *testing.T, path string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite3_hardcandy", "file:"+path+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	var check string
	require.NoError(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&check))
	require.Equal(t, "ok", check)
	var count, sum, n, total int64
	require.NoError(t, db.QueryRow(`SELECT count(*), coalesce(sum(amount), 0) FROM entries`).Scan(&count, &sum))
	require.NoError(t, db.QueryRow(`SELECT n, total FROM totals WHERE id = 1`).Scan(&n, &total))
	require.Zero(t, count%2, "entries come in pairs")
	require.Equal(t, n, count, "the totals row counts the entries")
	require.Equal(t, total, sum, "the totals row sums the entries")
	return count
}

// siblings lists the names in dir other than keep.
func siblings(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		name := e.Name()
		kept := false
		for _, k := range keep {
			kept = kept || name == k
		}
		if !kept {
			out = append(out, name)
		}
	}
	return out
}

func TestBackupIsConsistentWhileWriting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srcDir, destDir := t.TempDir(), t.TempDir()
	src := filepath.Join(srcDir, "src.db")
	db := newLedger(t, src, 500)

	var commits atomic.Int64
	stop := make(chan struct{})
	writeErr := make(chan error, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for a := int64(1000); ; a++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := insertPair(ctx, db, a); err != nil {
				writeErr <- err
				return
			}
			commits.Add(1)
		}
	}()

	dest := filepath.Join(destDir, "copy.db")
	seen := map[int64]bool{}
	for i := range 12 {
		// Let the writer get ahead between backups, so every copy is taken mid-stream.
		before := commits.Load()
		require.Eventually(t, func() bool { return commits.Load() > before+5 || len(writeErr) > 0 },
			time.Minute, time.Millisecond)
		res, err := SQLite(ctx, src, dest)
		require.NoError(t, err, "backup %d", i)
		require.Equal(t, dest, res.Path)
		require.Positive(t, res.Pages)
		fi, err := os.Stat(dest)
		require.NoError(t, err)
		require.Equal(t, fi.Size(), res.Bytes)
		require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
		seen[ledgerState(t, dest)] = true
	}
	close(stop)
	wg.Wait()
	close(writeErr)
	require.NoError(t, <-writeErr)
	require.Greater(t, len(seen), 1, "the copies were taken at different points of the write stream")
	require.Empty(t, siblings(t, destDir, "copy.db"), "no temporary files or journals are left beside the copy")
	require.Equal(t, commits.Load()*2+1000, ledgerState(t, src), "the source kept every write")
}

func TestBackupRefuses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		// paths returns the source DSN and the destination, given the directory and the path of
		// a ledger database in it.
		paths   func(t *testing.T, dir, src string) (string, string)
		wantErr []string
	}{
		{
			name: "postgres",
			paths: func(_ *testing.T, dir, _ string) (string, string) {
				return "postgres://hc:s3cret@db.example.com/hardcandy", filepath.Join(dir, "copy.db")
			},
			wantErr: []string{"Postgres", "pg_dump --format=custom"},
		},
		{
			name: "postgresql",
			paths: func(_ *testing.T, dir, _ string) (string, string) {
				return "postgresql://hc:s3cret@db.example.com/hardcandy?sslmode=require", filepath.Join(dir, "copy.db")
			},
			wantErr: []string{"pg_dump"},
		},
		{
			name:    "destination is the source",
			paths:   func(_ *testing.T, _, src string) (string, string) { return src, src },
			wantErr: []string{"is the database being backed up"},
		},
		{
			name: "destination is the source by another path",
			paths: func(t *testing.T, dir, src string) (string, string) {
				require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o700))
				return "file:" + src + "?_fk=1", filepath.Join(dir, "sub", "..", filepath.Base(src))
			},
			wantErr: []string{"is the database being backed up"},
		},
		{
			name: "destination is a hard link to the source",
			paths: func(t *testing.T, dir, src string) (string, string) {
				link := filepath.Join(dir, "link.db")
				require.NoError(t, os.Link(src, link))
				return src, link
			},
			wantErr: []string{"is the database being backed up"},
		},
		{
			name:    "destination is the source's write-ahead log",
			paths:   func(_ *testing.T, _, src string) (string, string) { return src, src + "-wal" },
			wantErr: []string{"is the database being backed up", "src.db-wal"},
		},
		{
			name:    "destination is a directory",
			paths:   func(_ *testing.T, dir, src string) (string, string) { return src, dir },
			wantErr: []string{"is a directory"},
		},
		{
			name: "destination directory is missing",
			paths: func(_ *testing.T, dir, src string) (string, string) {
				return src, filepath.Join(dir, "nope", "copy.db")
			},
			wantErr: []string{"nope"},
		},
		{
			name:    "destination is empty",
			paths:   func(_ *testing.T, _, src string) (string, string) { return src, "" },
			wantErr: []string{"no destination"},
		},
		{
			name: "source is missing",
			paths: func(_ *testing.T, dir, _ string) (string, string) {
				return filepath.Join(dir, "missing.db"), filepath.Join(dir, "copy.db")
			},
			wantErr: []string{"no SQLite database at", "missing.db"},
		},
		{
			name: "source DSN names a missing file",
			paths: func(_ *testing.T, dir, _ string) (string, string) {
				return "file:" + filepath.Join(dir, "missing.db") + "?_busy_timeout=1", filepath.Join(dir, "copy.db")
			},
			wantErr: []string{"no SQLite database at", "missing.db"},
		},
		{
			name:    "source is a directory",
			paths:   func(_ *testing.T, dir, _ string) (string, string) { return dir, filepath.Join(dir, "copy.db") },
			wantErr: []string{"is a directory, not a SQLite database"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			src := filepath.Join(dir, "src.db")
			require.NoError(t, newLedger(t, src, 20).Close())
			srcSum := fileSum(t, src)
			before := siblings(t, dir)

			srcDSN, dest := tc.paths(t, dir, src)
			created := siblings(t, dir)
			_, err := SQLite(context.Background(), srcDSN, dest)
			require.Error(t, err)
			for _, want := range tc.wantErr {
				require.ErrorContains(t, err, want)
			}
			require.NotContains(t, err.Error(), "s3cret", "the password is not repeated")

			require.Equal(t, created, siblings(t, dir), "nothing was created or removed (before the case: %v)", before)
			require.Equal(t, srcSum, fileSum(t, src), "the source is untouched")
			require.Equal(t, int64(40), ledgerState(t, src))
		})
	}
}

func fileSum(t *testing.T, path string) [sha256.Size]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

// TestBackupOpensWithTheServerSchema backs up a database made by the server's own Open and
// migration, and opens the copy the same way.
func TestBackupOpensWithTheServerSchema(t *testing.T) {
	t.Parallel()
	ctx := database.System(context.Background())
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "hardcandy.db"), filepath.Join(dir, "backups", "hardcandy-copy.db")
	require.NoError(t, os.Mkdir(filepath.Dir(dest), 0o700))
	// An older backup is replaced.
	require.NoError(t, os.WriteFile(dest, []byte("yesterday"), 0o644))

	st, err := database.Open(ctx, src, database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Client.CostCenter.Create().SetCode("OPS").SetName("Operations").Save(ctx)
	require.NoError(t, err)

	// The store stays open, as the server's would.
	res, err := SQLite(ctx, src, dest)
	require.NoError(t, err)
	require.Equal(t, src, res.Source)
	require.Regexp(t, `^backed up .*hardcandy\.db to .*hardcandy-copy\.db \(\d+ pages, \d+(\.\d)? [KM]B\) in \S+$`, res.String())
	fi, err := os.Stat(dest)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	require.Empty(t, siblings(t, filepath.Dir(dest), filepath.Base(dest)), "the copy is one self-contained file")
	header, err := os.ReadFile(dest)
	require.NoError(t, err)
	require.Equal(t, []byte{1, 1}, header[18:20], "the copy is in rollback-journal mode: it needs no -wal beside it")

	_, err = st.Client.CostCenter.Create().SetCode("LATE").SetName("After the backup").Save(ctx)
	require.NoError(t, err)

	cp, err := database.Open(ctx, dest, database.Options{Migrate: true})
	require.NoError(t, err)
	defer cp.Close()
	cc, err := cp.Client.CostCenter.Query().Where(costcenter.Code("OPS")).Only(ctx)
	require.NoError(t, err)
	require.Equal(t, "Operations", cc.Name)
	n, err := cp.Client.CostCenter.Query().Count(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n, "the copy is the state at the backup")
	// The copy takes writes like any database.
	_, err = cp.Client.CostCenter.Create().SetCode("NEW").SetName("In the copy").Save(ctx)
	require.NoError(t, err)
}

// TestBackupOfIdleDatabase copies a WAL database no server has open: the backup leaves nothing
// beside it.
func TestBackupOfIdleDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "idle.db")
	require.NoError(t, newLedger(t, src, 10).Close())
	require.Equal(t, []string{"idle.db"}, siblings(t, dir))
	sum := fileSum(t, src)

	_, err := SQLite(context.Background(), src, filepath.Join(dir, "copy.db"))
	require.NoError(t, err)
	require.Equal(t, []string{"copy.db", "idle.db"}, siblings(t, dir))
	require.Equal(t, sum, fileSum(t, src))
	require.Equal(t, int64(20), ledgerState(t, filepath.Join(dir, "copy.db")))
}

// TestBackupOfRollbackJournalDatabase copies a database that is not in WAL mode, as a file made
// by other tools might be, without switching the source to WAL.
func TestBackupOfRollbackJournalDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "plain.db")
	db, err := sql.Open("sqlite3_hardcandy", "file:"+src+"?_journal_mode=DELETE")
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	dest := filepath.Join(dir, "copy.db")
	_, err = SQLite(context.Background(), src, dest)
	require.NoError(t, err)

	for _, path := range []string{src, dest} {
		db, err := sql.Open("sqlite3_hardcandy", "file:"+path+"?mode=ro")
		require.NoError(t, err)
		var mode, v string
		require.NoError(t, db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
		require.NoError(t, db.QueryRow(`SELECT v FROM t`).Scan(&v))
		require.NoError(t, db.Close())
		require.Equal(t, "delete", mode, path)
		require.Equal(t, "x", v)
	}
}

func TestResultString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		bytes int64
		d     time.Duration
		want  string
	}{
		{512, 340 * time.Microsecond, "(1 pages, 512 B) in 340µs"},
		{4_096, 12 * time.Millisecond, "(1 pages, 4.1 KB) in 12ms"},
		{500_000, 1500 * time.Millisecond, "(1 pages, 500 KB) in 1.5s"},
		{123_456_789, 2 * time.Second, "(1 pages, 123 MB) in 2s"},
	} {
		got := Result{Source: "hardcandy.db", Path: "/b/x.db", Pages: 1, Bytes: tc.bytes, Duration: tc.d}.String()
		require.Equal(t, "backed up hardcandy.db to /b/x.db "+tc.want, got)
		require.False(t, strings.Contains(got, "\n"))
	}
}
