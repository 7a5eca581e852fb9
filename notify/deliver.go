package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/backoff"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/user"
)

// Sender delivers one message over a channel.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Message is what one delivery carries: one notice, or a digest of several due to one recipient
// on one channel at once.
type Message struct {
	Channel string
	// Recipient is the address: an e-mail address, a webhook URL, or the user's name for log.
	Recipient string
	UserName  string
	Subject   string
	Text      string
	// Notices are the notices in the message (a digest when more than one).
	Notices []NoticeView
	// Date is when the message is sent, for the e-mail Date header.
	Date time.Time
}

// NoticeView is one notice as messages show it; as JSON it is the payload with the notice id,
// subject and text added (the webhook body's notices).
type NoticeView struct {
	ID int `json:"id"`
	Payload
	Subject string `json:"subject"`
	Text    string `json:"text"`
}

// maxErrorLen bounds last_error: enough to diagnose, small enough for a list view.
const maxErrorLen = 500

// Deliverer delivers due notices: the deliver-notices job.
type Deliverer struct {
	store   *database.Store
	cfg     Config
	logger  *slog.Logger
	clock   clockwork.Clock
	senders map[string]Sender
	mu      sync.Mutex // one run at a time in a process: two would send the same notices

	// Observer, when set, hears of each delivery's outcome (metrics).
	Observer DeliveryObserver
}

// NewDeliverer returns the job that delivers notices through senders, by channel. A nil map
// builds the senders from cfg: webhook, email when SMTP is configured, and log. A sender that
// cannot be built (a missing secret variable) is replaced by one that fails with the reason, so
// it shows in last_error; Config.Validate reports it at start.
func NewDeliverer(store *database.Store, cfg Config, logger *slog.Logger, clock clockwork.Clock, senders map[string]Sender) *Deliverer {
	cfg = cfg.withDefaults()
	if logger == nil {
		logger = slog.Default()
	}
	if clock == nil {
		clock = clockwork.NewRealClock()
	}
	if senders == nil {
		senders = map[string]Sender{ChannelLog: NewLogSender(logger)}
		if w, err := NewWebhookSender(cfg.Webhook); err != nil {
			logger.Error("notices: webhook sender", "error", err)
			senders[ChannelWebhook] = failing{err}
		} else {
			senders[ChannelWebhook] = w
		}
		if cfg.emailEnabled() {
			if m, err := NewEmailSender(cfg.SMTP); err != nil {
				logger.Error("notices: email sender", "error", err)
				senders[ChannelEmail] = failing{err}
			} else {
				senders[ChannelEmail] = m
			}
		}
	}
	return &Deliverer{store: store, cfg: cfg, logger: logger, clock: clock, senders: senders}
}

// failing is a sender that could not be built.
type failing struct{ err error }

func (f failing) Send(context.Context, Message) error { return f.err }

// Backoff returns the wait after the given number of failed attempts: cfg.Backoff doubling per
// failure, capped at an hour.
func (d *Deliverer) Backoff(failures int) time.Duration {
	return backoff.Delay(d.cfg.Backoff.Std(), maxBackoff, failures, 0)
}

// group is the notices that go out as one message.
type group struct {
	channel   string
	userID    int // 0 when the notice has no user
	recipient string
	notices   []*ent.Notice
}

// Run delivers due notices (not delivered, not given up, deliver_after <= now), at most cfg.Batch.
// Notices due to one recipient on one channel go out as one message. Nothing is sent inside a
// transaction: due notices are read, each message is sent, then its outcome is recorded (a
// delivery, or a failure with its backoff, given up at the MaxAttempts-th). It returns how many
// notices were delivered.
func (d *Deliverer) Run(ctx context.Context, now time.Time) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	now = now.UTC()
	sys := database.System(ctx)
	due, err := d.store.Client.Notice.Query().
		Where(notice.DeliveredAtIsNil(), notice.FailedAtIsNil(), notice.DeliverAfterLTE(now)).
		Order(ent.Asc(notice.FieldDeliverAfter), ent.Asc(notice.FieldID)).Limit(d.cfg.Batch).All(sys)
	if err != nil {
		return 0, fmt.Errorf("deliver notices: read due: %w", err)
	}
	if len(due) == 0 {
		return 0, nil
	}
	groups := groupNotices(due)
	users, err := d.users(sys, due)
	if err != nil {
		return 0, err
	}
	// Outcomes are recorded even when ctx ends right after a send: a message that went out must
	// not be sent again because shutdown began.
	record := context.WithoutCancel(sys)
	delivered := 0
	for _, g := range groups {
		if err := ctx.Err(); err != nil {
			return delivered, err
		}
		m, err := d.compose(g, users[g.userID])
		if err == nil {
			err = d.send(ctx, m)
		}
		if err != nil && ctx.Err() != nil {
			// Shutting down is not the recipient's failure: leave the attempt uncounted.
			return delivered, ctx.Err()
		}
		if err != nil {
			d.logger.Warn("notice delivery failed", "channel", g.channel, "recipient", g.recipient,
				"notices", ids(g.notices), "error", err)
			if rerr := d.recordFailure(record, now, g.notices, err); rerr != nil {
				return delivered, rerr
			}
			d.observeFailure(g)
			continue
		}
		n, err := d.recordSuccess(record, now, g.notices)
		d.observe(g.channel, DeliveryDelivered, n)
		delivered += n
		if err != nil {
			return delivered, err
		}
	}
	return delivered, nil
}

