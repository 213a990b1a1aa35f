package ui

import "testing"

func TestWithoutImages(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no images", "no images"},
		{"![a pixel](http://127.0.0.1/p.png)", "[image: a pixel]"},
		{"before ![](https://x.org/a.png \"title\") after", "before [image: ] after"},
		{"[a link](https://x.org) stays", "[a link](https://x.org) stays"},
		{"two ![one](a.png) and ![two](b.png)", "two [image: one] and [image: two]"},
	} {
		if got := withoutImages(tc.in); got != tc.want {
			t.Errorf("withoutImages(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
