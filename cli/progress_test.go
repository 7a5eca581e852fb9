package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestProgressLine: the status line shows the phase and the elapsed time, rewritten in place,
// and is cleared when done; nothing is drawn after.
func TestProgressLine(t *testing.T) {
	var w syncBuffer
	p := startProgress(&w, time.Millisecond)
	p.set("reserving the items")
	p.set("lease 7: provisioning 2 of 5 items")
	require.Eventually(t, func() bool { return strings.Count(w.String(), "provisioning 2 of 5 items… 0s") >= 2 }, 10*time.Second, time.Millisecond, "redrawn with the time")
	p.done()
	out := w.String()
	require.Contains(t, out, "\r\033[Kreserving the items… 0s")
	require.True(t, strings.HasSuffix(out, "\r\033[K"), "cleared: %q", out)
	p.set("late")
	p.done()
	require.Equal(t, out, w.String())

	off := &progress{} // --json, or not a terminal
	off.set("anything")
	off.done()
	require.Equal(t, "1m12s", elapsed(72*time.Second+300*time.Millisecond))
}

// TestInterruptedSaysWhatHappens: Ctrl-C during a vend says that the server carries on and how
// to see the lease, and exits 130.
func TestInterruptedSaysWhatHappens(t *testing.T) {
	var w bytes.Buffer
	d := &dispensing{id: "38654705670"}
	err := d.interrupted(&w, fmt.Errorf("post: %w", context.Canceled), "vend")
	require.Equal(t, ExitCanceled, ExitCode(err))
	require.Contains(t, w.String(), "the vend goes on on the server")
	require.Contains(t, w.String(), "hardcandy show 38654705670")
	w.Reset()
	other := fmt.Errorf("boom")
	require.Equal(t, other, (&dispensing{}).interrupted(&w, other, "vend"))
	require.Empty(t, w.String())
}
