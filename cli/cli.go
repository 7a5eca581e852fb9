package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Login is what `hardcandy login` stores: where the server is and the token to use.
type Login struct {
	Server string `json:"server"`
	Token  string `json:"token"`
}

// configPath is the stored login, in the user's config directory.
func configPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config directory: %w", err)
	}
	return filepath.Join(dir, "hardcandy", "login.json"), nil
}

func loadLogin() (Login, error) {
	var l Login
	path, err := configPath()
	if err != nil {
		return l, err
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return l, nil
	} else if err != nil {
		return l, err
	}
	return l, json.Unmarshal(data, &l)
}

func saveLogin(l Login) (string, error) {
	path, err := configPath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", err
	}
	data, _ := json.MarshalIndent(l, "", "  ")
	if err := os.WriteFile(path, append(data, '\n'), 0o600); err != nil {
		return "", err
	}
	return path, os.Chmod(path, 0o600)
}

// UsageError marks a mistake in how a command was called (exit code 2).
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }

// options are the flags every client verb shares.
type options struct {
	server, token string
	json          bool
	out           io.Writer
}

// bearer adds the token to every request.
type bearer struct {
	token string
	http  *http.Client
}

func (b bearer) Do(r *http.Request) (*http.Response, error) {
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.http.Do(r)
}

// login is the server and token from the flags, the environment or the stored login.
func (o *options) login() (Login, error) {
	l, err := loadLogin()
	if err != nil {
		return l, fmt.Errorf("reading your login: %w", err)
	}
	if o.server != "" {
		l.Server = o.server
	}
	if o.token != "" {
		l.Token = o.token
	}
	if l.Server == "" || l.Token == "" {
		return l, UsageError{errors.New("not logged in: run `hardcandy login`, or give --server and --token")}
	}
	return l, nil
}

// client returns the GraphQL client for the flags, the environment or the stored login.
func (o *options) client() (graphql.Client, error) {
	l, err := o.login()
	if err != nil {
		return nil, err
	}
	return graphql.NewClient(strings.TrimRight(l.Server, "/")+"/graphql",
		bearer{token: l.Token, http: &http.Client{Timeout: 2 * time.Minute}}), nil
}

// Describe turns an error from the server into one line: "CODE: message", or a clear line for a
// server that cannot be reached.
func Describe(err error) string {
	var list gqlerror.List
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		msg := e.Message
		if code, ok := e.Extensions["code"].(string); ok {
			msg = code + ": " + msg
		}
		if id := leaseOf(err); id != "" {
			msg += fmt.Sprintf(" (lease %s: hardcandy show %s)", id, id)
		}
		return msg
	}
	var ue *url.Error
	var oe *net.OpError
	if errors.As(err, &ue) {
		host := ue.URL
		if u, perr := url.Parse(ue.URL); perr == nil {
			host = u.Scheme + "://" + u.Host
		}
		return fmt.Sprintf("cannot reach the server at %s: %v", host, rootCause(err))
	}
	if errors.As(err, &oe) {
		return fmt.Sprintf("cannot reach the server: %v", rootCause(err))
	}
	return err.Error()
}

