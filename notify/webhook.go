package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/hardcandy/hardcandy/dispenser"
)

// webhookSnippet bounds how much of a failed answer goes into the error.
const webhookSnippet = 200

// WebhookBody is what a webhook receives.
type WebhookBody struct {
	Notices []NoticeView `json:"notices"`
	// Recipient is the user's name.
	Recipient string `json:"recipient"`
}

// WebhookSender POSTs messages as JSON to the message's recipient URL, signed like dispenser
// requests when a secret is set.
type WebhookSender struct {
	secret []byte
	client *http.Client
}

// NewWebhookSender returns a webhook sender for cfg; it fails when the secret's environment
// variable is missing.
func NewWebhookSender(cfg WebhookConfig) (*WebhookSender, error) {
	secret, err := resolve("notices.webhook.secret", cfg.Secret, cfg.SecretEnv)
	if err != nil {
		return nil, err
	}
	timeout := cfg.Timeout.Std()
	if timeout <= 0 {
		timeout = defaultWebhookTimeout
	}
	return &WebhookSender{secret: []byte(secret), client: &http.Client{
		Timeout: timeout,
		// A redirect would turn the POST into a bodiless GET whose 200 looks like a delivery:
		// answer with the 3xx instead, which fails with its status.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}, nil
}

// Send POSTs m to m.Recipient; an answer outside 2xx is a failure naming the status and the start
// of the body.
func (s *WebhookSender) Send(ctx context.Context, m Message) error {
	if err := checkURL(m.Recipient); err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	body, err := json.Marshal(WebhookBody{Notices: m.Notices, Recipient: m.UserName})
	if err != nil {
		return fmt.Errorf("webhook body: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.Recipient, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "hardcandy-notices")
	if len(s.secret) > 0 {
		req.Header.Set(dispenser.HeaderSignature, dispenser.Sign(s.secret, body))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		// The URL may carry a token (chat webhooks do) and last_error is shown to users: keep it
		// out of the error.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("webhook POST: %w", err)
	}
	defer func() { _ = resp.Body.Close() }()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, webhookSnippet))
	// Drain a little more so the connection can be reused; a huge answer is cut off instead.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook answered %s: %s", resp.Status, strings.TrimSpace(string(snippet)))
	}
	return nil
}
