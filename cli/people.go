package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// Version is the build's version, set with -ldflags "-X github.com/hardcandy/hardcandy/cli.Version=v1.2.3";
// without it `version` names the commit the binary was built from.
var Version = "dev"

// peopleCommands are whoami, logout, profile, tokens, users and version.
func (o *options) peopleCommands() []*cobra.Command {
	whoami := o.verb(&cobra.Command{
		Use:     "whoami",
		Short:   "Who the token signs in as: name, role, cost center, email, time zone, webhook",
		Example: "  hardcandy whoami\n  hardcandy whoami --json",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := WhoAmI(cmd.Context(), c)
			if err != nil {
				return err
			}
			u := res.Viewer
			return o.print(u, func(w io.Writer) {
				cc := "-"
				if u.CostCenter != nil {
					cc = u.CostCenter.Code
				}
				fmt.Fprintf(w, "%s (%s) in %s\n", u.Name, u.Role, cc)
				fmt.Fprintf(w, "email:     %s\ntime zone: %s\nwebhook:   %s\n", orDash(u.Email), orDash(u.TimeZone), orDash(u.WebhookUrl))
			})
		},
	})

	logout := &cobra.Command{
		Use:     "logout",
		Short:   "Forget the stored login (the token stays valid: `hardcandy tokens revoke ID` ends it)",
		Example: "  hardcandy tokens list   # note the id of this machine's token\n  hardcandy tokens revoke ID\n  hardcandy logout",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := configPath()
			if err != nil {
				return err
			}
			if err := os.Remove(path); errors.Is(err, os.ErrNotExist) {
				fmt.Fprintln(cmd.OutOrStdout(), "not logged in")
				return nil
			} else if err != nil {
				return fmt.Errorf("removing your login: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "logged out: removed %s\n", path)
			return nil
		},
	}

	var email, zone, hook string
	profile := o.verb(&cobra.Command{
		Use:     "profile [--email ADDR] [--time-zone ZONE] [--webhook-url URL]",
		Short:   "Set your own email, time zone and webhook URL for notices (\"\" clears one)",
		Example: "  hardcandy profile --time-zone Europe/Berlin --webhook-url https://chat.example.com/hooks/me",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var in UpdateProfileInput
			for name, dst := range map[string]**string{"email": &in.Email, "time-zone": &in.TimeZone, "webhook-url": &in.WebhookUrl} {
				if cmd.Flags().Changed(name) {
					v, _ := cmd.Flags().GetString(name)
					*dst = &v
				}
			}
			if in.Email == nil && in.TimeZone == nil && in.WebhookUrl == nil {
				return UsageError{errors.New("profile: give --email, --time-zone or --webhook-url")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := UpdateProfile(cmd.Context(), c, in)
			if err != nil {
				return err
			}
			u := res.UpdateProfile
			return o.print(u, func(w io.Writer) {
				fmt.Fprintf(w, "%s: email %s, time zone %s, webhook %s\n", u.Name, orDash(u.Email), orDash(u.TimeZone), orDash(u.WebhookUrl))
			})
		},
	})
	profile.Flags().StringVar(&email, "email", "", "your email address")
	profile.Flags().StringVar(&zone, "time-zone", "", "IANA zone for times in notices, e.g. Europe/Berlin")
	profile.Flags().StringVar(&hook, "webhook-url", "", "where notices are POSTed: https, or http to localhost")

	version := &cobra.Command{
		Use:     "version",
		Short:   "Print the client's version",
		Example: "  hardcandy version",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), versionLine())
			return nil
		},
	}
	return append([]*cobra.Command{whoami, logout, profile, version}, o.tokenCommands(), o.userCommands())
}

// versionLine is "hardcandy VERSION (commit C, go1.x)".
func versionLine() string {
	commit, goVersion := "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				commit = s.Value[:12]
			}
		}
	}
	return fmt.Sprintf("hardcandy %s (commit %s, %s)", Version, commit, goVersion)
}

func orDash(s *string) string {
	if s == nil || *s == "" {
		return "-"
	}
	return *s
}

