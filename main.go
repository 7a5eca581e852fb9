// Command hardcandy is hardware-as-a-service in one binary: `hardcandy serve` runs the GraphQL
// API and the scheduler; operator commands manage users and tokens directly on the database.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/backup"
	"github.com/hardcandy/hardcandy/cli"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/httplog"
	"github.com/hardcandy/hardcandy/viewer"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCommand(os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", describe(err))
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(cli.ExitUsage)
		}
		os.Exit(cli.ExitCode(err))
	}
}

// usageError marks errors in how the command was called (exit code 2).
type usageError struct{ error }

// describe prints an error as "CODE: message" when it carries a code (from a service here or
// from the server a client verb spoke to), and a network failure as one plain line.
func describe(err error) string {
	if e, ok := apperr.As(err); ok && e.Code != apperr.Internal {
		return fmt.Sprintf("%s: %s", e.Code, e.Message)
	}
	return cli.Describe(err)
}

// env returns the environment variable's value, or def.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// envList splits a comma-separated environment variable.
func envList(name string) []string {
	v := os.Getenv(name)
	if v == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// options are the settings shared by every command that opens the database.
type options struct {
	db        string
	logLevel  string
	logFormat string
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	opts := &options{}
	root := &cobra.Command{
		Use:   "hardcandy",
		Short: "Hardware as a service: lease machines and environments from an inventory",
		Long: `Hardcandy leases machines and environments from an inventory: people vend, show and
return their metal; managers see what their cost center consumed; admins define and repair the
inventory. One binary serves the web portal and the GraphQL API (with GraphiQL) and runs the
scheduler.

Every flag has an environment twin, shown in its help as $NAME.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&opts.db, "db", env("HARDCANDY_DB", database.DefaultDSN),
		"database: a SQLite file path or file: DSN, or a postgres:// URL ($HARDCANDY_DB)")
	root.PersistentFlags().StringVar(&opts.logLevel, "log-level", env("HARDCANDY_LOG_LEVEL", "info"),
		"log level: debug, info, warn or error ($HARDCANDY_LOG_LEVEL)")
	root.PersistentFlags().StringVar(&opts.logFormat, "log-format", env("HARDCANDY_LOG_FORMAT", ""),
		"log format: json or text; default text on a terminal, json otherwise ($HARDCANDY_LOG_FORMAT)")
	root.AddCommand(newServeCommand(opts), newMigrateCommand(opts), newBackupCommand(opts), newUserCommand(opts),
		newTokenCommand(opts))
	root.AddCommand(cli.Commands(os.Stdin)...)
	cli.StrictGroups(root)
	return root
}

func (o *options) logger(w io.Writer) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(o.logLevel)); err != nil {
		return nil, usageError{fmt.Errorf("--log-level: %q is not debug, info, warn or error", o.logLevel)}
	}
	ho := &slog.HandlerOptions{Level: lvl}
	var h slog.Handler
	switch format := strings.ToLower(o.logFormat); {
	case format == "json", format == "" && !isTerminal(w):
		h = slog.NewJSONHandler(w, ho)
	case format == "text", format == "":
		h = slog.NewTextHandler(w, ho)
	default:
		return nil, usageError{fmt.Errorf("--log-format: %q is not json or text", o.logFormat)}
	}
	// Every line logged with a request's context carries its request id (and trace id).
	return slog.New(httplog.Handler(h)), nil
}

// isTerminal reports whether w is a terminal (a character device), where people read the logs.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func newUserCommand(opts *options) *cobra.Command {
	cmd := &cobra.Command{Use: "user", Short: "Manage users directly on the database (operator)"}
	var role, costCenter, email string
	add := &cobra.Command{
		Use:   "add NAME --role user|manager|admin --cost-center CODE [--email ADDR]",
		Short: "Create a user (and its cost center when new) and print a new API token",
		Long: `Create a user without a running server, applying migrations first: the bootstrap path of a
real install. The new API token is the last line of standard output; it is shown only once.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, svc, err := openServices(cmd.Context(), opts)
			if err != nil {
				return err
			}
			defer st.Close()
			u, tok, err := svc.auth.AddUser(cmd.Context(), auth.NewUser{Name: args[0], Role: viewer.Role(role),
				CostCenter: costCenter, Email: email})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "created %s user %s (cost center %s); API token, shown only once:\n", strings.ToLower(string(u.Role)), u.Name, orNone(costCenter))
			fmt.Fprintln(out, tok)
			return nil
		},
	}
	add.Flags().StringVar(&role, "role", "user", "role: user, manager or admin")
	add.Flags().StringVar(&costCenter, "cost-center", "", "cost center code, created when new")
	add.Flags().StringVar(&email, "email", "", "e-mail address for notices")
	cmd.AddCommand(add)
	return cmd
}

func newTokenCommand(opts *options) *cobra.Command {
	cmd := &cobra.Command{Use: "token", Short: "Manage API tokens directly on the database (operator)"}
	var forUser string
	issue := &cobra.Command{
		Use:   "issue --user NAME",
		Short: "Issue another API token for a user; printed as the last line",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, svc, err := openServices(cmd.Context(), opts)
			if err != nil {
				return err
			}
			defer st.Close()
			tok, err := svc.auth.IssueTokenFor(cmd.Context(), forUser)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), tok)
			return nil
		},
	}
	issue.Flags().StringVar(&forUser, "user", "", "the user's name")
	revoke := &cobra.Command{
		Use:   "revoke TOKEN|PREFIX",
		Short: "Revoke a token, given in full or by the prefix shown when it was issued (e.g. hc_AbC123)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, svc, err := openServices(cmd.Context(), opts)
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := svc.auth.Revoke(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "revoked %d token(s)\n", n)
			return nil
		},
	}
	cmd.AddCommand(issue, revoke)
	return cmd
}

func newBackupCommand(opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "backup PATH",
		Short: "Write a consistent copy of the SQLite database, safe while the server runs",
		Long: `Write a consistent copy of the SQLite database named by --db to PATH while the server runs:
a snapshot of the last commit, checked with SQLite's integrity check, that replaces PATH only once
complete. The copy holds credentials and token hashes, so only its owner can read it. Back up a
Postgres database with pg_dump instead.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := backup.SQLite(cmd.Context(), opts.db, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), res)
			return nil
		},
	}
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("%s takes %d argument(s), got %d; usage: %s", cmd.Name(), n, len(args), cmd.UseLine())}
		}
		return nil
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
