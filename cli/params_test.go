package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseParams(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	require.NoError(t, os.MkdirAll(filepath.Join(home, ".ssh"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(home, ".ssh", "id.pub"), []byte("ssh-ed25519 AAAA me@host\n"), 0o600))

	got, err := parseParams([]string{"image=ubuntu-24.04", "ssh_key=@~/.ssh/id.pub", "note=@@literal", "empty="})
	require.NoError(t, err)
	require.Equal(t, []paramFlag{{"image", "ubuntu-24.04"}, {"ssh_key", "ssh-ed25519 AAAA me@host"}, {"note", "@literal"}, {"empty", ""}}, got)

	for _, bad := range []string{"noequals", "=x", "k=@" + filepath.Join(home, "missing")} {
		_, err := parseParams([]string{bad})
		var u UsageError
		require.ErrorAs(t, err, &u, bad)
	}
}

func TestParamsToLines(t *testing.T) {
	t.Parallel()
	one := []LeaseLineInput{{Sku: ptrTo("4D.small"), Quantity: 2}}
	require.NoError(t, paramsToLines([]paramFlag{{"image", "debian-12"}}, one))
	require.Equal(t, []ParameterValueInput{{Name: "image", Value: "debian-12"}}, one[0].Parameters, "one line takes every parameter")

	two := []LeaseLineInput{{Sku: ptrTo("4D.small"), Quantity: 1}, {Sku: ptrTo("4E.lab3"), Quantity: 1}}
	require.NoError(t, paramsToLines([]paramFlag{{"4D.small.image", "rocky-9"}, {"4E.lab3.4D.small.image", "debian-12"}}, two))
	require.Equal(t, []ParameterValueInput{{Name: "image", Value: "rocky-9"}}, two[0].Parameters)
	require.Equal(t, []ParameterValueInput{{Name: "4D.small.image", Value: "debian-12"}}, two[1].Parameters, "a bundle's line keeps the component's prefix")

	err := paramsToLines([]paramFlag{{"image", "x"}}, []LeaseLineInput{{Sku: ptrTo("4D.small")}, {Sku: ptrTo("3A.small")}})
	require.ErrorContains(t, err, "name the line's SKU first, e.g. --param 4D.small.image=")
}
