// Package notify tells people about their leases: an outbox of notices written in the
// transaction of the change that causes them, a job that enqueues "your lease ends soon" notices,
// and a job that delivers due notices by e-mail, webhook or a log line, with retries and digests.
package notify

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"time"

	// Recipients name IANA zones; the host may have no zoneinfo (distroless images), so the
	// database is compiled in.
	_ "time/tzdata"

	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
)

// Kinds of notice.
const (
	KindExpiring       = "expiring"
	KindExpired        = "expired"
	KindVended         = "vended"
	KindRejected       = "rejected"
	KindReturned       = "returned"
	KindReclaimed      = "reclaimed"
	KindReclaimFailed  = "reclaim-failed"
	KindApprovalNeeded = "approval-needed"
	// KindItemReplaced tells a lease's owner that a faulty item was replaced; KindItemFaulty
	// that it was taken out of the lease with no replacement.
	KindItemReplaced = "item-replaced"
	KindItemFaulty   = "item-faulty"
	// KindExtensionApprovalNeeded asks the lease's cost center's managers (else the admins),
	// never the owner, to decide an extension beyond policy.
	KindExtensionApprovalNeeded = "extension-approval-needed"
	// KindExtensionApproved and KindExtensionRejected tell the owner how it was decided.
	KindExtensionApproved = "extension-approved"
	KindExtensionRejected = "extension-rejected"
	// KindStarting tells the owner a reservation starts soon (a threshold before its start);
	// KindBookingShort tells the owner and every admin that a reservation's items are short at
	// its start.
	KindStarting     = "starting"
	KindBookingShort = "booking-short"
)

// kinds lists every kind, for validation.
var kinds = []string{KindExpiring, KindExpired, KindVended, KindRejected, KindReturned, KindReclaimed,
	KindReclaimFailed, KindApprovalNeeded, KindItemReplaced, KindItemFaulty,
	KindExtensionApprovalNeeded, KindExtensionApproved, KindExtensionRejected, KindStarting, KindBookingShort}

// Channels a notice is delivered over.
const (
	ChannelEmail   = "email"
	ChannelWebhook = "webhook"
	// ChannelLog delivers by a structured log line: the fallback for users with no address, so a
	// notice is never silently dropped and still shows in the notices list.
	ChannelLog = "log"
)

// Event is something worth telling people.
type Event struct {
	Kind string
	// LeaseID is the lease it is about, if any.
	LeaseID *int
	// Lease, when set, is that lease as the caller holds it in memory, with its Owner and its
	// Allocations' Item and Product edges (ids, names, SKU), as it stands once the transaction
	// commits: the notice is written from it instead of reading the lease again inside a write
	// transaction, where every read holds up the writers queued behind it.
	Lease *ent.Lease
	// ItemID is the item it is about (reclaimed, reclaim-failed).
	ItemID *int
	// UserIDs are explicit recipients; when empty the recipients follow from Kind.
	UserIDs []int
	// Threshold is, for expiring notices, how long before the end it is sent, e.g. "24h".
	Threshold string
	// Message is free text: a rejection reason, a dispenser error.
	Message string
	// By is, for extension notices, how much longer the lease was asked to run, e.g. "30d".
	By string
}

// WebhookConfig is the global webhook; users may also have their own webhook_url.
type WebhookConfig struct {
	URL string `yaml:"url"`
	// Secret signs each body (X-Hardcandy-Signature); prefer SecretEnv so it stays out of the file.
	Secret    string `yaml:"secret"`
	SecretEnv string `yaml:"secret_env"`
	// Timeout bounds one POST (default 10s).
	Timeout duration.Duration `yaml:"timeout"`
}

// SMTPConfig is the mail server notices are sent through; e-mail is off while Host is empty.
type SMTPConfig struct {
	Host string `yaml:"host"`
	// Port defaults to 587 with STARTTLS and 25 without.
	Port     int    `yaml:"port"`
	Username string `yaml:"username"`
	Password string `yaml:"password"`
	// PasswordEnv names an environment variable holding the password.
	PasswordEnv string `yaml:"password_env"`
	// From is the sender, e.g. "Hardcandy <hardcandy@example.com>".
	From     string `yaml:"from"`
	StartTLS bool   `yaml:"starttls"`
	// InsecureSkipVerify accepts any server certificate: for test servers only.
	InsecureSkipVerify bool `yaml:"insecure_skip_verify"`
	// Timeout bounds one delivery, connection to QUIT (default 30s).
	Timeout duration.Duration `yaml:"timeout"`
}

// Config is the notices: section of hardcandy.yaml.
type Config struct {
	// Thresholds are how long before a lease ends its owner is warned (default 72h, 24h, 1h).
	Thresholds []duration.Duration `yaml:"thresholds"`
	Webhook    WebhookConfig       `yaml:"webhook"`
	SMTP       SMTPConfig          `yaml:"smtp"`
	// MaxAttempts failed deliveries give a notice up (default 8).
	MaxAttempts int `yaml:"max_attempts"`
	// Backoff is the wait after the first failed delivery; it doubles per failure, up to an hour
	// (default 30s).
	Backoff duration.Duration `yaml:"backoff"`
	// Batch bounds the leases or notices one run handles (default 200).
	Batch int `yaml:"batch"`
	// TimeZone is the IANA zone for users without one (default "UTC").
	TimeZone string `yaml:"time_zone"`
	// ServerURL is shown in messages, in the CLI command to extend (its --server); optional.
	ServerURL string `yaml:"server_url"`
}

