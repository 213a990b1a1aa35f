package transfer

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// The export writes entries itself for speed; what it writes must be
// what encoding/json writes, so exports stay byte for byte as before.
func TestAppendEntryMatchesEncoder(t *testing.T) {
	awkward := "a \"quote\", a \\ backslash, <b>&amp;</b>, tab\t, cr\r, nl\n, bell\a, nul\x00, del\x7f, bad \xff\xfe utf-8, " +
		"cut \xe2\x82, line\u2028para\u2029, Καλημέρα, שלום, 🙂"
	for _, tc := range []struct {
		name  string
		entry journal.SnapshotEntry
	}{
		{"bare", journal.SnapshotEntry{ID: 1, WrittenAt: "2025-01-01T10:00:00Z", CreatedAt: "c", UpdatedAt: "u", Kind: "reflection"}},
		{"full", journal.SnapshotEntry{ID: 1 << 40, WrittenAt: "2025-01-01T10:00:00+00:53:28", WrittenZone: "Europe/Amsterdam",
			CreatedAt: "2025-01-01T09:00:00.000Z", UpdatedAt: "2025-01-01T09:00:00.123Z", Kind: "dream", Title: awkward, Body: awkward + "\n\n# heading",
			Mood: 10, Flagged: true, Source: "jrnl", SourceID: awkward, Emotions: []string{"anxious", awkward}, Patterns: []string{"avoidance"},
			GoalIDs: []int64{3, 1 << 50},
			Episodes: []journal.SnapshotEpisode{
				{ID: 7, Person: "Sam", Wish: awkward, OtherResponse: "o", SelfResponse: "s", Reminds: "r", EarlierPerson: "Mum",
					Emotions: []string{"hurt"}, Patterns: []string{"people-pleasing", awkward}},
				{ID: 8},
			},
			Attachments: []journal.SnapshotAttachment{
				{Name: awkward, MediaType: "image/png", Size: 5, SHA256: "ab", Data: []byte("\x89PNG\x00")},
				{Name: "رسم.pdf", MediaType: "application/pdf", Size: 1, SHA256: "cd", Data: []byte{0xff}},
			}}},
		{"empty lists are left out", journal.SnapshotEntry{ID: 2, Kind: "note", Emotions: []string{}, Patterns: []string{}, GoalIDs: []int64{},
			Episodes: []journal.SnapshotEpisode{}, Attachments: []journal.SnapshotAttachment{}, Mood: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("      ", "  ")
			if err := enc.Encode(tc.entry); err != nil {
				t.Fatal(err)
			}
			got := string(appendEntry(nil, &tc.entry, "      "))
			if w := strings.TrimSuffix(want.String(), "\n"); got != w {
				t.Errorf("appendEntry wrote\n%s\nencoding/json writes\n%s", got, w)
			}
		})
	}
}
