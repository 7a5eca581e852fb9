//go:build !unix

package dispenser

import "os/exec"

// killGroup is a no-op where process groups do not exist; exec.CommandContext still kills the
// command itself on timeout.
func killGroup(*exec.Cmd) {}