// tokenCommands: tokens list|create|revoke.
func (o *options) tokenCommands() *cobra.Command {
	var forUser string
	tokens := &cobra.Command{
		Use:     "tokens",
		Short:   "Your API tokens (admins: anyone's with --user): list, create, revoke",
		Example: "  hardcandy tokens list\n  hardcandy tokens create --name laptop --expires 90d\n  hardcandy tokens revoke 12",
		Args:    exact(0),
	}
	list := o.verb(&cobra.Command{
		Use:     "list [--user NAME]",
		Short:   "List API tokens: prefix, name, created, last used, expiry (never the secret)",
		Example: "  hardcandy tokens list\n  hardcandy tokens list --user alice   # admins",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			uid, err := userID(cmd.Context(), c, forUser)
			if err != nil {
				return err
			}
			res, err := Tokens(cmd.Context(), c, uid)
			if err != nil {
				return err
			}
			return o.print(res.Tokens, func(w io.Writer) {
				table(w, "ID\tPREFIX\tNAME\tCREATED\tLAST USED\tEXPIRES\tSTATE", func(tw io.Writer) {
					for _, t := range res.Tokens {
						state := "active"
						switch {
						case t.RevokedAt != nil:
							state = "revoked"
						case !t.Active:
							state = "expired"
						}
						fmt.Fprintf(tw, "%s\t%s…\t%s\t%s\t%s\t%s\t%s\n", t.Id, t.Prefix, orDash(t.Name), day(&t.CreatedAt), day(t.LastUsedAt), day(t.ExpiresAt), state)
					}
				})
			})
		},
	})
	list.Flags().StringVar(&forUser, "user", "", "whose tokens (admins)")

	var name, expires string
	create := o.verb(&cobra.Command{
		Use:     "create [--name NAME] [--expires 90d] [--user NAME]",
		Short:   "Create an API token; the secret is printed once, only now",
		Example: "  hardcandy tokens create --name ci --expires 90d",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			in := CreateTokenInput{Name: optional(name), ExpiresIn: optional(expires)}
			if in.UserId, err = userID(cmd.Context(), c, forUser); err != nil {
				return err
			}
			res, err := CreateToken(cmd.Context(), c, in)
			if err != nil {
				return err
			}
			t := res.CreateToken
			return o.print(t, func(w io.Writer) {
				fmt.Fprintf(w, "token %s for %s, expires %s; the secret is shown only now:\n%s\n", t.ApiToken.Id, t.ApiToken.User.Name, day(t.ApiToken.ExpiresAt), t.Token)
			})
		},
	})
	create.Flags().StringVar(&name, "name", "", "a name to tell it apart, e.g. laptop or ci")
	create.Flags().StringVar(&expires, "expires", "", "it stops working this long from now, e.g. 90d (default: until revoked)")
	create.Flags().StringVar(&forUser, "user", "", "for whom (admins)")

	revoke := o.verb(&cobra.Command{
		Use:     "revoke ID",
		Short:   "Revoke an API token (yours; admins: anyone's); it stops working at once",
		Example: "  hardcandy tokens revoke 12",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := RevokeToken(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			t := res.RevokeToken
			return o.print(t, func(w io.Writer) { fmt.Fprintf(w, "revoked token %s (%s…) of %s\n", t.Id, t.Prefix, t.User.Name) })
		},
	})
	tokens.AddCommand(list, create, revoke)
	return tokens
}

