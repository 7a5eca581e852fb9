package secret

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSealOpen(t *testing.T) {
	t.Parallel()
	k := make([]byte, KeySize)
	k[0] = 7
	b, err := New(k)
	require.NoError(t, err)
	s1, err := b.Seal([]byte(`{"ipmi_password":"x"}`))
	require.NoError(t, err)
	s2, err := b.Seal([]byte(`{"ipmi_password":"x"}`))
	require.NoError(t, err)
	require.NotEqual(t, s1, s2, "a fresh nonce per value")
	require.NotContains(t, string(s1), "ipmi_password")
	out, err := b.Open(s1)
	require.NoError(t, err)
	require.JSONEq(t, `{"ipmi_password":"x"}`, string(out))

	s1[len(s1)-1] ^= 1
	_, err = b.Open(s1)
	require.ErrorIs(t, err, ErrOpen)
	other, _ := New(make([]byte, KeySize))
	_, err = other.Open(s2)
	require.ErrorIs(t, err, ErrOpen)
	_, err = New([]byte("short"))
	require.Error(t, err)
}

func TestLoad(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "hardcandy.key")
	k1, generated, err := Load(path, "")
	require.NoError(t, err)
	require.True(t, generated)
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	k2, generated, err := Load(path, "")
	require.NoError(t, err)
	require.False(t, generated)
	require.Equal(t, k1, k2, "the same key on the next start")

	envKey := make([]byte, KeySize)
	envKey[5] = 9
	k3, _, err := Load(path, base64.StdEncoding.EncodeToString(envKey))
	require.NoError(t, err)
	require.Equal(t, envKey, k3, "the environment wins")
	_, _, err = Load(path, "not-a-key")
	require.ErrorContains(t, err, "HARDCANDY_SECRET_KEY")
}
