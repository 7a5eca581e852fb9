package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBackupCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db, dest := filepath.Join(dir, "hc.db"), filepath.Join(dir, "copy.db")
	_, err := runCLI(t, "user", "add", "erin", "--cost-center", "OPS", "--db", db)
	require.NoError(t, err)

	out, err := runCLI(t, "backup", dest, "--db", db)
	require.NoError(t, err)
	require.Regexp(t, `^backed up .*hc\.db to .*copy\.db \(\d+ pages, \d+(\.\d)? [KM]B\) in \S+\n$`, out)
	_, err = os.Stat(dest)
	require.NoError(t, err)
	// The copy is a working database: the operator commands run on it.
	_, err = runCLI(t, "token", "issue", "--user", "erin", "--db", dest)
	require.NoError(t, err)

	var ue usageError
	_, err = runCLI(t, "backup", "--db", db)
	require.ErrorAs(t, err, &ue)
	_, err = runCLI(t, "backup", dest, "extra", "--db", db)
	require.ErrorAs(t, err, &ue)
	_, err = runCLI(t, "backup", dest, "--db", "postgres://hc@localhost/hc")
	require.ErrorContains(t, err, "pg_dump")
}