// userCommands: users list|add|set|deactivate.
func (o *options) userCommands() *cobra.Command {
	users := &cobra.Command{
		Use:     "users",
		Short:   "People: list (managers see their cost center), add, set, deactivate (admins)",
		Example: "  hardcandy users list\n  hardcandy users add dana --cost-center ENG --role user\n  hardcandy users deactivate dana",
		Args:    exact(0),
	}
	list := o.verb(&cobra.Command{
		Use:     "list",
		Short:   "List the people you may see",
		Example: "  hardcandy users list",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Users(cmd.Context(), c)
			if err != nil {
				return err
			}
			return o.print(res.Users, func(w io.Writer) {
				table(w, "ID\tNAME\tROLE\tCOST CENTER\tEMAIL\tSTATE", func(tw io.Writer) {
					for _, u := range res.Users {
						cc, state := "-", "active"
						if u.CostCenter != nil {
							cc = u.CostCenter.Code
						}
						if u.DeactivatedAt != nil {
							state = "deactivated " + day(u.DeactivatedAt)
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Id, u.Name, u.Role, cc, orDash(u.Email), state)
					}
				})
			})
		},
	})

	var role, cc, email string
	add := o.verb(&cobra.Command{
		Use:     "add NAME --cost-center CODE [--role user|manager|admin] [--email ADDR]",
		Short:   "Add a user (admins); prints their first token, once",
		Example: "  hardcandy users add carol --cost-center ENG --role manager --email carol@example.com",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := parseRole(role)
			if err != nil {
				return err
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := CreateUser(cmd.Context(), c, CreateUserInput{Name: args[0], Role: *r, CostCenter: cc, Email: optional(email)})
			if err != nil {
				return err
			}
			u := res.CreateUser
			return o.print(u, func(w io.Writer) {
				fmt.Fprintf(w, "added %s (%s) in %s; their token, shown only now:\n%s\n", u.User.Name, u.User.Role, cc, u.Token)
			})
		},
	})
	add.Flags().StringVar(&role, "role", "user", "user, manager or admin")
	add.Flags().StringVar(&cc, "cost-center", "", "cost center code (created when new)")
	add.Flags().StringVar(&email, "email", "", "email address for notices")

	set := o.verb(&cobra.Command{
		Use:     "set NAME [--role R] [--cost-center CODE] [--email ADDR]",
		Short:   "Change a user's role, cost center or email (admins)",
		Example: "  hardcandy users set alice --role manager\n  hardcandy users set bob --cost-center ENG --email ''",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var in UpdateUserInput
			if cmd.Flags().Changed("role") {
				v, _ := cmd.Flags().GetString("role")
				r, err := parseRole(v)
				if err != nil {
					return err
				}
				in.Role = r
			}
			for name, dst := range map[string]**string{"cost-center": &in.CostCenter, "email": &in.Email} {
				if cmd.Flags().Changed(name) {
					v, _ := cmd.Flags().GetString(name)
					*dst = &v
				}
			}
			if in.Role == nil && in.CostCenter == nil && in.Email == nil {
				return UsageError{errors.New("users set: give --role, --cost-center or --email")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			id, err := userID(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			res, err := UpdateUser(cmd.Context(), c, *id, in)
			if err != nil {
				return err
			}
			u := res.UpdateUser
			return o.print(u, func(w io.Writer) {
				code := "-"
				if u.CostCenter != nil {
					code = u.CostCenter.Code
				}
				fmt.Fprintf(w, "%s is %s in %s, email %s\n", u.Name, u.Role, code, orDash(u.Email))
			})
		},
	})
	set.Flags().String("role", "", "user, manager or admin")
	set.Flags().String("cost-center", "", "an existing cost center's code")
	set.Flags().String("email", "", "email address (\"\" clears it)")

	deactivate := o.verb(&cobra.Command{
		Use:     "deactivate NAME",
		Short:   "Deactivate a user (admins): their tokens stop at once; their leases run to their end",
		Example: "  hardcandy users deactivate bob",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			id, err := userID(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			res, err := DeactivateUser(cmd.Context(), c, *id)
			if err != nil {
				return err
			}
			u := res.DeactivateUser
			return o.print(u, func(w io.Writer) {
				fmt.Fprintf(w, "deactivated %s: their tokens are revoked; their leases run to their end\n", u.Name)
			})
		},
	})
	users.AddCommand(list, add, set, deactivate)
	return users
}

// parseRole reads user|manager|admin in any case.
func parseRole(s string) (*Role, error) {
	r := Role(strings.ToUpper(strings.TrimSpace(s)))
	if !slices.Contains(AllRole, r) {
		return nil, UsageError{fmt.Errorf("--role %q: one of user, manager, admin", s)}
	}
	return &r, nil
}

// userID finds the id of the user named name among those the viewer may see; "" is nil (the
// viewer).
func userID(ctx context.Context, c graphql.Client, name string) (*string, error) {
	if name == "" {
		return nil, nil
	}
	res, err := Users(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, u := range res.Users {
		if u.Name == name {
			return &u.Id, nil
		}
	}
	return nil, fmt.Errorf("NOT_FOUND: no user %q that you may see", name)
}

// day prints a time as its local date and time, or "-".
func day(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}