// groupNotices groups notices by channel and recipient, in the order they became due.
func groupNotices(due []*ent.Notice) []*group {
	var out []*group
	index := map[string]*group{}
	for _, n := range due {
		uid := 0
		if n.UserID != nil {
			uid = *n.UserID
		}
		k := fmt.Sprintf("%s\x00%d\x00%s", n.Channel, uid, n.Recipient)
		g, ok := index[k]
		if !ok {
			g = &group{channel: n.Channel, userID: uid, recipient: n.Recipient}
			index[k] = g
			out = append(out, g)
		}
		g.notices = append(g.notices, n)
	}
	return out
}

// users loads the recipients of due, by id.
func (d *Deliverer) users(ctx context.Context, due []*ent.Notice) (map[int]*ent.User, error) {
	var uids []int
	for _, n := range due {
		if n.UserID != nil {
			uids = append(uids, *n.UserID)
		}
	}
	out := map[int]*ent.User{}
	if len(uids) == 0 {
		return out, nil
	}
	us, err := d.store.Client.User.Query().Where(user.IDIn(slices.Compact(slices.Sorted(slices.Values(uids)))...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("deliver notices: read recipients: %w", err)
	}
	for _, u := range us {
		out[u.ID] = u
	}
	return out, nil
}

// compose renders g's message for u (nil when the notice names no user) at delivery time, so the
// recipient's current time zone and webhook apply.
func (d *Deliverer) compose(g *group, u *ent.User) (Message, error) {
	m := Message{Channel: g.channel, Recipient: g.recipient, UserName: g.recipient, Date: d.clock.Now()}
	var zone *string
	if u != nil {
		m.UserName = u.Name
		zone = u.TimeZone
	}
	if g.channel == ChannelWebhook {
		m.Recipient = d.cfg.Webhook.URL
		if u != nil && u.WebhookURL != nil && *u.WebhookURL != "" {
			m.Recipient = *u.WebhookURL
		}
		if m.Recipient == "" {
			return m, fmt.Errorf("no webhook URL for %s and no global webhook", m.UserName)
		}
	}
	loc := location(zone, d.cfg.TimeZone)
	for _, n := range g.notices {
		var p Payload
		if err := json.Unmarshal(n.Payload, &p); err != nil {
			return m, fmt.Errorf("notice %d: payload: %w", n.ID, err)
		}
		if p.Kind == "" {
			p.Kind = n.Kind
		}
		m.Notices = append(m.Notices, NoticeView{ID: n.ID, Payload: p, Subject: Subject(p),
			Text: Text(p, loc, d.cfg.ServerURL)})
	}
	m.Subject, m.Text = digest(m.UserName, m.Notices)
	return m, nil
}

// send hands m to its channel's sender.
func (d *Deliverer) send(ctx context.Context, m Message) error {
	s, ok := d.senders[m.Channel]
	if !ok || s == nil {
		return fmt.Errorf("no sender for channel %q", m.Channel)
	}
	return s.Send(ctx, m)
}

// recordSuccess marks notices delivered; it counts only those still pending, so a notice that
// another process settled meanwhile is not counted twice. It is a transaction of its own so
// that on SQLite it joins the writes queued for the next group commit.
func (d *Deliverer) recordSuccess(ctx context.Context, now time.Time, ns []*ent.Notice) (int, error) {
	var n int
	err := d.store.Write(ctx, func(tx *database.Tx) error {
		var err error
		n, err = tx.Notice.Update().
			Where(notice.IDIn(ids(ns)...), notice.DeliveredAtIsNil(), notice.FailedAtIsNil()).
			SetDeliveredAt(now).AddAttempts(1).Save(ctx)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("record delivery of notices %v: %w", ids(ns), err)
	}
	return n, nil
}

// recordFailure counts a failed attempt on each notice: it is retried after the backoff, or given
// up at the MaxAttempts-th failure.
func (d *Deliverer) recordFailure(ctx context.Context, now time.Time, ns []*ent.Notice, cause error) error {
	msg := trimError(cause.Error())
	err := d.store.Write(ctx, func(tx *database.Tx) error {
		for _, n := range ns {
			attempts := n.Attempts + 1
			upd := tx.Notice.Update().Where(notice.ID(n.ID), notice.DeliveredAtIsNil(), notice.FailedAtIsNil()).
				SetAttempts(attempts).SetLastError(msg)
			if attempts >= d.cfg.MaxAttempts {
				upd.SetFailedAt(now)
			} else {
				upd.SetDeliverAfter(now.Add(d.Backoff(attempts)))
			}
			if err := upd.Exec(ctx); err != nil {
				return fmt.Errorf("notice %d: %w", n.ID, err)
			}
			if attempts >= d.cfg.MaxAttempts {
				d.logger.Error("notice given up", "notice", n.ID, "channel", n.Channel,
					"recipient", n.Recipient, "attempts", attempts, "error", msg)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record failed delivery: %w", err)
	}
	return nil
}

// trimError cuts s to maxErrorLen bytes on a rune boundary.
func trimError(s string) string {
	if len(s) <= maxErrorLen {
		return s
	}
	s = s[:maxErrorLen]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

func ids(ns []*ent.Notice) []int {
	out := make([]int, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

// LogSender delivers by a structured log line; it never fails.
type LogSender struct{ logger *slog.Logger }

// NewLogSender returns a sender that logs to logger.
func NewLogSender(logger *slog.Logger) *LogSender { return &LogSender{logger: logger} }

// Send logs m.
func (s *LogSender) Send(ctx context.Context, m Message) error {
	kinds := make([]string, 0, len(m.Notices))
	for _, n := range m.Notices {
		kinds = append(kinds, n.Kind)
	}
	s.logger.InfoContext(ctx, "notice", "recipient", m.UserName, "kind", strings.Join(kinds, ","),
		"notices", len(m.Notices), "subject", m.Subject, "text", m.Text)
	return nil
}
