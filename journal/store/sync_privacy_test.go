package store

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// canaryForms are the ways a word could sit in a file: as it is, in
// base64 at each of the three alignments (JSON writes bytes that way),
// and in hex.
func canaryForms(word string) [][]byte {
	forms := [][]byte{[]byte(word), []byte(hex.EncodeToString([]byte(word)))}
	for pad := range 3 {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			s := enc.EncodeToString(append(bytes.Repeat([]byte{'x'}, pad), word...))
			// Drop the characters the padding and the end's alignment touch.
			forms = append(forms, []byte(s[(pad*4+2)/3+1:len(s)-4]))
		}
	}
	return forms
}

// Everything a person can write, on an encrypted journal syncing with
// another computer (snapshots included): no file in the sync folder holds
// any of it, in any form.
func TestSync_FolderHoldsNoCanary(t *testing.T) {
	cheapKDF(t)
	saved := snapshotEvery
	snapshotEvery = 2 // snapshots soon, so they are searched too
	t.Cleanup(func() { snapshotEvery = saved })
	canaries := map[string]string{}
	c := func(field string) string {
		w := "Zq" + field + "Canary7Wx"
		canaries[field] = w
		return w
	}
	dir := filepath.Join(t.TempDir(), "sync")
	a := mustOpen(t)
	if err := a.EnableEncryption(syncPass); err != nil {
		t.Fatal(err)
	}
	if err := a.EnableSync(dir, c("DeviceName")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 5, 4, 19, 30, 0, 0, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := a.AddPattern(journal.Pattern{Name: c("PatternName"), Category: journal.Categories[0], Description: c("PatternDescription")})
	must(err)
	_, err = a.AddPerson(journal.Person{Name: c("PersonName"), Role: "friend", Aliases: []string{c("PersonAlias")}})
	must(err)
	g, err := a.AddGoal(journal.Goal{Title: c("GoalTitle"), Description: c("GoalDescription")})
	must(err)
	_, err = a.AddCheckIn(journal.CheckIn{GoalID: g.ID, At: at, Rating: 5, Note: c("CheckInNote")})
	must(err)
	e, err := a.CreateEntry(journal.Entry{
		WrittenAt: at, Title: c("EntryTitle"), Body: c("EntryBody"), Mood: 3,
		Emotions: []string{c("EmotionName")}, Patterns: []string{canaries["PatternName"]}, GoalIDs: []int64{g.ID},
		Episodes: []journal.Episode{{
			Person: canaries["PersonName"], Wish: c("EpisodeWish"), OtherResponse: c("EpisodeOther"), SelfResponse: c("EpisodeSelf"),
			Reminds: c("EpisodeReminds"), EarlierPerson: c("EpisodeEarlier"),
		}},
	})
	must(err)
	_, err = a.AddAttachment(e.ID, c("FileName")+".pdf", []byte("%PDF-1.4\n"+c("FileBytes")+"\n"))
	must(err)
	_, err = a.SaveSession(journal.Session{At: at, Takeaways: c("SessionTakeaways"), Questions: []journal.Question{{Text: c("SessionQuestion")}}})
	must(err)
	_, err = a.SaveMeasurement(journal.PHQ9, make([]int, 9), journal.NoDifficulty, at)
	must(err)
	_, err = a.AddMoodCheckIn(journal.MoodCheckIn{At: at, Mood: 6, Emotions: []string{canaries["EmotionName"]}})
	must(err)
	must(a.HideWords(c("HiddenWord")))
	must(a.SetCrisisLines(journal.RegionElsewhere, c("CrisisLine")))
	mustSync(t, a)
	b, err := JoinSync(filepath.Join(t.TempDir(), "joined.db"), dir, syncPass, c("OtherDeviceName"))
	must(err)
	t.Cleanup(func() { b.Close() })
	e.Body = c("EditedBody")
	_, err = b.UpdateEntry(e)
	must(err)
	mustSync(t, b)
	mustSync(t, a)
	for i, s := range []*Store{a, b} {
		_, err = s.AddCheckIn(journal.CheckIn{GoalID: g.ID, At: at.Add(time.Duration(i+1) * time.Hour), Rating: 6, Note: c("LaterNote" + string(rune('A'+i)))})
		must(err)
		mustSync(t, s)
	}
	mustSync(t, a)
	if got, err := a.Entry(e.ID); err != nil || got.Body != canaries["EditedBody"] {
		t.Fatalf("the edit didn't travel: %q, %v", got.Body, err)
	}
	var snapshots int
	files := 0
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		if filepath.Ext(path) == ".snap" {
			snapshots++
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for field, word := range canaries {
			for _, form := range canaryForms(word) {
				if bytes.Contains(data, form) {
					t.Errorf("%s holds the %s (as %q)", path, field, form)
				}
			}
		}
		return nil
	})
	must(err)
	if snapshots < 2 || files < 6 {
		t.Fatalf("searched %d files, %d of them snapshots: the folder isn't as written", files, snapshots)
	}
}
