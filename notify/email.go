package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// EmailSender sends messages as plain-text mail through an SMTP server.
type EmailSender struct {
	cfg      SMTPConfig
	password string
	from     *mail.Address
	timeout  time.Duration
}

// NewEmailSender returns a sender for cfg. It fails on a bad From, a missing password variable,
// or a username without STARTTLS to a host other than loopback: the password would cross the
// network in the clear.
func NewEmailSender(cfg SMTPConfig) (*EmailSender, error) {
	if cfg.Host == "" {
		return nil, errors.New("notices.smtp.host: required for e-mail")
	}
	from, err := parseFrom(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("notices.smtp.from: %w", err)
	}
	password, err := resolve("notices.smtp.password", cfg.Password, cfg.PasswordEnv)
	if err != nil {
		return nil, err
	}
	if cfg.Username != "" && !cfg.StartTLS && !loopback(cfg.Host) {
		return nil, errors.New("notices.smtp: a username needs starttls, or the password is sent in the clear")
	}
	if cfg.Port == 0 {
		cfg.Port = 25
		if cfg.StartTLS {
			cfg.Port = 587
		}
	}
	timeout := cfg.Timeout.Std()
	if timeout <= 0 {
		timeout = defaultSMTPTimeout
	}
	return &EmailSender{cfg: cfg, password: password, from: from, timeout: timeout}, nil
}

func parseFrom(s string) (*mail.Address, error) {
	if s == "" {
		return nil, errors.New("required")
	}
	return mail.ParseAddress(s)
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Send delivers m to m.Recipient: connect, STARTTLS when configured, AUTH PLAIN when a username
// is set, then one mail.
func (s *EmailSender) Send(ctx context.Context, m Message) error {
	to, err := mail.ParseAddress(m.Recipient)
	if err != nil {
		return fmt.Errorf("email recipient %q: %w", m.Recipient, err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	addr := net.JoinHostPort(s.cfg.Host, strconv.Itoa(s.cfg.Port))
	var dialer net.Dialer
	conn, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", addr, err)
	}
	// The SMTP client takes no context: the connection's deadline bounds every command, and
	// cancelling ctx closes the connection under it.
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()

	var c *smtp.Client
	if s.cfg.StartTLS {
		c, err = smtp.NewClientStartTLS(conn, &tls.Config{
			ServerName:         s.cfg.Host,
			InsecureSkipVerify: s.cfg.InsecureSkipVerify, //nolint:gosec // opt-in, for test servers
			MinVersion:         tls.VersionTLS12,
		})
		if err != nil {
			return fmt.Errorf("smtp %s: starttls: %w", addr, err)
		}
	} else {
		c = smtp.NewClient(conn)
	}
	defer func() { _ = c.Close() }()
	if s.cfg.Username != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return fmt.Errorf("smtp %s: server offers no AUTH", addr)
		}
		if err := c.Auth(sasl.NewPlainClient("", s.cfg.Username, s.password)); err != nil {
			return fmt.Errorf("smtp %s: auth: %w", addr, err)
		}
	}
	msg, err := s.compose(m, to)
	if err != nil {
		return err
	}
	if err := c.SendMail(s.from.Address, []string{to.Address}, bytes.NewReader(msg)); err != nil {
		return fmt.Errorf("smtp %s: send: %w", addr, err)
	}
	// The server accepted the mail with the final dot; a failed QUIT changes nothing about that.
	_ = c.Quit()
	return nil
}

// compose writes an RFC 5322 message with a quoted-printable UTF-8 text body.
func (s *EmailSender) compose(m Message, to *mail.Address) ([]byte, error) {
	date := m.Date
	if date.IsZero() {
		return nil, errors.New("email: message has no date")
	}
	rcpt := *to
	if rcpt.Name == "" {
		rcpt.Name = m.UserName
	}
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", s.from.String())
	header("To", rcpt.String())
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", date.Format(time.RFC1123Z))
	header("Message-ID", messageID(m, s.from.Address))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	// Automatic mail: vacation responders must not answer it (RFC 3834).
	header("Auto-Submitted", "auto-generated")
	ids := make([]string, len(m.Notices))
	for i, n := range m.Notices {
		ids[i] = strconv.Itoa(n.ID)
	}
	if len(ids) > 0 {
		header("X-Hardcandy-Notices", strings.Join(ids, ", "))
	}
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(m.Text)); err != nil {
		return nil, fmt.Errorf("email body: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, fmt.Errorf("email body: %w", err)
	}
	return b.Bytes(), nil
}

// messageID returns a unique Message-ID in the sender's domain, naming the notices it carries.
func messageID(m Message, from string) string {
	domain := "hardcandy.invalid"
	if _, d, ok := strings.Cut(from, "@"); ok && d != "" {
		domain = d
	}
	var r [8]byte
	_, _ = rand.Read(r[:])
	first := 0
	if len(m.Notices) > 0 {
		first = m.Notices[0].ID
	}
	return fmt.Sprintf("<hardcandy.notice.%d.%d.%s@%s>", first, m.Date.Unix(), hex.EncodeToString(r[:]), domain)
}
