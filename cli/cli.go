package cli

import (
	"bufio"
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

// client returns the GraphQL client for the flags, the environment or the stored login.
func (o *options) client() (graphql.Client, error) {
	l, err := loadLogin()
	if err != nil {
		return nil, fmt.Errorf("reading your login: %w", err)
	}
	if o.server != "" {
		l.Server = o.server
	}
	if o.token != "" {
		l.Token = o.token
	}
	if l.Server == "" || l.Token == "" {
		return nil, UsageError{errors.New("not logged in: run `hardcandy login`, or give --server and --token")}
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
		if code, ok := e.Extensions["code"].(string); ok {
			return code + ": " + e.Message
		}
		return e.Message
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
	vend := withFlags(&cobra.Command{
		Use:   "vend SKU|SKU:N... [--duration 7d] [--note TEXT] [--idempotency-key K]",
		Short: "Vend me metal: lease one SKU, a bundle, or several SKU:N lines, all or nothing",
		Args:  minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := VendInput{Duration: duration}
			if note != "" {
				in.Note = &note
			}
			if key != "" {
				in.IdempotencyKey = &key
			}
			if len(args) == 1 && !strings.Contains(args[0], ":") {
				in.Sku = &args[0]
			} else {
				ls, err := lines(args)
				if err != nil {
					return err
				}
				in.Lines = ls
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Vend(cmd.Context(), c, in)
			if err != nil {
				return err
			}
			for i := range res.Vend.LeaseDetail.Allocations { // credentials: only `show --credentials`
				res.Vend.LeaseDetail.Allocations[i].Credentials = nil
			}
			if wait && res.Vend.Status == LeaseStatusPending {
				fmt.Fprintf(cmd.ErrOrStderr(), "lease %s needs a manager's approval; waiting for the decision…\n", res.Vend.Id)
				for res.Vend.Status == LeaseStatusPending {
					select {
					case <-cmd.Context().Done():
						return cmd.Context().Err()
					case <-time.After(2 * time.Second):
					}
					shown, err := Show(cmd.Context(), c, res.Vend.Id)
					if err != nil {
						return err
					}
					if shown.Lease == nil {
						return fmt.Errorf("lease %s disappeared", res.Vend.Id)
					}
					res.Vend.LeaseDetail = shown.Lease.LeaseDetail
				}
				for i := range res.Vend.LeaseDetail.Allocations {
					res.Vend.LeaseDetail.Allocations[i].Credentials = nil
				}
			}
			return o.print(res.Vend, func(w io.Writer) {
				l := res.Vend
				switch l.Status {
				case LeaseStatusPending:
					fmt.Fprintf(w, "lease %s is PENDING: a product needs a manager's approval; `hardcandy show %s` tells when it is decided (or vend with --wait)\n", l.Id, l.Id)
					return
				case LeaseStatusRejected:
					msg := ""
					if l.StatusMessage != nil {
						msg = ": " + *l.StatusMessage
					}
					fmt.Fprintf(w, "lease %s was REJECTED%s\n", l.Id, msg)
					return
				}
				fmt.Fprintf(w, "lease %s is %s, ends %s\n", l.Id, l.Status, when(l.EndsAt))
				for _, a := range l.LeaseSummary.Allocations {
					fmt.Fprintf(w, "  %s (%s)\n", a.Item.Name, a.Item.Product.Sku)
				}
				fmt.Fprintf(w, "credentials: hardcandy show %s --credentials\n", l.Id)
			})
		},
	})
	vend.Flags().StringVar(&duration, "duration", "7d", "how long: 14d, 36h, 1d12h")
	vend.Flags().StringVar(&note, "note", "", "a note on the lease")
	vend.Flags().StringVar(&key, "idempotency-key", "", "the same key returns the same lease, never a second one")
	vend.Flags().BoolVar(&wait, "wait", false, "when the lease needs approval, wait for the decision")

	mine := withFlags(&cobra.Command{
		Use:   "mine",
		Short: "Show me my metal: your pending and active leases",
		Args:  minArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			var leases []MineViewerUserLeasesLeaseConnectionEdgesLeaseEdgeNodeLease
			var after *string
			for {
				res, err := Mine(cmd.Context(), c, after)
				if err != nil {
					return err
				}
				for _, e := range res.Viewer.Leases.Edges {
					leases = append(leases, *e.Node)
				}
				if !res.Viewer.Leases.PageInfo.HasNextPage {
					break
				}
				after = res.Viewer.Leases.PageInfo.EndCursor
			}
			return o.print(leases, func(w io.Writer) {
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSTATUS\tITEMS\tENDS")
				for _, l := range leases {
					var items []string
					for _, a := range l.Allocations {
						items = append(items, a.Item.Name)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Id, l.Status, strings.Join(items, ", "), when(l.EndsAt))
				}
				_ = tw.Flush()
				if len(leases) == 0 {
					fmt.Fprintln(w, "no leases; `hardcandy vend SKU` to get some metal")
				}
			})
		},
	})

	show := withFlags(&cobra.Command{
		Use:   "show ID [--credentials]",
		Short: "Show one lease: items, start, end, time left; credentials only with --credentials",
		Args:  exact(1),
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
			l := res.Lease
			if !creds {
				for i := range l.LeaseDetail.Allocations {
					l.LeaseDetail.Allocations[i].Credentials = nil
				}
			}
			return o.print(l, func(w io.Writer) {
				fmt.Fprintf(w, "lease %s: %s, owner %s\n", l.Id, l.Status, l.Owner.Name)
				if l.StartsAt != nil {
					fmt.Fprintf(w, "starts %s\nends   %s\n", l.StartsAt.Local().Format(time.RFC1123), when(l.EndsAt))
				}
				if l.StatusMessage != nil {
					fmt.Fprintf(w, "message: %s\n", *l.StatusMessage)
				}
				for i, a := range l.LeaseSummary.Allocations {
					fmt.Fprintf(w, "  %s (%s)\n", a.Item.Name, a.Item.Product.Sku)
					if creds && i < len(l.LeaseDetail.Allocations) && l.LeaseDetail.Allocations[i].Credentials != nil {
						fmt.Fprintf(w, "    credentials: %s\n", *l.LeaseDetail.Allocations[i].Credentials)
					}
				}
			})
		},
	})
	show.Flags().BoolVar(&creds, "credentials", false, "also print the credentials (owner and admins)")

	ret := withFlags(&cobra.Command{
		Use:   "return ID",
		Short: "Return my metal: give a lease back; its items are wiped",
		Args:  exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Return(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			return o.print(res.ReturnLease, func(w io.Writer) {
				fmt.Fprintf(w, "lease %s is %s\n", res.ReturnLease.Id, res.ReturnLease.Status)
			})
		},
	})

	extend := withFlags(&cobra.Command{
		Use:   "extend ID --by 3d",
		Short: "Extend a lease; beyond the policy it asks a manager, and the lease keeps its end until approved",
		Args:  exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if by == "" {
				return UsageError{errors.New("--by is required, e.g. --by 3d")}
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
			return o.print(res.ExtendLease, func(w io.Writer) {
				if awaiting != "" {
					fmt.Fprintln(w, awaiting)
					return
				}
				fmt.Fprintf(w, "lease %s now ends %s\n", res.ExtendLease.Id, when(res.ExtendLease.EndsAt))
			})
		},
	})
	extend.Flags().StringVar(&by, "by", "", "how much longer: 3d, 12h")

	avail := withFlags(&cobra.Command{
		Use:   "avail [SKU]",
		Short: "Show me metal availability",
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			var sku *string
			if len(args) == 1 {
				sku = &args[0]
			}
			res, err := Availability(cmd.Context(), c, sku)
			if err != nil {
				return err
			}
			return o.print(res.Availability, func(w io.Writer) {
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "SKU\tAVAILABLE\tLEASED\tREBUILDING\tMAINTENANCE\tNAME")
				for _, a := range res.Availability {
					fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", a.Sku, a.Available, a.Leased, a.Rebuilding, a.Maintenance, a.Product.Name)
				}
				_ = tw.Flush()
			})
		},
	})

	login := &cobra.Command{
		Use:   "login [--server URL] [--token TOKEN]",
		Short: "Check a server URL and token and store them (0600) for the other verbs",
		Args:  exact(0),
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
			if o.token == "" && isTerminal(stdin) {
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