// maxBackoff caps the wait between delivery attempts.
const maxBackoff = time.Hour

// Defaults used for zero fields.
const (
	defaultMaxAttempts    = 8
	defaultBackoff        = 30 * time.Second
	defaultBatch          = 200
	defaultTimeZone       = "UTC"
	defaultWebhookTimeout = 10 * time.Second
	defaultSMTPTimeout    = 30 * time.Second
)

// DefaultThresholds are the warnings before a lease ends when none are configured.
var DefaultThresholds = []duration.Duration{
	duration.Duration(72 * time.Hour), duration.Duration(24 * time.Hour), duration.Duration(time.Hour),
}

// withDefaults fills zero fields.
func (c Config) withDefaults() Config {
	if len(c.Thresholds) == 0 {
		c.Thresholds = DefaultThresholds
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = defaultMaxAttempts
	}
	if c.Backoff <= 0 {
		c.Backoff = duration.Duration(defaultBackoff)
	}
	if c.Batch <= 0 {
		c.Batch = defaultBatch
	}
	if c.TimeZone == "" {
		c.TimeZone = defaultTimeZone
	}
	if c.Webhook.Timeout <= 0 {
		c.Webhook.Timeout = duration.Duration(defaultWebhookTimeout)
	}
	if c.SMTP.Timeout <= 0 {
		c.SMTP.Timeout = duration.Duration(defaultSMTPTimeout)
	}
	if c.SMTP.Port == 0 {
		c.SMTP.Port = 25
		if c.SMTP.StartTLS {
			c.SMTP.Port = 587
		}
	}
	return c
}

// emailEnabled reports whether notices go out by e-mail at all.
func (c Config) emailEnabled() bool { return c.SMTP.Host != "" }

// Validate reports configuration that would make every delivery fail, so the server can refuse to
// start instead of filling last_error columns: bad zones, URLs and thresholds, missing secrets.
func (c Config) Validate() error {
	var errs []error
	for i, t := range c.Thresholds {
		if t <= 0 {
			errs = append(errs, fmt.Errorf("notices.thresholds[%d]: must be positive", i))
		}
	}
	if c.MaxAttempts < 0 || c.Batch < 0 || c.Backoff < 0 {
		errs = append(errs, errors.New("notices: max_attempts, batch and backoff must not be negative"))
	}
	if c.TimeZone != "" {
		if _, err := time.LoadLocation(c.TimeZone); err != nil {
			errs = append(errs, fmt.Errorf("notices.time_zone: %w", err))
		}
	}
	if c.Webhook.URL != "" {
		if err := checkURL(c.Webhook.URL); err != nil {
			errs = append(errs, fmt.Errorf("notices.webhook.url: %w", err))
		}
	}
	if _, err := resolve("notices.webhook.secret", c.Webhook.Secret, c.Webhook.SecretEnv); err != nil {
		errs = append(errs, err)
	}
	if c.emailEnabled() {
		if _, err := NewEmailSender(c.SMTP); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// resolve returns a secret given inline or through an environment variable.
func resolve(key, inline, env string) (string, error) {
	switch {
	case inline != "" && env != "":
		return "", fmt.Errorf("%s: set either %s or %s_env, not both", key, key, key)
	case env != "":
		v, ok := os.LookupEnv(env)
		if !ok || v == "" {
			return "", fmt.Errorf("%s_env: environment variable %s is not set or empty", key, env)
		}
		return v, nil
	}
	return inline, nil
}

// checkURL accepts absolute http and https URLs: a webhook anywhere else cannot work, and other
// schemes have no business being fetched by the server.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http or https URL", raw)
	}
	return nil
}

// Item is one item of a lease as a message shows it.
type Item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	SKU  string `json:"sku"`
}

// Line is one requested line of a lease, for leases that hold no items yet.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Payload is what a message needs, captured when the notice is written (Notice.payload), so a
// message describes the lease as it was when the thing happened.
type Payload struct {
	Kind      string     `json:"kind"`
	LeaseID   *int       `json:"leaseId,omitempty"`
	Owner     string     `json:"owner,omitempty"`
	Items     []Item     `json:"items,omitempty"`
	Lines     []Line     `json:"lines,omitempty"`
	StartsAt  *time.Time `json:"startsAt,omitempty"`
	EndsAt    *time.Time `json:"endsAt,omitempty"`
	Duration  string     `json:"duration,omitempty"`
	Status    string     `json:"status,omitempty"`
	Threshold string     `json:"threshold,omitempty"`
	Message   string     `json:"message,omitempty"`
	By        string     `json:"by,omitempty"`
	ItemID    *int       `json:"itemId,omitempty"`
	At        time.Time  `json:"at"`
}

// FormatThreshold prints a threshold the way notices name it: whole hours as "24h" (never "1d",
// which reads oddly in "ends in 1d"), else minutes or seconds. Expiring dedupe keys use it, so it
// is canonical: "1d" and "24h" in the configuration are the same threshold.
func FormatThreshold(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%ds", d/time.Second)
}

// sortedThresholds returns the distinct thresholds, smallest first.
func sortedThresholds(ts []duration.Duration) []time.Duration {
	out := make([]time.Duration, 0, len(ts))
	for _, t := range ts {
		if t > 0 {
			out = append(out, t.Std().Truncate(time.Second))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
