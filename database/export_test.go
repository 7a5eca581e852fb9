package database

// SetRestartFrames sets the WAL size, in pages, past which checkpointers restart the log, and
// returns the function that puts it back.
func SetRestartFrames(n int64) func() {
	old := restartFrames.Swap(n)
	return func() { restartFrames.Store(old) }
}
