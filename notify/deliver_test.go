package notify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/notify"
)

const hookSecret = "hook-secret"

// readMail parses a received message and decodes its body.
func readMail(t *testing.T, m received) (*mail.Message, string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
	require.NoError(t, err)
	require.Equal(t, "quoted-printable", msg.Header.Get("Content-Transfer-Encoding"))
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	require.NoError(t, err)
	return msg, string(body)
}

// TestDeliverEmail sends an expiring notice through a real SMTP server with STARTTLS and AUTH
// PLAIN and reads it back.
func TestDeliverEmail(t *testing.T) {
	t.Parallel()
	b := setup(t)
	box := startSMTP(t)
	cfg := notify.Config{SMTP: box.Config()}
	l := b.lease(t, "alice", 19*time.Hour, 1) // ends Mon 23 Nov 2026 08:00 UTC
	b.enqueue(t, notify.NewOutbox(cfg), notify.Event{Kind: notify.KindExpiring, LeaseID: &l.ID, Threshold: "24h"})

	b.clock.Advance(time.Minute)
	d := notify.NewDeliverer(b.store, cfg, slog.New(slog.DiscardHandler), b.clock, nil)
	n, err := d.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)

	mails := box.Mails()
	require.Len(t, mails, 1)
	require.True(t, mails[0].TLS, "STARTTLS")
	require.Equal(t, smtpUser, mails[0].AuthAs)
	require.Equal(t, "hardcandy@example.com", mails[0].From)
	require.Equal(t, []string{"alice@example.com"}, mails[0].To)

	msg, body := readMail(t, mails[0])
	h := msg.Header
	require.Equal(t, `"Hardcandy" <hardcandy@example.com>`, h.Get("From"))
	to, err := h.AddressList("To")
	require.NoError(t, err)
	require.Equal(t, []*mail.Address{{Name: "alice", Address: "alice@example.com"}}, to)
	// The time actually left when the notice was written, not the threshold it crossed.
	require.Equal(t, fmt.Sprintf("Lease %d ends in 19h (4D.small: 4d-small-01)", l.ID), h.Get("Subject"))
	date, err := h.Date()
	require.NoError(t, err)
	require.True(t, date.Equal(b.clock.Now()), "Date %s", date)
	require.Regexp(t, `^<hardcandy\.notice\.\d+\.\d+\.[0-9a-f]+@example\.com>$`, h.Get("Message-ID"))
	require.Equal(t, "1.0", h.Get("MIME-Version"))
	require.Equal(t, "text/plain; charset=utf-8", h.Get("Content-Type"))
	require.Equal(t, "auto-generated", h.Get("Auto-Submitted"))

	require.Contains(t, body, fmt.Sprintf("Lease %d of alice ends in 19h, on Mon, 23 Nov 2026 09:00 CET.", l.ID))
	require.Contains(t, body, "  - 4d-small-01 (4D.small)\r\n")
	require.Contains(t, body, fmt.Sprintf("hardcandy extend %d --by 3d", l.ID))

	ns := b.notices(t)
	require.Len(t, ns, 1)
	require.Equal(t, b.clock.Now(), ns[0].DeliveredAt.UTC())
	require.Equal(t, 1, ns[0].Attempts)
	require.Nil(t, ns[0].LastError)

	// Delivered notices are not sent again.
	n, err = d.Run(b.sys, b.clock.Now().Add(time.Hour))
	require.NoError(t, err)
	require.Zero(t, n)
	require.Len(t, box.Mails(), 1)
}

// TestDeliverEmailFailure checks an SMTP refusal is a failed attempt with the server's answer.
func TestDeliverEmailFailure(t *testing.T) {
	t.Parallel()
	b := setup(t)
	box := startSMTP(t)
	smtpCfg := box.Config()
	smtpCfg.Password = "wrong"
	cfg := notify.Config{SMTP: smtpCfg}
	l := b.lease(t, "alice", 19*time.Hour, 1)
	b.enqueue(t, notify.NewOutbox(cfg), notify.Event{Kind: notify.KindVended, LeaseID: &l.ID})
	d := notify.NewDeliverer(b.store, cfg, slog.New(slog.DiscardHandler), b.clock, nil)
	n, err := d.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n)
	nt := b.notices(t)[0]
	require.Equal(t, 1, nt.Attempts)
	require.Contains(t, *nt.LastError, "auth")
	require.Equal(t, b.clock.Now().Add(30*time.Second), nt.DeliverAfter.UTC())
	require.Empty(t, box.Mails())
}

