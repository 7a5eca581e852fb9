package notify_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/notify"
)

// TestSubject checks the subject of each kind.
func TestSubject(t *testing.T) {
	t.Parallel()
	one := []notify.Item{{ID: 1, Name: "4d-small-01", SKU: "4D.small"}}
	many := []notify.Item{
		{Name: "a", SKU: "4D.small"}, {Name: "b", SKU: "2A.large"}, {Name: "c", SKU: "4D.small"},
		{Name: "d", SKU: "4D.small"}, {Name: "e", SKU: "4D.small"},
	}
	tests := []struct {
		p    notify.Payload
		want string
	}{
		{notify.Payload{Kind: notify.KindExpiring, LeaseID: ptr(123), Threshold: "24h", Items: one},
			"Lease 123 ends in 24h (4D.small: 4d-small-01)"},
		{notify.Payload{Kind: notify.KindExpired, LeaseID: ptr(123), Items: many},
			"Lease 123 has expired (4D.small: a, c; 2A.large: b and 2 more)"},
		{notify.Payload{Kind: notify.KindVended, LeaseID: ptr(7), Items: one}, "Lease 7 is ready (4D.small: 4d-small-01)"},
		{notify.Payload{Kind: notify.KindRejected, LeaseID: ptr(7), Lines: []notify.Line{{SKU: "5E.huge", Quantity: 2}}},
			"Lease 7 was rejected (2× 5E.huge)"},
		{notify.Payload{Kind: notify.KindReturned, LeaseID: ptr(7)}, "Lease 7 was returned"},
		{notify.Payload{Kind: notify.KindApprovalNeeded, LeaseID: ptr(7), Owner: "alice",
			Lines: []notify.Line{{SKU: "5E.huge", Quantity: 1}}}, "Lease 7 by alice needs approval (5E.huge)"},
		{notify.Payload{Kind: notify.KindReclaimed, Items: one}, "Item 4d-small-01 was reclaimed"},
		{notify.Payload{Kind: notify.KindReclaimFailed, Items: one}, "Reclaiming 4d-small-01 failed"},
		{notify.Payload{Kind: notify.KindReclaimFailed, LeaseID: ptr(9), Items: one}, "Reclaiming 4d-small-01 of lease 9 failed"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, notify.Subject(tt.p))
	}
}

// TestText checks the body names the lease, its items and its end in the reader's zone, and
// offers the extend command on expiring notices only.
func TestText(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	end := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	p := notify.Payload{Kind: notify.KindExpiring, LeaseID: ptr(123), Owner: "alice", Threshold: "1h", EndsAt: &end,
		Items: []notify.Item{{Name: "4d-small-01", SKU: "4D.small"}, {Name: "2a-large-07", SKU: "2A.large"}}}
	tests := []struct {
		name      string
		p         notify.Payload
		loc       *time.Location
		server    string
		want, not []string
	}{
		{name: "expiring in Berlin", p: p, loc: berlin, want: []string{
			"Lease 123 of alice ends in 1h, on Mon, 23 Nov 2026 09:00 CET.",
			"  - 4d-small-01 (4D.small)\n  - 2a-large-07 (2A.large)\n",
			"\n  hardcandy extend 123 --by 3d\n",
		}},
		{name: "expiring in Tokyo with a server", p: p, loc: tokyo, server: "https://hc.example.com", want: []string{
			"on Mon, 23 Nov 2026 17:00 JST.",
			"hardcandy --server https://hc.example.com extend 123 --by 3d",
		}},
		{name: "vended", p: notify.Payload{Kind: notify.KindVended, LeaseID: ptr(5), EndsAt: &end, Items: p.Items},
			loc: time.UTC, server: "https://hc.example.com",
			want: []string{"Lease 5 is ready. It ends on Mon, 23 Nov 2026 08:00 UTC.", "Server: https://hc.example.com"},
			not:  []string{"extend"}},
		{name: "approval lists the request", p: notify.Payload{Kind: notify.KindApprovalNeeded, LeaseID: ptr(5),
			Owner: "bob", Duration: "7d", Lines: []notify.Line{{SKU: "5E.huge", Quantity: 2}}}, loc: time.UTC,
			want: []string{"Lease 5 of bob needs approval for 7d.", "Requested:\n  - 2× 5E.huge\n"}},
		{name: "reclaim failure carries the message", p: notify.Payload{Kind: notify.KindReclaimFailed,
			Items: p.Items[:1], Message: "wipe timed out"}, loc: time.UTC,
			want: []string{"Reclaiming an item failed", "Message: wipe timed out", "4d-small-01 (4D.small)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := notify.Text(tt.p, tt.loc, tt.server)
			for _, w := range tt.want {
				require.Contains(t, got, w)
			}
			for _, n := range tt.not {
				require.NotContains(t, got, n)
			}
		})
	}
}

// TestFormatThreshold checks thresholds print in hours, not days, and as the parser reads them.
func TestFormatThreshold(t *testing.T) {
	t.Parallel()
	for in, want := range map[time.Duration]string{
		72 * time.Hour: "72h", 24 * time.Hour: "24h", time.Hour: "1h", 90 * time.Minute: "90m",
		45 * time.Second: "45s",
	} {
		require.Equal(t, want, notify.FormatThreshold(in))
		require.Equal(t, want, notify.FormatThreshold(mustDurations(t, want)[0].Std()))
	}
}

// TestValidate checks configuration mistakes are reported before the first delivery.
func TestValidate(t *testing.T) {
	t.Parallel()
	// PATH is set wherever tests run; t.Setenv would rule out t.Parallel.
	const present = "PATH"
	tests := []struct {
		name string
		cfg  notify.Config
		want string // "" for valid
	}{
		{name: "empty is valid", cfg: notify.Config{}},
		{name: "full", cfg: notify.Config{TimeZone: "Europe/Berlin",
			Webhook: notify.WebhookConfig{URL: "https://hooks.example.com/x", SecretEnv: present},
			SMTP: notify.SMTPConfig{Host: "mail.example.com", From: "Hardcandy <hc@example.com>", Username: "u",
				Password: "p", StartTLS: true}}},
		{name: "bad zone", cfg: notify.Config{TimeZone: "Mars/Olympus"}, want: "time_zone"},
		{name: "bad url", cfg: notify.Config{Webhook: notify.WebhookConfig{URL: "ftp://x"}}, want: "webhook.url"},
		{name: "missing secret variable", cfg: notify.Config{Webhook: notify.WebhookConfig{SecretEnv: "NOTIFY_TEST_NOPE"}},
			want: "NOTIFY_TEST_NOPE"},
		{name: "secret twice", cfg: notify.Config{Webhook: notify.WebhookConfig{Secret: "a", SecretEnv: present}},
			want: "not both"},
		{name: "no from", cfg: notify.Config{SMTP: notify.SMTPConfig{Host: "mail.example.com"}}, want: "from"},
		{name: "password in the clear", cfg: notify.Config{SMTP: notify.SMTPConfig{Host: "mail.example.com",
			From: "hc@example.com", Username: "u", Password: "p"}}, want: "starttls"},
		{name: "negative threshold", cfg: notify.Config{Thresholds: []duration.Duration{-1}}, want: "thresholds[0]"},
	}
	for _, tt := range tests {
		err := tt.cfg.Validate()
		if tt.want == "" {
			require.NoError(t, err, tt.name)
			continue
		}
		require.Error(t, err, tt.name)
		require.True(t, strings.Contains(err.Error(), tt.want), "%s: %v", tt.name, err)
	}
}
