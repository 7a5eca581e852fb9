package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"
)

// progress shows what long work is doing on one status line of stderr, rewritten in place with
// the elapsed time. It is off (every method a no-op) with --json and when stdout or stderr is not
// a terminal, so that scripts and logs see only the result.
type progress struct {
	on    bool // set once, at the start
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	phase string
	stop  chan struct{}
	once  sync.Once
	shown bool
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress returns the command's status line: on only for a person at a terminal.
func (o *options) progress(cmd *cobra.Command) *progress {
	if o.json || !isTerminal(cmd.OutOrStdout()) || !isTerminal(cmd.ErrOrStderr()) {
		return &progress{}
	}
	return startProgress(cmd.ErrOrStderr(), 250*time.Millisecond)
}

// startProgress draws to w every tick until done.
func startProgress(w io.Writer, tick time.Duration) *progress {
	p := &progress{on: true, w: w, start: time.Now(), stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
	return p
}

// set changes the phase ("reserving", "provisioning 2 of 5 items", ...).
func (p *progress) set(phase string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	p.phase = phase
	p.mu.Unlock()
	p.draw()
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.phase == "" || p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s… %s", p.phase, elapsed(time.Since(p.start)))
	p.shown = true
}

// done clears the status line; later set and draw calls show nothing.
func (p *progress) done() {
	if !p.on {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.shown {
			fmt.Fprint(p.w, "\r\033[K")
		}
		p.w = nil
	})
}

// elapsed is a short running time: "4s", "1m12s".
func elapsed(d time.Duration) string {
	d = d.Truncate(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%ds", int(d.Seconds()))
	}
	return d.String()
}