// TestDeliverWebhookRetries checks a webhook that fails twice: attempts, errors and backoff are
// recorded, early runs leave the notice alone, and the third attempt delivers it.
func TestDeliverWebhookRetries(t *testing.T) {
	t.Parallel()
	b := setup(t)
	h := startHook(t, hookSecret, 2)
	cfg := notify.Config{Webhook: notify.WebhookConfig{URL: h.URL, Secret: hookSecret}}
	l := b.lease(t, "bob", 19*time.Hour, 1)
	b.enqueue(t, notify.NewOutbox(cfg), notify.Event{Kind: notify.KindVended, LeaseID: &l.ID})
	id := b.notices(t)[0].ID
	d := notify.NewDeliverer(b.store, cfg, slog.New(slog.DiscardHandler), b.clock, nil)

	run := func(at time.Time) int {
		t.Helper()
		n, err := d.Run(b.sys, at)
		require.NoError(t, err)
		return n
	}
	require.Zero(t, run(t0))
	nt := b.notice(t, id)
	require.Equal(t, 1, nt.Attempts)
	require.Equal(t, "webhook answered 500 Internal Server Error: boom: backend down", *nt.LastError)
	require.Equal(t, t0.Add(30*time.Second), nt.DeliverAfter.UTC())
	require.Nil(t, nt.DeliveredAt)
	require.Nil(t, nt.FailedAt)

	require.Zero(t, run(t0.Add(29*time.Second)), "not due yet")
	calls, _, _ := h.Calls()
	require.Equal(t, 1, calls)

	require.Zero(t, run(t0.Add(30*time.Second)))
	nt = b.notice(t, id)
	require.Equal(t, 2, nt.Attempts)
	require.Equal(t, t0.Add(90*time.Second), nt.DeliverAfter.UTC(), "the backoff doubles")

	require.Equal(t, 1, run(t0.Add(90*time.Second)))
	nt = b.notice(t, id)
	require.Equal(t, 3, nt.Attempts)
	require.Equal(t, t0.Add(90*time.Second), nt.DeliveredAt.UTC())
	require.Nil(t, nt.FailedAt)

	calls, bodies, problems := h.Calls()
	require.Empty(t, problems)
	require.Equal(t, 3, calls)
	require.Len(t, bodies, 1)
	require.Equal(t, "bob", bodies[0].Recipient)
	require.Len(t, bodies[0].Notices, 1)
	got := bodies[0].Notices[0]
	require.Equal(t, id, got.ID)
	require.Equal(t, notify.KindVended, got.Kind)
	require.Equal(t, l.ID, *got.LeaseID)
	require.Equal(t, "bob", got.Owner)
	require.Equal(t, []notify.Item{{ID: got.Items[0].ID, Name: "4d-small-01", SKU: "4D.small"}}, got.Items)
	require.Equal(t, fmt.Sprintf("Lease %d is ready (4D.small: 4d-small-01)", l.ID), got.Subject)
	// bob has no zone of his own: the configured default, UTC.
	require.Contains(t, got.Text, "It ends on Mon, 23 Nov 2026 08:00 UTC.")

	require.Zero(t, run(t0.Add(time.Hour)), "delivered once")
}

// TestDeliverWebhookGivesUp checks a webhook that always fails is given up after MaxAttempts.
func TestDeliverWebhookGivesUp(t *testing.T) {
	t.Parallel()
	b := setup(t)
	h := startHook(t, hookSecret, -1)
	cfg := notify.Config{Webhook: notify.WebhookConfig{URL: h.URL, Secret: hookSecret}, MaxAttempts: 3,
		Backoff: duration.Duration(time.Minute)}
	l := b.lease(t, "bob", 19*time.Hour, 1)
	b.enqueue(t, notify.NewOutbox(cfg), notify.Event{Kind: notify.KindVended, LeaseID: &l.ID})
	id := b.notices(t)[0].ID
	logger, logs := newLogger()
	d := notify.NewDeliverer(b.store, cfg, logger, b.clock, nil)

	for i := 1; i <= 3; i++ {
		n, err := d.Run(b.sys, b.clock.Now())
		require.NoError(t, err)
		require.Zero(t, n)
		nt := b.notice(t, id)
		require.Equal(t, i, nt.Attempts)
		if i < 3 {
			require.Nil(t, nt.FailedAt)
			require.Equal(t, b.clock.Now().Add(d.Backoff(i)), nt.DeliverAfter.UTC())
			b.clock.Advance(d.Backoff(i))
		} else {
			require.Equal(t, b.clock.Now(), nt.FailedAt.UTC(), "given up at the third failure")
		}
	}
	b.clock.Advance(24 * time.Hour)
	n, err := d.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n)
	calls, _, problems := h.Calls()
	require.Equal(t, 3, calls, "no attempt after giving up")
	require.Empty(t, problems)
	require.Contains(t, logs.String(), `"msg":"notice given up"`)
}

