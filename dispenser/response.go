package dispenser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// errBackend marks causes that are the backend's own answer rather than a transport problem.
var errBackend = errors.New("backend answered")

// newRequest builds the document for action.
func newRequest(action string, lease *Lease, item *Item, check *CheckRequest) Request {
	return Request{Action: action, Lease: lease, Item: item, Check: check}
}

// decodeResponse parses a backend's answer. It is strict about the shape because a garbled
// answer to a vend must not be mistaken for success.
func decodeResponse(body []byte) (Response, error) {
	var resp Response
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return resp, errors.New("empty response")
	}
	if err := json.Unmarshal(trimmed, &resp); err != nil {
		return resp, fmt.Errorf("invalid response JSON: %w", err)
	}
	return resp, nil
}

// interpret turns a decoded Response to action into credentials or an *Error. It is shared
// by the http and exec drivers so both speak exactly the same protocol.
func interpret(action string, resp Response) (json.RawMessage, error) {
	switch resp.Status {
	case StatusOK:
		if action != ActionVend {
			return nil, nil
		}
		creds := bytes.TrimSpace(resp.Credentials)
		// The credentials are shown to the user as an object; anything else (missing, null,
		// a string) means the backend is broken, and it may have provisioned something.
		if len(creds) == 0 || creds[0] != '{' || !json.Valid(creds) {
			return nil, failed(action, "the dispenser answered ok without a credentials object", true,
				fmt.Errorf("%w: status ok, credentials %.100q", errBackend, string(creds)))
		}
		return json.RawMessage(creds), nil
	case StatusRefused:
		msg := resp.Error
		if msg == "" {
			msg = "refused by the dispenser"
		}
		return nil, refused(msg, fmt.Errorf("%w: refused", errBackend))
	case StatusFailed:
		msg := resp.Error
		if msg == "" {
			msg = "the dispenser failed"
		}
		// A failed vend may have half-provisioned the item unless the backend says otherwise.
		touched := resp.Touched == nil || *resp.Touched
		return nil, failed(action, msg, touched, fmt.Errorf("%w: failed", errBackend))
	default:
		return nil, failed(action, "the dispenser gave an unknown answer", true,
			fmt.Errorf("%w: unknown status %.50q", errBackend, resp.Status))
	}
}
