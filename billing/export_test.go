package billing

// Streaming returns a copy of s that computes usage by streaming charges, as it does where no
// aggregate query is written for the dialect, so tests can compare both paths on one database.
func (s *Service) Streaming() *Service {
	c := *s
	c.sqlite = false
	return &c
}
