package journal

import "time"

// TextSpan is the stretch of time, first and last, of the imported
// entries that a journal recognises by their text because they have no
// SourceID: an import compares them only with the entries written within
// it. The zero TextSpan holds none.
type TextSpan [2]time.Time

// Add widens the span to hold e, when e is matched by its text.
func (s *TextSpan) Add(e Entry) {
	if e.SourceID != "" {
		return
	}
	if s[0].IsZero() || e.WrittenAt.Before(s[0]) {
		s[0] = e.WrittenAt
	}
	if s[1].IsZero() || e.WrittenAt.After(s[1]) {
		s[1] = e.WrittenAt
	}
}
