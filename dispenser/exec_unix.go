//go:build unix

package dispenser

import (
	"os/exec"
	"syscall"
)

// killGroup puts the command in its own process group and makes cancellation kill the whole
// group: provisioning scripts start children (ipmitool, ssh, curl) that would otherwise
// outlive the timeout and keep working on the item.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		// The group id is the child's pid because of Setpgid.
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