func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// Commands returns the client verbs.
func Commands(stdin io.Reader) []*cobra.Command {
	o := &options{}
	withFlags := o.verb
	var duration, note, key, by string
	var creds, wait bool
	var params []string
	var maxWait string
	var waitTimeout time.Duration
	var vendSel, availSel selection
	var timed bookFlags // --at, --until, --earliest (booking.go)
	vend := withFlags(&cobra.Command{
		Use:   "vend SKU|SKU:N...|--any 4D [--pool P] [--label L]... [--not-label L]... [--min K=V]... [--param NAME=VALUE]... [--dry-run] [--at TIME|--earliest] [--duration D] [--note TEXT] [--idempotency-key K] [--wait [--max-wait D]]",
		Short: "Vend me metal: lease one SKU, a bundle, or several SKU:N lines, all or nothing",
		Example: `  hardcandy vend 4D.small                  # the product's default duration
  hardcandy vend 4D.small:2 3A.small --duration 3d --note "perf lab"
  hardcandy vend 4D.large --wait --json    # needs approval: wait for the decision
  hardcandy vend 4D.small --pool lab1 --label gpu --not-label broken --dry-run
  hardcandy vend --any 4D --min ram_gb=256 --min storage_gb=1000   # the cheapest that fits
  hardcandy vend 4D.small --param image=ubuntu-24.04 --param ssh_key=@~/.ssh/id_ed25519.pub
  hardcandy vend 4D.small:6 --at "2026-12-08 09:00" --duration 3d   # reserve ahead (local time)
  hardcandy vend 4D.small:6 --earliest --duration 3d                # the first time it fits
  hardcandy vend 4D.small --wait --max-wait 2d   # nothing free: join the waiting list (QUEUED)`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: o.completeSKUs,
		RunE: func(cmd *cobra.Command, args []string) error {
			in := VendInput{Note: optional(note), IdempotencyKey: optional(key)}
			if wait {
				in.Wait = &wait
			}
			if maxWait != "" {
				if !wait {
					return UsageError{errors.New("--max-wait: only with --wait")}
				}
				if err := durationFlag("max-wait", maxWait); err != nil {
					return err
				}
				in.MaxWait = &maxWait
			}
			if duration != "" {
				if err := durationFlag("duration", duration); err != nil {
					return err
				}
				in.Duration = &duration
			}
			ps, err := parseParams(params)
			if err != nil {
				return err
			}
			if len(args) == 1 && !strings.Contains(args[0], ":") {
				in.Sku = &args[0]
				for _, p := range ps {
					in.Parameters = append(in.Parameters, ParameterValueInput{Name: p.name, Value: p.value})
				}
			} else if len(args) == 0 {
				for _, p := range ps { // vend --any: the picked product's parameters
					in.Parameters = append(in.Parameters, ParameterValueInput{Name: p.name, Value: p.value})
				}
			} else {
				ls, err := lines(args)
				if err != nil {
					return err
				}
				if err := paramsToLines(ps, ls); err != nil {
					return err
				}
				in.Lines = ls
			}
			if err := vendSel.apply(&in, args); err != nil {
				return err
			}
			if timed.set() {
				if vendSel.dryRun {
					return UsageError{errors.New("--dry-run: not with --at, --until or --earliest")}
				}
				return o.book(cmd, in, &timed)
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			if vendSel.dryRun {
				return o.preview(cmd.Context(), c, in)
			}
			p := o.progress(cmd)
			wctx, stopWatch := context.WithCancel(cmd.Context())
			d := o.watchDispense(wctx, p, "")
			res, err := Vend(cmd.Context(), c, in)
			stopWatch()
			p.done()
			if err != nil {
				return o.leaseFailure(cmd.Context(), c, d.interrupted(cmd.ErrOrStderr(), err, "vend"))
			}
			l := leaseJSON(res.Vend.LeaseSummary, nil)
			if wait && l.Status == LeaseStatusPending {
				fmt.Fprintf(cmd.ErrOrStderr(), "lease %s needs a manager's approval; waiting for the decision…\n", l.ID)
				p := o.progress(cmd)
				p.set(fmt.Sprintf("lease %s: waiting for a manager's decision", l.ID))
				dd, err := waitDecision(cmd.Context(), c, l.ID, waitTimeout, 2*time.Second, nil)
				p.done()
				if dd.Id != "" {
					l = detailJSON(dd, false)
				}
				if errors.Is(err, context.Canceled) {
					fmt.Fprintf(cmd.ErrOrStderr(), "interrupted: lease %s stays PENDING until a manager decides; see it with `hardcandy show %s`\n", l.ID, l.ID)
					return ExitError{Code: ExitCanceled, Err: errors.New("interrupted")}
				}
				if err != nil {
					if o.json {
						_ = o.print(l, nil)
					}
					return err
				}
			}
			if err := o.print(l, func(w io.Writer) { printLease(w, l) }); err != nil {
				return err
			}
			if l.Status == LeaseStatusRejected {
				return rejected(l.ID, l.StatusMessage)
			}
			return nil
		},
	})
	vendSel.flags(vend, true)
	vend.Flags().StringVar(&duration, "duration", "", "how long: 14d, 36h, 1d12h (default: the product's default duration)")
	vend.Flags().StringVar(&note, "note", "", "a note on the lease")
	vend.Flags().StringArrayVar(&params, "param", nil, "a parameter NAME=VALUE (VALUE @FILE reads a file, ~ expanded); repeat for more; see `hardcandy products show SKU`")
	vend.Flags().StringVar(&key, "idempotency-key", "", "the same key returns the same lease, never a second one")
	vend.Flags().BoolVar(&wait, "wait", false, "when nothing is free, join the waiting list (QUEUED, first come first served); when the lease needs approval, wait for the decision (exit 3 when rejected)")
	vend.Flags().StringVar(&maxWait, "max-wait", "", "with --wait, leave the waiting list after this long, e.g. 2d (default: the server's leasing.max_wait)")
	vend.Flags().DurationVar(&waitTimeout, "wait-timeout", 0, "with --wait, give up after this long (exit 4; 0: no limit), e.g. 30m")
	timed.register(vend)

	var all bool
	var limit int
	var after string
	mine := withFlags(&cobra.Command{
		Use:   "mine [--all [--limit N] [--after CURSOR]]",
		Short: "Show me my metal: your scheduled, queued, pending and active leases; --all: every lease, newest first",
		Example: `  hardcandy mine                           # SCHEDULED ones with their start, QUEUED with their place
  hardcandy mine --all --limit 20          # history: returned, expired, rejected too
  hardcandy mine --json | jq -r '.[].id'`,
		Args: exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 1 || limit > 500 {
				return UsageError{fmt.Errorf("--limit %d: 1 to 500", limit)}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			leases := []LeaseJSON{}
			var next *string
			total := 0
			if all {
				res, err := MineAll(cmd.Context(), c, limit, optional(after))
				if err != nil {
					return err
				}
				for _, e := range res.Viewer.Leases.Edges {
					leases = append(leases, leaseJSON(e.Node.LeaseSummary, nil))
				}
				if res.Viewer.Leases.PageInfo.HasNextPage {
					next = res.Viewer.Leases.PageInfo.EndCursor
				}
				total = res.Viewer.Leases.TotalCount
			} else {
				var cursor *string
				for {
					res, err := Mine(cmd.Context(), c, cursor)
					if err != nil {
						return err
					}
					for _, e := range res.Viewer.Leases.Edges {
						leases = append(leases, leaseJSON(e.Node.LeaseSummary, nil))
					}
					if !res.Viewer.Leases.PageInfo.HasNextPage {
						break
					}
					cursor = res.Viewer.Leases.PageInfo.EndCursor
				}
			}
			err = o.print(leases, func(w io.Writer) {
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				if all {
					fmt.Fprintln(tw, "ID\tSTATUS\tITEMS\tCREATED\tENDED\tMESSAGE")
				} else {
					fmt.Fprintln(tw, "ID\tSTATUS\tITEMS\tSTARTS\tENDS")
				}
				for _, l := range leases {
					if all {
						msg := ""
						if l.StatusMessage != nil {
							msg = *l.StatusMessage
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.ID, l.Status, joinNames(l), l.CreatedAt.Local().Format(time.DateTime), whenShort(l.EndedAt), msg)
					} else {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", l.ID, l.Status, joinNames(l), startsCell(l), when(l.EndsAt))
					}
				}
				_ = tw.Flush()
				if len(leases) == 0 && !all {
					fmt.Fprintln(w, "no leases; `hardcandy vend SKU` to get some metal")
				}
			})
			if next != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d of %d leases shown; more: hardcandy mine --all --limit %d --after %s\n", len(leases), total, limit, *next)
			}
			return err
		},
	})
	mine.Flags().BoolVar(&all, "all", false, "every lease, history too (returned, expired, rejected), newest first, a page at a time")
	mine.Flags().IntVar(&limit, "limit", 50, "with --all, leases per page (at most 500)")
	mine.Flags().StringVar(&after, "after", "", "with --all, the page after this cursor (printed on stderr when there are more)")

	show := withFlags(&cobra.Command{
		Use:   "show ID [--credentials]",
		Short: "Show one lease: items, start, end, time left; credentials only with --credentials",
		Example: `  hardcandy show 12
  hardcandy show 12 --credentials --json   # credentials per item (name, SKU)`,
		Args:              exact(1),
		ValidArgsFunction: o.completeLeases,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Show(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			if res.Lease == nil {
				return fmt.Errorf("NOT_FOUND: no lease %s that you may see", args[0])
			}
			l := detailJSON(res.Lease.LeaseDetail, creds)
			return o.print(l, func(w io.Writer) {
				fmt.Fprintf(w, "lease %s: %s, owner %s\n", l.ID, l.Status, l.Owner)
				if l.StartsAt != nil {
					fmt.Fprintf(w, "starts %s\nends   %s\n", l.StartsAt.Local().Format(time.RFC1123), when(l.EndsAt))
				}
				if l.EndedAt != nil {
					fmt.Fprintf(w, "ended  %s\n", l.EndedAt.Local().Format(time.RFC1123))
				}
				if l.StatusMessage != nil {
					fmt.Fprintf(w, "message: %s\n", *l.StatusMessage)
				}
				if l.Note != nil {
					fmt.Fprintf(w, "note: %s\n", *l.Note)
				}
				if len(l.Items) == 0 {
					fmt.Fprintf(w, "  requested: %s\n", joinNames(l))
				}
				printParameters(w, l.Parameters)
				for _, a := range l.Items {
					released := ""
					if a.ReleasedAt != nil && l.Status == LeaseStatusActive {
						released = ", released " + whenShort(a.ReleasedAt) // e.g. a faulty item, replaced
					}
					fmt.Fprintf(w, "  %s (%s)%s\n", a.Name, a.SKU, released)
					if len(a.Credentials) > 0 {
						fmt.Fprintf(w, "    credentials: %s\n", a.Credentials)
					}
				}
			})
		},
	})
	show.Flags().BoolVar(&creds, "credentials", false, "also print the credentials (owner and admins)")

	ret := withFlags(&cobra.Command{
		Use:               "return ID",
		Short:             "Return my metal: give a lease back; its items are wiped",
		Example:           "  hardcandy return 12\n  hardcandy return 12 --json",
		Args:              exact(1),
		ValidArgsFunction: o.completeLeases,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Return(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			l := leaseJSON(res.ReturnLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) { fmt.Fprintf(w, "lease %s is %s%s\n", l.ID, l.Status, withdrawnNote(l)) })
		},
	})

	extend := withFlags(&cobra.Command{
		Use:               "extend ID --by 3d",
		Short:             "Extend a lease; beyond the policy it asks a manager, and the lease keeps its end until approved",
		Example:           "  hardcandy extend 12 --by 3d\n  hardcandy extend 12 --by 12h --json",
		Args:              exact(1),
		ValidArgsFunction: o.completeLeases,
		RunE: func(cmd *cobra.Command, args []string) error {
			if by == "" {
				return UsageError{errors.New("--by is required, e.g. --by 3d")}
			}
			if err := durationFlag("by", by); err != nil {
				return err
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Extend(cmd.Context(), c, args[0], by)
			if err != nil {
				return err
			}
			// Beyond the policy the server records a request instead of moving the end.
			awaiting, err := awaitingExtension(cmd.Context(), c, res.ExtendLease.Id)
			if err != nil {
				return err
			}
			l := leaseJSON(res.ExtendLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) {
				if awaiting != "" {
					fmt.Fprintln(w, awaiting)
					return
				}
				fmt.Fprintf(w, "lease %s now ends %s\n", l.ID, when(l.EndsAt))
			})
		},
	})
	extend.Flags().StringVar(&by, "by", "", "how much longer: 3d, 12h")

	var calFrom, calTo, calStep string
	avail := withFlags(&cobra.Command{
		Use:   "avail [SKU] [--pool P] [--label L]... [--not-label L]... | avail SKU --from TIME --to TIME [--step D]",
		Short: "Show me metal availability: items per status now (RESERVING: being provisioned); with --from/--to, the calendar",
		Example: `  hardcandy avail
  hardcandy avail 4D.small --json
  hardcandy avail 4D.small --pool lab1 --label gpu   # only the items that match
  hardcandy avail 4D.small --from 2026-12-07 --to 2026-12-14            # a row per day
  hardcandy avail 4D.small --from "2026-12-08 08:00" --to "2026-12-08 20:00" --step 1h`,
		Args:              maxArgs(1),
		ValidArgsFunction: o.completeSKUs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if calFrom != "" || calTo != "" || calStep != "" {
				return o.calendar(cmd, args, calFrom, calTo, calStep) // calendar.go
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			var sku *string
			if len(args) == 1 {
				sku = &args[0]
			}
			res, err := availability(cmd.Context(), c, sku, availSel)
			if err != nil {
				return err
			}
			return o.print(res.Availability, func(w io.Writer) {
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "SKU\tAVAILABLE\tRESERVING\tLEASED\tREBUILDING\tMAINTENANCE\tNAME")
				for _, a := range res.Availability {
					fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\n", a.Sku, a.Available, a.Reserving, a.Leased, a.Rebuilding, a.Maintenance, a.Product.Name)
				}
				_ = tw.Flush()
			})
		},
	})
	availSel.flags(avail, false)

	avail.Flags().StringVar(&calFrom, "from", "", `the calendar from: 2026-12-07 (local midnight), "2026-12-07 09:00" or RFC 3339 (default: today)`)
	avail.Flags().StringVar(&calTo, "to", "", "the calendar until (exclusive; default: a week after --from)")
	avail.Flags().StringVar(&calStep, "step", "", "the calendar's slot: 1d, 4h, 1h (default: 1d, or 1h under three days)")

	login := &cobra.Command{
		Use:     "login [--server URL] [--token TOKEN]",
		Short:   "Check a server URL and token and store them (0600) for the other verbs",
		Example: "  hardcandy login --server http://127.0.0.1:8080 --token hc_...\n  hardcandy login            # asks for both",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			in := bufio.NewReader(stdin)
			ask := func(prompt string, v *string) {
				if *v != "" {
					return
				}
				fmt.Fprint(cmd.ErrOrStderr(), prompt)
				line, _ := in.ReadString('\n')
				*v = strings.TrimSpace(line)
			}
			ask("server URL: ", &o.server)
			if o.token == "" && isTerminalInput(stdin) {
				tok, err := readSecret(cmd.ErrOrStderr(), stdin, "token (not shown): ")
				if err != nil {
					return err
				}
				o.token = tok
			}
			ask("token: ", &o.token)
			if o.server == "" || o.token == "" {
				return UsageError{errors.New("login needs a server URL and a token")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Viewer(cmd.Context(), c)
			if err != nil {
				return err
			}
			path, err := saveLogin(Login{Server: o.server, Token: o.token})
			if err != nil {
				return fmt.Errorf("storing your login: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "logged in to %s as %s (%s); saved in %s\n", o.server, res.Viewer.Name, res.Viewer.Role, path)
			return nil
		},
	}
	login.Flags().StringVar(&o.server, "server", os.Getenv("HARDCANDY_SERVER"), "server URL ($HARDCANDY_SERVER)")
	login.Flags().StringVar(&o.token, "token", os.Getenv("HARDCANDY_TOKEN"), "API token ($HARDCANDY_TOKEN)")
	cmds := append([]*cobra.Command{login, avail, vend, mine, show, ret, extend}, o.moreCommands()...)
	cmds = append(cmds, o.bookingCommands()...)
	cmds = append(cmds, o.peopleCommands()...)
	return append(cmds, o.requestCommands()...)
}

// verb gives a client command the shared flags (--server, --token, --json).
func (o *options) verb(c *cobra.Command) *cobra.Command {
	c.Flags().StringVar(&o.server, "server", os.Getenv("HARDCANDY_SERVER"), "server URL, e.g. http://127.0.0.1:8080 ($HARDCANDY_SERVER; default: your login)")
	c.Flags().StringVar(&o.token, "token", os.Getenv("HARDCANDY_TOKEN"), "API token ($HARDCANDY_TOKEN; default: your login)")
	c.Flags().BoolVar(&o.json, "json", false, "print JSON for scripts")
	if prev := c.RunE; prev != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			o.out = cmd.OutOrStdout()
			return prev(cmd, args)
		}
	}
	return c
}