// TestDeliverDigest checks several notices due to one person on one channel become one message:
// one e-mail and one webhook call listing three, while another person's notice goes apart and
// a user's own webhook wins over the global one.
func TestDeliverDigest(t *testing.T) {
	t.Parallel()
	b := setup(t)
	box := startSMTP(t)
	own := startHook(t, hookSecret, 0)
	global := startHook(t, hookSecret, 0)
	cfg := notify.Config{SMTP: box.Config(), Webhook: notify.WebhookConfig{URL: global.URL, Secret: hookSecret},
		ServerURL: "https://hardcandy.example.com"}
	b.client.User.UpdateOneID(b.users["alice"].ID).SetWebhookURL(own.URL).ExecX(b.sys)

	o := notify.NewOutbox(cfg)
	l1 := b.lease(t, "alice", 19*time.Hour, 1)
	l2 := b.lease(t, "alice", 48*time.Hour, 2)
	l3 := b.lease(t, "alice", 2*time.Hour, 1)
	lb := b.lease(t, "bob", 19*time.Hour, 1)
	b.enqueue(t, o, notify.Event{Kind: notify.KindExpiring, LeaseID: &l1.ID, Threshold: "24h"})
	b.enqueue(t, o, notify.Event{Kind: notify.KindVended, LeaseID: &l2.ID})
	b.enqueue(t, o, notify.Event{Kind: notify.KindReturned, LeaseID: &l3.ID})
	b.enqueue(t, o, notify.Event{Kind: notify.KindVended, LeaseID: &lb.ID})
	require.Len(t, b.notices(t), 7) // alice: 3 × (email, webhook); bob: webhook

	d := notify.NewDeliverer(b.store, cfg, slog.New(slog.DiscardHandler), b.clock, nil)
	n, err := d.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 7, n)

	mails := box.Mails()
	require.Len(t, mails, 1)
	msg, body := readMail(t, mails[0])
	require.Equal(t, "3 Hardcandy notices", msg.Header.Get("Subject"))
	for _, want := range []string{
		"3 Hardcandy notices for alice:",
		fmt.Sprintf("1. Lease %d ends in 19h (4D.small: 4d-small-01)", l1.ID),
		fmt.Sprintf("2. Lease %d is ready (4D.small: 4d-small-02, 4d-small-03)", l2.ID),
		fmt.Sprintf("3. Lease %d was returned (4D.small: 4d-small-04)", l3.ID),
		"on Mon, 23 Nov 2026 09:00 CET.",
		fmt.Sprintf("hardcandy --server https://hardcandy.example.com extend %d --by 3d", l1.ID),
	} {
		require.Contains(t, body, want)
	}

	calls, bodies, problems := own.Calls()
	require.Empty(t, problems)
	require.Equal(t, 1, calls)
	require.Equal(t, "alice", bodies[0].Recipient)
	require.Len(t, bodies[0].Notices, 3)
	var kinds []string
	for _, nv := range bodies[0].Notices {
		kinds = append(kinds, nv.Kind)
		require.NotEmpty(t, nv.Text)
	}
	require.Equal(t, []string{notify.KindExpiring, notify.KindVended, notify.KindReturned}, kinds)

	calls, bodies, problems = global.Calls()
	require.Empty(t, problems)
	require.Equal(t, 1, calls)
	require.Equal(t, "bob", bodies[0].Recipient)
	require.Len(t, bodies[0].Notices, 1)
}

// TestDeliverLog checks people without an address are told in the log, which always succeeds.
func TestDeliverLog(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "bob", 19*time.Hour, 1)
	b.enqueue(t, notify.NewOutbox(notify.Config{}), notify.Event{Kind: notify.KindRejected, LeaseID: &l.ID,
		Message: "no budget left"})
	// A zone that does not exist falls back to the configured default rather than failing.
	b.client.User.UpdateOneID(b.users["bob"].ID).SetTimeZone("Nowhere/Land").ExecX(b.sys)
	b.enqueue(t, notify.NewOutbox(notify.Config{}), notify.Event{Kind: notify.KindVended, LeaseID: &l.ID})
	logger, logs := newLogger()
	d := notify.NewDeliverer(b.store, notify.Config{TimeZone: "Asia/Tokyo"}, logger, b.clock, nil)
	n, err := d.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 2, n)
	var line struct {
		Msg, Recipient, Kind, Subject, Text string
	}
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(logs.String())), &line))
	require.Equal(t, "notice", line.Msg)
	require.Equal(t, "bob", line.Recipient)
	require.Equal(t, notify.KindRejected+","+notify.KindVended, line.Kind)
	require.Equal(t, "2 Hardcandy notices", line.Subject)
	require.Contains(t, line.Text, fmt.Sprintf("1. Lease %d was rejected (4D.small: 4d-small-01)", l.ID))
	require.Contains(t, line.Text, "Message: no budget left")
	require.Contains(t, line.Text, "It ends on Mon, 23 Nov 2026 17:00 JST.")
}

