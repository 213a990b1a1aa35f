package journal

import (
	"testing"
	"time"
)

var parseWrittenAtCases = []struct {
	in   string
	want string // RFC 3339, or "" for an error
}{
	{"2026-11-25 18:30", "2026-11-25T18:30:00+01:00"},
	{"  2026-11-25 18:30 ", "2026-11-25T18:30:00+01:00"},
	{"2026-11-25T18:30", "2026-11-25T18:30:00+01:00"},
	{"2026-11-25 18:30:15", "2026-11-25T18:30:15+01:00"},
	{"2026-11-25", "2026-11-25T00:00:00+01:00"},
	{"2026-07-01 09:00", "2026-07-01T09:00:00+02:00"}, // summer time
	{"2026-11-25T18:30:00-05:00", "2026-11-25T18:30:00-05:00"},
	{"25/11/2026", ""},
	{"2026-13-01", ""},
	{"2026-02-30 10:00", ""},
	{"yesterday", ""},
	{"", ""},
}

var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err)
	}
	return loc
}()

func TestParseWrittenAt(t *testing.T) {
	for _, tt := range parseWrittenAtCases {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseWrittenAt(tt.in, berlin)
			if tt.want == "" {
				if ErrorCode(err) != EInvalid {
					t.Fatalf("got %v, %v; want an invalid-input error", got, err)
				}
				return
			}
			if err != nil || got.Format(time.RFC3339) != tt.want {
				t.Fatalf("got %s, %v; want %s", got.Format(time.RFC3339), err, tt.want)
			}
		})
	}
}

// FuzzParseWrittenAt: any text gives a time or a person-readable error,
// never a panic, and a time formatted back parses to the same instant.
func FuzzParseWrittenAt(f *testing.F) {
	for _, tt := range parseWrittenAtCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseWrittenAt(s, berlin)
		if err != nil {
			if ErrorCode(err) != EInvalid {
				t.Fatalf("error %v has code %s, want invalid", err, ErrorCode(err))
			}
			return
		}
		again, err := ParseWrittenAt(got.Format(time.RFC3339), berlin)
		// RFC 3339 writes offsets in whole minutes; before standard time
		// Berlin was 53 minutes and 28 seconds ahead, so those seconds
		// are all a round trip may lose.
		_, offset := got.Zone()
		drift := time.Duration(offset%60) * time.Second
		if err != nil || again.Sub(got).Abs() > drift.Abs() {
			t.Fatalf("%q parsed to %v, which doesn't parse back: %v", s, got, err)
		}
	})
}
