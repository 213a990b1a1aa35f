package journal

import (
	"strings"
	"testing"
	"time"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("no zone %s: %v", name, err)
	}
	return loc
}

// TestParseWhen: every form people type, relative to a fixed now, with
// the zone and DST edges and the rules for what is ambiguous.
func TestParseWhen(t *testing.T) {
	london, auckland := zone(t, "Europe/London"), zone(t, "Pacific/Auckland")
	// Sunday 6 December 2026, 10:15 in London.
	sunday := time.Date(2026, 12, 6, 10, 15, 0, 0, london)
	cases := []struct {
		name, in string
		now      time.Time
		want     string // RFC 3339, or "" for an error
		timed    bool
	}{
		{"iso date and time", "2026-12-05 21:00", sunday, "2026-12-05T21:00:00Z", true},
		{"iso date", "2026-12-05", sunday, "2026-12-05T00:00:00Z", false},
		{"rfc 3339 keeps its offset", "2026-12-05T21:00:00+13:00", sunday, "2026-12-05T21:00:00+13:00", true},
		{"today", "today", sunday, "2026-12-06T00:00:00Z", false},
		{"today in capitals", "  Today ", sunday, "2026-12-06T00:00:00Z", false},
		{"yesterday with a time", "yesterday 21:00", sunday, "2026-12-05T21:00:00Z", true},
		{"tomorrow", "tomorrow", sunday, "2026-12-07T00:00:00Z", false},
		{"next thursday with a time", "next thu 17:00", sunday, "2026-12-10T17:00:00Z", true},
		{"weekday alone is the coming one", "thu", sunday, "2026-12-10T00:00:00Z", false},
		{"weekday alone on that day is today", "sunday", sunday, "2026-12-06T00:00:00Z", false},
		{"next on that day is a week on", "next sun", sunday, "2026-12-13T00:00:00Z", false},
		{"last weekday is before today", "last thu", sunday, "2026-12-03T00:00:00Z", false},
		{"day month", "5 Dec", sunday, "2026-12-05T00:00:00Z", false},
		{"day month year time", "5 Dec 2026 9:30", sunday, "2026-12-05T09:30:00Z", true},
		{"month day", "Dec 5", sunday, "2026-12-05T00:00:00Z", false},
		{"month day comma year", "December 5th, 2027", sunday, "2027-12-05T00:00:00Z", false},
		{"time alone is today", "21:00", sunday, "2026-12-06T21:00:00Z", true},
		{"9pm", "9pm", sunday, "2026-12-06T21:00:00Z", true},
		{"9 pm", "tomorrow 9 pm", sunday, "2026-12-07T21:00:00Z", true},
		{"12am is midnight", "12am", sunday, "2026-12-06T00:00:00Z", true},
		{"12pm is noon", "12pm", sunday, "2026-12-06T12:00:00Z", true},
		{"9:30am", "5 dec 9:30am", sunday, "2026-12-05T09:30:00Z", true},

		// A day and month without a year is the nearest one.
		{"january in december is next year", "5 Jan", sunday, "2027-01-05T00:00:00Z", false},
		{"november in december is this year", "30 Nov", sunday, "2026-11-30T00:00:00Z", false},
		{"december in january is last year", "20 Dec", time.Date(2027, 1, 3, 9, 0, 0, 0, london), "2026-12-20T00:00:00Z", false},
		{"yesterday across a year", "yesterday", time.Date(2027, 1, 1, 9, 0, 0, 0, london), "2026-12-31T00:00:00Z", false},
		{"tomorrow across a month", "tomorrow", time.Date(2026, 2, 28, 9, 0, 0, 0, london), "2026-03-01T00:00:00Z", false},
		{"29 feb goes to the nearest leap year", "29 Feb", time.Date(2027, 6, 1, 9, 0, 0, 0, london), "2028-02-29T00:00:00Z", false},

		// London: clocks forward 29 Mar 2026 01:00 -> 02:00, back 25 Oct 02:00 -> 01:00.
		{"spring gap is refused", "2026-03-29 01:30", sunday, "", false},
		{"spring gap in words is refused", "29 Mar 2026 1:30", sunday, "", false},
		{"just after the gap", "29 Mar 2026 02:00", sunday, "2026-03-29T02:00:00+01:00", true},
		{"autumn repeat takes summer time", "25 Oct 2026 01:30", sunday, "2026-10-25T01:30:00+01:00", true},
		{"after the repeat", "25 Oct 2026 02:30", sunday, "2026-10-25T02:30:00Z", true},

		// Auckland is 13 hours ahead: "today" is its own day, not UTC's.
		{"far zone today", "today 9am", time.Date(2026, 12, 6, 8, 0, 0, 0, auckland), "2026-12-06T09:00:00+13:00", true},
		{"far zone yesterday", "yesterday", time.Date(2026, 12, 6, 0, 30, 0, 0, auckland), "2026-12-05T00:00:00+13:00", false},

		// Ambiguous or wrong: refused with a clear message, never guessed.
		{"slashes are ambiguous", "12/05/2026", sunday, "", false},
		{"a bare number", "5", sunday, "", false},
		{"31 feb", "31 Feb 2026", sunday, "", false},
		{"13pm", "13pm", sunday, "", false},
		{"25:00", "25:00", sunday, "", false},
		{"next without a weekday", "next week", sunday, "", false},
		{"empty", "  ", sunday, "", false},
		{"words", "soon", sunday, "", false},
		{"two weekdays", "thu fri", sunday, "", false},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadWhen(tt.in, tt.now)
			if tt.want == "" {
				if ErrorCode(err) != EInvalid {
					t.Fatalf("got %v, %v; want an invalid-input error", got.At, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%q: %v", tt.in, err)
			}
			if got.At.Format(time.RFC3339) != tt.want || got.Timed != tt.timed {
				t.Fatalf("%q gave %s timed=%v; want %s timed=%v", tt.in, got.At.Format(time.RFC3339), got.Timed, tt.want, tt.timed)
			}
		})
	}
}

// TestParseWhenErrorsSayWhatWorks: a person who typed something unreadable
// learns the forms that are read, and the DST gap says what happened.
func TestParseWhenErrorsSayWhatWorks(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, zone(t, "Europe/London"))
	_, err := ParseWhen("soon", now)
	if err == nil || !strings.Contains(err.Error(), "next thu 17:00") || !strings.Contains(err.Error(), `"soon"`) {
		t.Fatalf("error %v doesn't say which forms are read", err)
	}
	_, err = ParseWhen("2026-03-29 01:30", now)
	if err == nil || !strings.Contains(err.Error(), "clocks go forward") {
		t.Fatalf("error %v doesn't explain the skipped hour", err)
	}
}

func TestWhenEndOf(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	day, _ := ReadWhen("5 dec", now)
	timed, _ := ReadWhen("5 dec 9:30", now)
	if got := day.EndOf(); !got.Equal(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("end of a day is %v", got)
	}
	if got := timed.EndOf(); !got.Equal(time.Date(2026, 12, 5, 9, 31, 0, 0, time.UTC)) {
		t.Fatalf("end of a time is %v", got)
	}
}

// FuzzParseWhen: any text gives a time or a person-readable error, never a panic.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"today", "next thu 17:00", "5 Dec 2026 9:30", "9pm", "29 Feb", "12/05"} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 29, 0, 30, 0, 0, berlin)
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := ParseWhen(s, now); err != nil && ErrorCode(err) != EInvalid {
			t.Fatalf("error %v has code %s, want invalid", err, ErrorCode(err))
		}
	})
}
