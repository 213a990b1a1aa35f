package transfer

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// daylioBackupName is the file inside a Daylio backup (.daylio, a zip)
// that holds the journal: base64 of its JSON.
const daylioBackupName = "backup.daylio"

// daylioLevels places Daylio's five mood levels (mood_group_id 1, rad, to
// 5, awful) on the 1 to 10 scale, as the CSV's five standard words are.
var daylioLevels = map[int]int{1: 10, 2: 8, 3: 5, 4: 3, 5: 1}

// daylioLevelNames are the five standard moods, by level; a mood a
// person named themselves has a custom_name, and still a level.
var daylioLevelNames = map[int]string{1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}

// daylioBackup is the part of a Daylio backup an import reads.
type daylioBackup struct {
	CustomMoods []struct {
		ID           int    `json:"id"`
		CustomName   string `json:"custom_name"`
		MoodGroupID  int    `json:"mood_group_id"`
		PredefinedID int    `json:"predefined_name_id"`
	} `json:"customMoods"`
	Tags []struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	} `json:"tags"`
	DayEntries []struct {
		ID             int64             `json:"id"`
		Datetime       int64             `json:"datetime"`       // unix milliseconds
		TimeZoneOffset int64             `json:"timeZoneOffset"` // milliseconds east of UTC
		Mood           int               `json:"mood"`           // a customMoods id
		Note           string            `json:"note"`
		NoteTitle      string            `json:"note_title"`
		Tags           []int             `json:"tags"`
		Assets         []json.RawMessage `json:"assets"`
	} `json:"dayEntries"`
}

// isDaylioBackup reports whether data is a Daylio backup: a zip holding
// backup.daylio.
func isDaylioBackup(data []byte) bool {
	if !bytes.HasPrefix(data, zipMagic) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	return err == nil && slices.ContainsFunc(zr.File, func(f *zip.File) bool { return f.Name == daylioBackupName })
}

// readDaylioBackup reads a Daylio backup. Unlike the CSV export it says
// which of the five levels each of a person's own moods belongs to, so
// every mood gets its number, and each entry keeps the zone it was
// written in.
func readDaylioBackup(data []byte) (*Batch, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The file can't be opened as a Daylio backup (%v): a backup is a zip archive, and this one is damaged or cut short. Make the backup again. Nothing was imported.", err)
	}
	i := slices.IndexFunc(zr.File, func(f *zip.File) bool { return f.Name == daylioBackupName })
	if i < 0 {
		return nil, journal.Errorf(journal.EInvalid, "The file is a zip archive without %s in it, so it is not a Daylio backup. Check that it is the right file. Nothing was imported.", daylioBackupName)
	}
	encoded, err := readZipped(zr.File[i])
	if err != nil {
		return nil, err
	}
	raw, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(encoded)))
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The file is a Daylio backup, but the journal in it (%s) is not the base64 text Daylio writes (%v): it may be damaged. Make the backup again. Nothing was imported.", daylioBackupName, err)
	}
	var bk daylioBackup
	if err := json.Unmarshal(raw, &bk); err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The file is a Daylio backup, but the journal in it (%s) is not the JSON Daylio writes (%v): it may be damaged. Make the backup again. Nothing was imported.", daylioBackupName, err)
	}
	type mood struct {
		name  string
		score int
	}
	moods := map[int]mood{}
	for _, m := range bk.CustomMoods {
		name := strings.TrimSpace(m.CustomName)
		if name == "" {
			name = daylioLevelNames[m.PredefinedID]
		}
		moods[m.ID] = mood{name, daylioLevels[m.MoodGroupID]}
	}
	tags := map[int]string{}
	for _, t := range bk.Tags {
		tags[t.ID] = t.Name
	}
	b := &Batch{Format: FormatDaylio}
	photos := 0
	for n, de := range bk.DayEntries {
		where := "entry " + number(n+1)
		if de.Datetime == 0 {
			b.reject(where, "it has no date")
			continue
		}
		at := time.UnixMilli(de.Datetime).In(time.FixedZone("", int(de.TimeZoneOffset/1000))).Truncate(time.Second)
		felt, known := moods[de.Mood]
		if !known {
			b.reject(where, fmt.Sprintf("its mood (number %d) is not one of the moods the backup lists", de.Mood))
			continue
		}
		var activities []string
		for _, id := range de.Tags {
			if name := strings.TrimSpace(tags[id]); name != "" {
				activities = append(activities, name)
			}
		}
		body := daylioBody(de.Note, felt.name, activities)
		if len(de.Assets) > 0 {
			photos += len(de.Assets)
			body = append(body, fmt.Sprintf("(%s left behind in Daylio)", plural(len(de.Assets), "photo")))
		}
		b.add(journal.Entry{
			WrittenAt: at, Title: daylioNote(de.NoteTitle), Body: strings.Join(body, "\n"),
			Mood: felt.score, Patterns: activities, Source: FormatDaylio, SourceID: strconv.FormatInt(de.ID, 10),
		}, n+1, where)
	}
	if photos > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("Left behind %s: Throughline keeps only the text. Each entry that had them says so.", plural(photos, "photo")))
	}
	return b, nil
}

// daylioBackupFile reports whether the zip at path is a Daylio backup,
// reading only its table of contents.
func daylioBackupFile(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	return slices.ContainsFunc(zr.File, func(f *zip.File) bool { return f.Name == daylioBackupName })
}