// TestWebhookSender checks statuses, the signature header and what a failure says.
func TestWebhookSender(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		secret  string
		status  int
		wantErr string
	}{
		{name: "200 signed", secret: hookSecret, status: http.StatusOK},
		{name: "204 unsigned", status: http.StatusNoContent},
		{name: "a redirect is not followed", status: http.StatusFound, wantErr: "webhook answered 302 Found: moved"},
		{name: "404 with a snippet", status: http.StatusNotFound, wantErr: "webhook answered 404 Not Found: moved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var sig, ctype string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				sig, ctype = r.Header.Get(dispenser.HeaderSignature), r.Header.Get("Content-Type")
				mu.Unlock()
				w.Header().Set("Location", "/elsewhere")
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, "moved "+strings.Repeat("x", 1000))
			}))
			t.Cleanup(srv.Close)
			s, err := notify.NewWebhookSender(notify.WebhookConfig{Secret: tt.secret})
			require.NoError(t, err)
			err = s.Send(context.Background(), notify.Message{Channel: notify.ChannelWebhook, Recipient: srv.URL,
				UserName: "bob", Notices: []notify.NoticeView{{ID: 1, Payload: notify.Payload{Kind: notify.KindVended}}}})
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				require.Less(t, len(err.Error()), 300, "the body is cut short")
			} else {
				require.NoError(t, err)
			}
			mu.Lock()
			defer mu.Unlock()
			require.Equal(t, "application/json", ctype)
			if tt.secret == "" {
				require.Empty(t, sig)
			} else {
				require.True(t, strings.HasPrefix(sig, "sha256="), sig)
			}
		})
	}
	// Only absolute http(s) URLs are posted to.
	s, err := notify.NewWebhookSender(notify.WebhookConfig{})
	require.NoError(t, err)
	require.ErrorContains(t, s.Send(context.Background(), notify.Message{Recipient: "file:///etc/passwd"}), "not an absolute http")
}

// TestDeliverBatchAndConcurrency checks a run delivers at most Batch notices, and runs racing in
// one process deliver each notice once.
func TestDeliverBatchAndConcurrency(t *testing.T) {
	t.Parallel()
	b := setup(t)
	h := startHook(t, hookSecret, 0)
	cfg := notify.Config{Webhook: notify.WebhookConfig{URL: h.URL, Secret: hookSecret}, Batch: 2}
	o := notify.NewOutbox(cfg)
	for _, who := range []string{"alice", "bob", "carol", "manny", "mo"} {
		l := b.lease(t, who, 19*time.Hour, 1)
		b.enqueue(t, o, notify.Event{Kind: notify.KindVended, LeaseID: &l.ID})
	}
	// carol's own webhook is unreachable; route it here too.
	b.client.User.UpdateOneID(b.users["carol"].ID).SetWebhookURL(h.URL).ExecX(b.sys)
	d := notify.NewDeliverer(b.store, cfg, slog.New(slog.DiscardHandler), b.clock, nil)

	n, err := d.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 2, n)

	var wg sync.WaitGroup
	got := make([]int, 4)
	errs := make([]error, 4)
	for i := range got {
		wg.Go(func() { got[i], errs[i] = d.Run(database.System(context.Background()), b.clock.Now()) })
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	require.Equal(t, 3, got[0]+got[1]+got[2]+got[3])
	calls, bodies, problems := h.Calls()
	require.Empty(t, problems)
	require.Equal(t, 5, calls)
	seen := map[string]bool{}
	for _, body := range bodies {
		require.False(t, seen[body.Recipient], "%s told twice", body.Recipient)
		seen[body.Recipient] = true
	}
	require.Len(t, seen, 5)
}

// TestBackoff checks the wait doubles per failure and stops at an hour.
func TestBackoff(t *testing.T) {
	t.Parallel()
	d := notify.NewDeliverer(nil, notify.Config{}, slog.New(slog.DiscardHandler), nil, map[string]notify.Sender{})
	for _, tt := range []struct {
		failures int
		want     time.Duration
	}{
		{1, 30 * time.Second}, {2, time.Minute}, {3, 2 * time.Minute}, {7, 32 * time.Minute},
		{8, time.Hour}, {30, time.Hour},
	} {
		require.Equal(t, tt.want, d.Backoff(tt.failures), "after %d failures", tt.failures)
	}
}
