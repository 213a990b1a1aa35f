package journal

import (
	"testing"
	"time"
)

func TestNextSession(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, london)
	cases := []struct {
		name, stored, repeat string
		want                 string // RFC 3339, or "" for zero
	}{
		{"not set", "", "weekly", ""},
		{"unreadable", "soon", "weekly", ""},
		{"future stays", "2026-12-10T17:00:00Z", "weekly", "2026-12-10T17:00:00Z"},
		{"passed without repeat stays", "2026-12-03T17:00:00Z", "", "2026-12-03T17:00:00Z"},
		{"passed weekly moves a week", "2026-12-03T17:00:00Z", "weekly", "2026-12-10T17:00:00Z"},
		{"passed fortnightly moves two weeks", "2026-12-03T17:00:00Z", "fortnightly", "2026-12-17T17:00:00Z"},
		{"earlier today moves on", "2026-12-06T09:00:00Z", "weekly", "2026-12-13T09:00:00Z"},
		{"long past catches up", "2026-01-01T17:00:00Z", "weekly", "2026-12-10T17:00:00Z"},
		{"keeps the clock time over summer time", "2026-10-22T18:00:00+01:00", "weekly", "2026-12-10T18:00:00Z"},
		{"across the year", "2026-12-03T17:00:00Z", "fortnightly", "2026-12-17T17:00:00Z"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got := NextSession(tt.stored, tt.repeat, now)
			if tt.want == "" {
				if !got.IsZero() {
					t.Fatalf("got %v, want none", got)
				}
				return
			}
			if want, _ := time.Parse(time.RFC3339, tt.want); !got.Equal(want) {
				t.Fatalf("got %v, want %s", got, tt.want)
			}
		})
	}
	// Across a year end.
	if got := NextSession("2026-12-31T17:00:00Z", "weekly", time.Date(2027, 1, 2, 9, 0, 0, 0, london)); !got.Equal(time.Date(2027, 1, 7, 17, 0, 0, 0, london)) {
		t.Fatalf("across the year: %v", got)
	}
}
