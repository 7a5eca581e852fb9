package billing

// Streaming returns a copy of s that computes usage by streaming charges, the reference
// the database's totals are compared with.
func (s *Service) Streaming() *Service {
	c := *s
	c.stream = true
	return &c
}