// print writes v as JSON with --json, else the table or text.
func (o *options) print(v any, human func(io.Writer)) error {
	if o.json {
		enc := json.NewEncoder(o.out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	human(o.out)
	return nil
}

// when shows a time both ways: "in 3d 4h (Mon, 23 Nov 2026 09:00 CET)".
func when(t *time.Time) string {
	if t == nil {
		return "-"
	}
	d := time.Until(*t)
	rel := "in " + short(d)
	if d < 0 {
		rel = short(-d) + " ago"
	}
	return fmt.Sprintf("%s (%s)", rel, t.Local().Format("Mon, 02 Jan 2006 15:04 MST"))
}

func short(d time.Duration) string {
	days := int(d / (24 * time.Hour))
	hours := int(d % (24 * time.Hour) / time.Hour)
	mins := int(d % time.Hour / time.Minute)
	switch {
	case days > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case hours > 0:
		return fmt.Sprintf("%dh %dm", hours, mins)
	}
	return fmt.Sprintf("%dm", mins)
}

func exact(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return UsageError{fmt.Errorf("%s takes %d argument(s); usage: %s", cmd.Name(), n, cmd.UseLine())}
		}
		return nil
	}
}

func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return UsageError{fmt.Errorf("%s needs at least %d argument(s); usage: %s", cmd.Name(), n, cmd.UseLine())}
		}
		return nil
	}
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return UsageError{fmt.Errorf("%s takes at most %d argument(s); usage: %s", cmd.Name(), n, cmd.UseLine())}
		}
		return nil
	}
}
